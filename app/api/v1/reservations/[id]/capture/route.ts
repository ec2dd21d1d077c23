import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZCaptureInput } from "@/lib/credits/schemas";
import { captureHold } from "@/lib/credits/capture-hold";

// POST /api/v1/reservations/{id}/capture — capture up to the held credits and release the rest
export const POST = apiRoute<{ id: string }>(async ({ actor, params, body }) => {
  const input = parseInput(ZCaptureInput, body);
  const { id, status, credits } = await captureHold({ ...input, holdId: params.id, workspaceId: actor.workspaceId, actor: `api_key:${actor.apiKeyId}` });
  return jsonResponse(200, { id, status, credits });
});
