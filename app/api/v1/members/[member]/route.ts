import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZUpdateMemberRoleInput } from "@/lib/workspaces/member-schemas";
import { updateMemberRole } from "@/lib/workspaces/update-member-role";

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// PATCH /api/v1/members/{member} — change a member's role (admin, member or viewer)
export const PATCH = apiRoute<{ member: string }>(async ({ actor, params, body }) => {
  const input = parseInput(ZUpdateMemberRoleInput, body);
  const member = await updateMemberRole({
    ...input,
    member: decodeSegment(params.member),
    workspaceId: actor.workspaceId,
    actorApiKeyId: actor.apiKeyId,
  });
  return jsonResponse(200, member);
});
