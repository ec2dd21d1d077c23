import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZUsageInput } from "@/lib/credits/schemas";
import { debitCredits } from "@/lib/credits/debit-credits";

// POST /api/v1/usage — capture credits for a metered action
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZUsageInput, body);
  const usage = await debitCredits({ ...input, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` });
  return jsonResponse(201, usage);
});
