import type { RequestContext } from "../context";
import { noSuchObject } from "../errors";
import { paginate } from "../list";
import { readString, readStringList } from "../params";
import { route, type Route } from "../router";

function retrieveCharge(ctx: RequestContext) {
  const charge = ctx.state.charges.get(ctx.pathParams.id);
  if (!charge) throw noSuchObject("charge", ctx.pathParams.id);
  return charge;
}

function listCharges(ctx: RequestContext) {
  const customer = readString(ctx.params, "customer");
  const paymentIntent = readString(ctx.params, "payment_intent");
  const items = ctx.state.charges
    .newestFirst()
    .filter((charge) => (!customer || charge.customer === customer) && (!paymentIntent || charge.payment_intent === paymentIntent));
  return paginate(items, ctx.params, "/v1/charges");
}

function retrieveEvent(ctx: RequestContext) {
  const event = ctx.state.events.get(ctx.pathParams.id);
  if (!event) throw noSuchObject("event", ctx.pathParams.id);
  return event;
}

/** `type` filters exactly or with a `*` wildcard (`payment_intent.*`); `types[]` lists several. */
function listEvents(ctx: RequestContext) {
  const patterns = [readString(ctx.params, "type"), ...(readStringList(ctx.params, "types") ?? [])].filter((p): p is string => !!p);
  const matches = (type: string) =>
    patterns.length === 0 || patterns.some((pattern) => (pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern));
  const items = ctx.state.events.newestFirst().filter((event) => matches(event.type));
  return paginate(items, ctx.params, "/v1/events");
}

export const chargeAndEventRoutes: Route[] = [
  route("GET", "/v1/charges", listCharges),
  route("GET", "/v1/charges/:id", retrieveCharge),
  route("GET", "/v1/events", listEvents),
  route("GET", "/v1/events/:id", retrieveEvent),
];
