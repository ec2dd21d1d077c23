import { apiRoute, jsonResponse, parseInput } from "@/lib/http/api-route";
import { ZEventsQuery } from "@/lib/credits/schemas";
import { listCreditEvents } from "@/lib/credits/list-credit-events";

// GET /api/v1/events?member=&limit=&cursor= — ledger events, newest first, keyset-paginated
export const GET = apiRoute(async ({ actor, request }) => {
  const query = parseInput(ZEventsQuery, Object.fromEntries(new URL(request.url).searchParams));
  const page = await listCreditEvents({ ...query, workspaceId: actor.workspaceId });
  return jsonResponse(200, page);
});
