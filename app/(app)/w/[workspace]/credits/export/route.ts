import { authorize } from "@/lib/auth/authorize";
import { errorResponse } from "@/lib/http/api-route";
import { listCreditHistory } from "@/lib/credits/list-credit-history";
import { parseHistoryFilter } from "@/lib/credits/history-scope";
import { resolveHistoryScope } from "@/lib/credits/resolve-history-scope";
import { creditEventCsvRow, csvRow, CREDIT_EVENTS_CSV_HEADER } from "@/lib/credits/credit-events-csv";

const EXPORT_PAGE_SIZE = 1000;

// GET /w/[workspace]/credits/export?type=&member= — the credit history as CSV, in the reader's scope (resolveHistoryScope)
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }): Promise<Response> {
  try {
    const { workspace } = await params;
    const actor = await authorize({ workspace: { slug: workspace }, permission: "workspace:read" });
    const url = new URL(request.url);
    const requested = parseHistoryFilter({ type: url.searchParams.get("type"), member: url.searchParams.get("member") });
    const scope = await resolveHistoryScope({ workspaceId: actor.workspaceId, actor, requestedMemberId: requested.memberId });
    const query = { workspaceId: actor.workspaceId, kind: requested.kind, memberIds: scope.memberIds };
    const encoder = new TextEncoder();
    let cursor: string | null | undefined;
    // Streams page by page along the keyset, so a long ledger never sits in memory at once.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${csvRow([...CREDIT_EVENTS_CSV_HEADER])}`));
      },
      async pull(controller) {
        const page = await listCreditHistory({ ...query, cursor: cursor ?? undefined, limit: EXPORT_PAGE_SIZE });
        if (page.events.length > 0) controller.enqueue(encoder.encode(page.events.map(creditEventCsvRow).join("")));
        cursor = page.nextCursor;
        if (!cursor) controller.close();
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="credits-${actor.workspaceSlug}-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
