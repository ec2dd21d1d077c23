import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZApiGrantInput } from "@/lib/credits/schemas";
import { grantCredits } from "@/lib/credits/grant-credits";

// POST /api/v1/grants — a manual grant to a member, or to the pool without one
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZApiGrantInput, body);
  const grant = await grantCredits({
    ...input,
    member: input.member ?? null,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    workspaceId: actor.workspaceId,
    actor: `api_key:${actor.apiKeyId}`,
  });
  return jsonResponse(201, grant);
});
