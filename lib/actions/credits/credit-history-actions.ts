"use server";

import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { listCreditHistory } from "@/lib/credits/list-credit-history";
import { resolveHistoryScope } from "@/lib/credits/resolve-history-scope";
import { CREDIT_HISTORY_PAGE_SIZE, ZLoadOlderCreditEventsInput } from "@/lib/credits/history-schemas";

/** "Load older events": the next keyset page of the history, in the reader's scope. */
export async function loadOlderCreditEventsAction(input: unknown) {
  return runAction(async () => {
    const { workspaceSlug, cursor, kind, memberId } = parseInput(ZLoadOlderCreditEventsInput, input);
    const actor = await authorize({ workspace: { slug: workspaceSlug }, permission: "workspace:read" });
    const scope = await resolveHistoryScope({ workspaceId: actor.workspaceId, actor, requestedMemberId: memberId });
    return listCreditHistory({
      workspaceId: actor.workspaceId,
      memberIds: scope.memberIds,
      kind,
      cursor,
      limit: CREDIT_HISTORY_PAGE_SIZE,
    });
  });
}
