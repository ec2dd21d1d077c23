import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZBalanceQuery } from "@/lib/credits/schemas";
import { getBalance } from "@/lib/credits/get-balance";

// GET /api/v1/balance?member= — a member's available credits and buckets
export const GET = apiRoute(async ({ actor, request }) => {
  const query = parseInput(ZBalanceQuery, Object.fromEntries(new URL(request.url).searchParams));
  const { member, available, buckets } = await getBalance({ workspaceId: actor.workspaceId, member: query.member });
  return jsonResponse(200, { member, available, buckets });
});
