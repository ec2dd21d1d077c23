import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZReservationInput } from "@/lib/credits/schemas";
import { holdCredits } from "@/lib/credits/hold-credits";
import { spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";

// POST /api/v1/reservations — hold credits now, capture or release later
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZReservationInput, body);
  // Like usage: with auto-reload on, a hold the balance cannot cover waits (bounded) for the reload.
  const hold = await spendWithAutoReload({
    workspaceId: actor.workspaceId,
    member: input.member,
    spend: () => holdCredits({ ...input, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` }),
  });
  return jsonResponse(201, hold);
});
