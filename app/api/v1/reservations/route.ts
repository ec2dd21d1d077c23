import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZReservationInput } from "@/lib/credits/schemas";
import { holdCredits } from "@/lib/credits/hold-credits";

// POST /api/v1/reservations — hold credits now, capture or release later
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZReservationInput, body);
  const hold = await holdCredits({ ...input, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` });
  return jsonResponse(201, hold);
});
