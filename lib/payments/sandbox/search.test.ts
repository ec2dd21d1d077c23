import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caught, type SandboxHarness, startHarness } from "./test-support";

let h: SandboxHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.control("POST", "/_sandbox/reset"));

const create = (amount: number, metadata: Record<string, string>, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  h.stripe.paymentIntents.create({ amount, currency: "usd", metadata, ...extra });

describe("payment intents: search by Stripe's query language", () => {
  it("finds intents by metadata, in Stripe's search_result shape, newest first", async () => {
    const first = await create(1000, { purchaseId: "p_1", workspaceId: "w" });
    const paid = await create(2000, { purchaseId: "p_2", workspaceId: "w" }, { payment_method: "pm_card_visa", confirm: true });
    await create(3000, { purchaseId: "p_3" });

    const one = await h.stripe.paymentIntents.search({ query: "metadata['purchaseId']:'p_2'" });
    expect(one).toMatchObject({ object: "search_result", has_more: false, next_page: null, url: "/v1/payment_intents/search" });
    expect(one.data.map((intent) => [intent.id, intent.status, intent.metadata.purchaseId])).toEqual([[paid.id, "succeeded", "p_2"]]);

    const both = await h.stripe.paymentIntents.search({ query: `metadata["workspaceId"]:"w"` });
    expect(both.data.map((intent) => intent.id)).toEqual([paid.id, first.id]);
    expect((await h.stripe.paymentIntents.search({ query: "metadata['purchaseId']:'nope'" })).data).toEqual([]);
  });

  it("combines clauses with AND or OR, negates with -, compares numbers, matches substrings and null", async () => {
    const small = await create(1000, { purchaseId: "abc-1" });
    const paid = await create(5000, { purchaseId: "abc-2" }, { payment_method: "pm_card_visa", confirm: true });
    const bare = await create(9000, {});
    const ids = async (query: string) => (await h.stripe.paymentIntents.search({ query })).data.map((intent) => intent.id);

    expect(await ids("status:'succeeded' AND amount>1000")).toEqual([paid.id]);
    expect(await ids("amount<=1000 OR amount>=9000")).toEqual([bare.id, small.id]);
    expect(await ids("-status:'succeeded' AND currency:'USD'")).toEqual([bare.id, small.id]);
    expect(await ids("metadata['purchaseId']~'abc'")).toEqual([paid.id, small.id]);
    expect(await ids("metadata['purchaseId']:null")).toEqual([bare.id]);
    expect(await ids("-metadata['purchaseId']:null")).toEqual([paid.id, small.id]);
  });

  it("pages with limit and next_page, and counts with expand[]=total_count", async () => {
    for (let i = 0; i < 5; i++) await create(1000 + i, { batch: "b" });
    const first = await h.stripe.paymentIntents.search({ query: "metadata['batch']:'b'", limit: 2, expand: ["total_count"] });
    expect(first).toMatchObject({ has_more: true, total_count: 5 });
    const second = await h.stripe.paymentIntents.search({ query: "metadata['batch']:'b'", limit: 2, page: first.next_page! });
    expect(second.data.map((intent) => intent.amount)).toEqual([1002, 1001]);
    const all: number[] = [];
    for await (const intent of h.stripe.paymentIntents.search({ query: "metadata['batch']:'b'", limit: 2 })) all.push(intent.amount);
    expect(all).toEqual([1004, 1003, 1002, 1001, 1000]);
  });

  it.each([
    ["", "query"],
    ["metadata:'x'", "query"],
    ["nickname:'x'", "query"],
    ["status:succeeded", "query"],
    ["status:'a' AND amount>1 OR amount<2", "query"],
    ["amount>'x'", "query"],
    ["metadata['k']~'ab'", "query"],
    ["status:'unterminated", "query"],
  ])("refuses the bad query %j with a 400 on `%s`", async (query, param) => {
    const error = await caught(h.stripe.paymentIntents.search({ query }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param });
  });

  it("a page token it did not issue is a 400 on `page`", async () => {
    const error = await caught(h.stripe.paymentIntents.search({ query: "status:'succeeded'", page: "bogus" }));
    expect(error).toMatchObject({ statusCode: 400, param: "page" });
  });
});
