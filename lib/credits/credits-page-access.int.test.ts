import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const { GET: exportCsv } = await import("@/app/(app)/w/[workspace]/credits/export/route");
const { loadOlderCreditEventsAction } = await import("@/lib/actions/credits/credit-history-actions");

type TSetup = Awaited<ReturnType<typeof createCreditsWorkspace>>;

async function download(slug: string, query = "") {
  const response = await exportCsv(new Request(`http://test/w/${slug}/credits/export${query}`), { params: Promise.resolve({ workspace: slug }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("Credits page access: CSV export and Load older events", () => {
  let home: TSetup;
  let other: TSetup;

  beforeAll(async () => {
    await resetDatabase();
    home = await createCreditsWorkspace(prisma, { label: "home", policy: { ledger: { starterCredits: 0 } } });
    other = await createCreditsWorkspace(prisma, { label: "other" });
    const ws = home.workspace.id;
    await grantCredits({ workspaceId: ws, member: home.users.member.id, credits: 100, source: "top_up", expiresAt: null, memo: "Member top-up", idempotencyKey: "m" });
    await grantCredits({ workspaceId: ws, member: home.users.admin.id, credits: 50, source: "adjustment", expiresAt: null, memo: "=cmd|' /C calc'!A0", idempotencyKey: "a" });
    for (let i = 0; i < 5; i++) {
      await debitCredits({ workspaceId: ws, member: home.users.member.id, feature: "chat_reply", credits: 1, idempotencyKey: `d${i}`, group: "order:7, blue" });
    }
    await grantCredits({ workspaceId: ws, member: home.users.owner.id, credits: 70, source: "adjustment", expiresAt: null, memo: "Owner's own adjustment", idempotencyKey: "o" });
    await grantCredits({ workspaceId: ws, credits: 40, source: "adjustment", expiresAt: null, memo: "Pool adjustment", idempotencyKey: "p" });
  });
  beforeEach(() => {
    session.userId = null;
  });

  it("refuses the signed out (401) and hides the workspace from outsiders (404)", async () => {
    expect((await download(home.workspace.slug)).status).toBe(401);
    session.userId = other.users.owner.id;
    expect((await download(home.workspace.slug)).status).toBe(404);
  });

  it("gives a member only their own events, whatever member they ask for", async () => {
    session.userId = home.users.member.id;
    for (const query of ["", `?member=${home.users.admin.id}`]) {
      const csv = await download(home.workspace.slug, query);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="credits-${home.workspace.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      const lines = csv.text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      expect(lines).toHaveLength(1 + 6);
      expect(csv.text).not.toContain("calc");
      expect(lines[1]).toContain(',Captured usage,-1,Top-up,Chat reply,"order:7, blue",');
    }
  });

  it("gives the owner the full credit log: every member's events and the pool's", async () => {
    session.userId = home.users.owner.id;
    const all = await download(home.workspace.slug);
    expect(all.text.trimEnd().split("\r\n")).toHaveLength(1 + 9);
    expect(all.text).toContain("Owner's own adjustment");
    expect(all.text).toContain("Pool adjustment");
  });

  it("gives an admin only their own events and those of the members they manage, filtered by member and type, with formulas defused", async () => {
    session.userId = home.users.admin.id;
    const all = await download(home.workspace.slug);
    expect(all.text.trimEnd().split("\r\n")).toHaveLength(1 + 7);
    expect(all.text).toContain(",'=cmd|' /C calc'!A0,");
    expect(all.text).not.toContain("Owner's own adjustment");
    expect(all.text).not.toContain("Pool adjustment");
    const owners = await download(home.workspace.slug, `?member=${home.users.owner.id}`);
    expect(owners.text).not.toContain("Owner's own adjustment");
    const topUps = await download(home.workspace.slug, `?type=top_up&member=${home.users.member.id}`);
    expect(topUps.text.trimEnd().split("\r\n")).toHaveLength(2);
    expect(topUps.text).toContain("Member top-up");
  });

  it("gives an admin only their own events where the policy lets only owners buy for members", async () => {
    await prisma.workspace.update({ where: { id: home.workspace.id }, data: { policy: { ledger: { starterCredits: 0 }, purchasing: { buyForMembers: ["owner"] } } } });
    try {
      session.userId = home.users.admin.id;
      const csv = await download(home.workspace.slug, `?member=${home.users.member.id}`);
      expect(csv.text.trimEnd().split("\r\n")).toHaveLength(1 + 1);
      expect(csv.text).not.toContain("Member top-up");
    } finally {
      await prisma.workspace.update({ where: { id: home.workspace.id }, data: { policy: { ledger: { starterCredits: 0 } } } });
    }
  });

  it("pages older events with the cursor and keeps members to their own", async () => {
    session.userId = home.users.member.id;
    const { listCreditHistory } = await import("@/lib/credits/list-credit-history");
    const first = await listCreditHistory({ workspaceId: home.workspace.id, memberId: home.users.member.id, limit: 1 });
    const asMember = await loadOlderCreditEventsAction({ workspaceSlug: home.workspace.slug, cursor: first.events[0].id, memberId: home.users.admin.id });
    expect(asMember.ok).toBe(true);
    if (!asMember.ok) return;
    expect(asMember.events.every((e) => e.member?.id === home.users.member.id)).toBe(true);
    expect(asMember.events).toHaveLength(5);

    session.userId = home.users.admin.id;
    const asAdmin = await loadOlderCreditEventsAction({ workspaceSlug: home.workspace.slug, cursor: first.events[0].id, memberId: home.users.admin.id });
    expect(asAdmin.ok && asAdmin.events.map((e) => e.credits)).toEqual([50]);

    const bad = await loadOlderCreditEventsAction({ workspaceSlug: home.workspace.slug, cursor: "0; drop table" });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    session.userId = other.users.owner.id;
    expect(await loadOlderCreditEventsAction({ workspaceSlug: home.workspace.slug, cursor: "99" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
