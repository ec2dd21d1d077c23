import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZReleaseInput } from "@/lib/credits/schemas";
import { releaseHold } from "@/lib/credits/release-hold";

// POST /api/v1/reservations/{id}/release — release a whole hold
export const POST = apiRoute<{ id: string }>(async ({ actor, params, body }) => {
  const input = parseInput(ZReleaseInput, body);
  const { id, status } = await releaseHold({ ...input, holdId: params.id, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` });
  return jsonResponse(200, { id, status });
});
