import { beforeAll, describe, expect, it } from "vitest";
import { pgPool, prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { seedDemo } from "@/prisma/seed/demo";
import { seedDemoCredits } from "@/prisma/seed/demo-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { listCreditEvents } from "@/lib/credits/list-credit-events";

describe("demo credits", () => {
  beforeAll(resetDatabase);

  it("seeds plans, a pool, shares, top-ups and weeks of history, once", async () => {
    const ids = await seedDemo(prisma);
    await seedDemoCredits(prisma, ids);
    const entries = await prisma.creditLedgerEntry.count();
    await seedDemoCredits(prisma, ids);
    expect(await prisma.creditLedgerEntry.count()).toBe(entries);
    const ann = await getBalance({ workspaceId: ids.workspaces.demo, member: "ann@demo.test" });
    expect(ann.buckets.map((b) => b.source)).toEqual(expect.arrayContaining(["plan", "top_up"]));
    expect((await listCreditEvents({ workspaceId: ids.workspaces.demo, member: "ann@demo.test", limit: 200 })).events.length).toBeGreaterThan(50);
    expect((await getBalance({ workspaceId: ids.workspaces.demo, member: "vic@demo.test" })).available).toBe(0);
    expect((await getBalance({ workspaceId: ids.workspaces.northside, member: "maya@northside.test" })).available).toBeGreaterThan(0);
    expect((await verifyLedger(ids.workspaces.demo)).problems).toEqual([]);
    expect((await verifyLedger(ids.workspaces.northside)).problems).toEqual([]);
    // The credit log reads newest first by entry id: the seeded times must follow the same order.
    const { rows } = await pgPool().query<{ out_of_order: string }>(
      `SELECT count(*)::text AS out_of_order FROM (
         SELECT created_at < lag(created_at) OVER (PARTITION BY workspace_id ORDER BY id) AS earlier FROM credit_ledger_entries
       ) t WHERE earlier`,
    );
    expect(rows[0].out_of_order).toBe("0");
  });
});
