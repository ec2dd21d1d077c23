import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { appBaseUrl } from "@/lib/app-url";
import { ZProvisionMemberInput } from "@/lib/workspaces/member-schemas";
import { provisionMember } from "@/lib/workspaces/provision-member";

// POST /api/v1/members — add a new person (201), return a member (200), or invite someone who uses Refill elsewhere (202)
export const POST = apiRoute(async ({ actor, body, request }) => {
  const input = parseInput(ZProvisionMemberInput, body);
  const result = await provisionMember({ ...input, workspaceId: actor.workspaceId, actorApiKeyId: actor.apiKeyId, baseUrl: appBaseUrl(request.headers) });
  if (result.outcome === "pending") return jsonResponse(202, { invitation: result.invitation, status: "pending" });
  return jsonResponse(result.outcome === "created" ? 201 : 200, result.member);
});
