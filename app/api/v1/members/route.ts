import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZProvisionMemberInput } from "@/lib/workspaces/member-schemas";
import { provisionMember } from "@/lib/workspaces/provision-member";

// POST /api/v1/members — add a member (201), or return them if already there (200)
export const POST = apiRoute(async ({ actor, body }) => {
  const input = parseInput(ZProvisionMemberInput, body);
  const { created, member } = await provisionMember({ ...input, workspaceId: actor.workspaceId, actorApiKeyId: actor.apiKeyId });
  return jsonResponse(created ? 201 : 200, member);
});
