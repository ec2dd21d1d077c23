import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZEstimateInput } from "@/lib/credits/schemas";
import { estimateCredits } from "@/lib/credits/estimate-credits";

// POST /api/v1/estimate — price planned work against a member's available credits
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZEstimateInput, body);
  return jsonResponse(200, await estimateCredits({ ...input, workspaceId: actor.workspaceId }));
});
