import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZRefundInput } from "@/lib/credits/schemas";
import { refundUsage } from "@/lib/credits/refund-usage";

// POST /api/v1/usage/{id}/refund — give a usage's credits back to the buckets they came from
export const POST = apiRoute<{ id: string }>(async ({ actor, params, body }) => {
  const input = parseInput(ZRefundInput, body);
  const refund = await refundUsage({ ...input, usageId: params.id, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` });
  return jsonResponse(200, refund);
});
