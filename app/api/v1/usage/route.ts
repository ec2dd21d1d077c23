import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZUsageInput } from "@/lib/credits/schemas";
import { debitCredits } from "@/lib/credits/debit-credits";
import { reloadIfBelowThreshold, spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";

// POST /api/v1/usage — capture credits for a metered action
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZUsageInput, body);
  const usage = await spendWithAutoReload({
    workspaceId: actor.workspaceId,
    member: input.member,
    spend: () => debitCredits({ ...input, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` }),
  });
  reloadIfBelowThreshold({ workspaceId: actor.workspaceId, member: input.member, available: usage.available });
  return jsonResponse(201, usage);
});
