import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { consumeMagicLink } from "@/lib/auth/magic-link";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { createWorkspaceWithRoles } from "@/prisma/seed/identity";
import { resetDatabase } from "@/test/reset-database";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));

const members = await import("@/lib/actions/admin/member-actions");
const pool = await import("@/lib/actions/admin/pool-actions");
const { authorize } = await import("@/lib/auth/authorize");
const { listMemberOverview } = await import("@/lib/workspaces/list-member-overview");
const { getPoolOverview } = await import("@/lib/pool/get-pool-overview");

type TRole = "owner" | "admin" | "member" | "viewer";

describe("members: invite, role change, removal, pool shares", () => {
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let other: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;

  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "adm", policy: POLICY_PRESETS["never-expiring-top-ups-with-office-pool"] });
    other = await createWorkspaceWithRoles(prisma, { label: "other" });
    session.userId = null;
  });

  const as = (role: TRole | "outsider") => { session.userId = role === "outsider" ? other.users.owner.id : ws.users[role].id; };
  const slug = () => ws.workspace.slug;
  const auditCount = () => prisma.auditLog.count({ where: { workspaceId: ws.workspace.id } });

  it("invite → an email with a sign-in link → the link signs the new member in, with the role given", async () => {
    as("admin");
    const invited = await members.inviteMemberAction({ workspaceSlug: slug(), email: "  New.Person@Example.test ", role: "member" });
    expect(invited).toMatchObject({ ok: true, member: { email: "new.person@example.test", role: "member" } });
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: "new.person@example.test", kind: "workspace_invitation" } });
    expect(email.subject).toContain(ws.workspace.name);
    const token = decodeURIComponent(/\/sign-in\/link\?token=([^\s"]+)/.exec(email.text)![1]);
    let [overview] = (await listMemberOverview({ workspaceId: ws.workspace.id })).filter((m) => m.email === "new.person@example.test");
    expect(overview).toMatchObject({ role: "member", invitationPending: true });

    const user = await consumeMagicLink(token);
    expect(user?.email).toBe("new.person@example.test");
    session.userId = user!.id;
    await expect(authorize({ workspace: { slug: slug() }, permission: "credits:spend" })).resolves.toMatchObject({ role: "member" });
    [overview] = (await listMemberOverview({ workspaceId: ws.workspace.id })).filter((m) => m.email === "new.person@example.test");
    expect(overview.invitationPending).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "member.invited", targetId: user!.id } })).toBe(1);

    as("owner");
    expect(await members.inviteMemberAction({ workspaceSlug: slug(), email: "new.person@example.test", role: "viewer" })).toMatchObject({ ok: false, error: { code: "already_exists" } });
    expect(await members.inviteMemberAction({ workspaceSlug: slug(), email: "not-an-email", role: "member" })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    expect(await members.inviteMemberAction({ workspaceSlug: slug(), email: "x@example.test", role: "owner" })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
  });

  it("role change to viewer pauses the member's credits until restored; both changes are audited", async () => {
    await grantCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, credits: 300, source: "top_up", memo: "test", idempotencyKey: "g-1" });
    const spend = (key: string) => debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 10, idempotencyKey: key });
    as("admin");
    expect(await members.changeMemberRoleAction({ workspaceSlug: slug(), userId: ws.users.member.id, role: "viewer" })).toMatchObject({ ok: true, member: { role: "viewer" } });
    await expect(spend("s-1")).rejects.toMatchObject({ code: "forbidden" });
    const paused = await getBalance({ workspaceId: ws.workspace.id, member: ws.users.member.id });
    expect(paused.buckets.find((b) => b.source === "top_up")).toMatchObject({ remaining: 300, paused: true });

    expect(await members.changeMemberRoleAction({ workspaceSlug: slug(), userId: ws.users.member.id, role: "member" })).toMatchObject({ ok: true });
    await expect(spend("s-2")).resolves.toMatchObject({ status: "captured" });
    const audits = await prisma.auditLog.findMany({ where: { action: "member.role_changed", targetId: ws.users.member.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([{ from: "member", to: "viewer" }, { from: "viewer", to: "member" }]);

    expect(await members.changeMemberRoleAction({ workspaceSlug: slug(), userId: ws.users.owner.id, role: "viewer" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await members.changeMemberRoleAction({ workspaceSlug: slug(), userId: ws.users.admin.id, role: "member" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await members.changeMemberRoleAction({ workspaceSlug: slug(), userId: other.users.member.id, role: "viewer" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("removal ends access at once, withdraws open requests and is audited; owners and oneself cannot be removed", async () => {
    await prisma.topUpRequest.create({ data: { workspaceId: ws.workspace.id, requesterId: ws.users.member.id, offerId: "pack-500", credits: 500, amountMinor: 1000, currency: "usd" } });
    as("owner");
    expect(await members.removeMemberAction({ workspaceSlug: slug(), userId: ws.users.member.id })).toMatchObject({ ok: true });
    expect(await prisma.topUpRequest.findFirst({ where: { requesterId: ws.users.member.id } })).toMatchObject({ status: "canceled" });
    expect(await prisma.auditLog.count({ where: { action: "member.removed", targetId: ws.users.member.id } })).toBe(1);
    as("member");
    await expect(authorize({ workspace: { slug: slug() }, permission: "workspace:read" })).rejects.toMatchObject({ code: "not_found" });

    as("admin");
    expect(await members.removeMemberAction({ workspaceSlug: slug(), userId: ws.users.owner.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await members.removeMemberAction({ workspaceSlug: slug(), userId: ws.users.admin.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await prisma.membership.count({ where: { workspaceId: ws.workspace.id } })).toBe(3);
  });

  describe("permission matrix: owner/admin allowed; member, viewer forbidden; another workspace not_found; denials change nothing", () => {
    const cases = [
      ["owner", true],
      ["admin", true],
      ["member", "forbidden"],
      ["viewer", "forbidden"],
      ["outsider", "not_found"],
    ] as const;

    it.each(cases)("invite as %s → %s", async (role, expected) => {
      as(role);
      const before = await auditCount();
      const result = await members.inviteMemberAction({ workspaceSlug: slug(), email: `invitee-${role}@example.test`, role: "member" });
      if (expected === true) return expect(result).toMatchObject({ ok: true });
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(await prisma.user.count({ where: { email: `invitee-${role}@example.test` } })).toBe(0);
      expect(await prisma.emailOutbox.count()).toBe(0);
      expect(await auditCount()).toBe(before);
    });

    it.each(cases)("role change as %s → %s", async (role, expected) => {
      as(role);
      const result = await members.changeMemberRoleAction({ workspaceSlug: slug(), userId: ws.users.viewer.id, role: "member" });
      const now = await prisma.membership.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, userId: ws.users.viewer.id } });
      if (expected === true) return expect(now.role).toBe("member");
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(now.role).toBe("viewer");
      expect(await auditCount()).toBe(0);
    });

    it.each(cases)("removal as %s → %s", async (role, expected) => {
      as(role);
      const result = await members.removeMemberAction({ workspaceSlug: slug(), userId: ws.users.viewer.id });
      const still = await prisma.membership.count({ where: { workspaceId: ws.workspace.id, userId: ws.users.viewer.id } });
      if (expected === true) return expect(still).toBe(0);
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(still).toBe(1);
      expect(await auditCount()).toBe(0);
    });

    it.each(cases)("pool share as %s → %s", async (role, expected) => {
      as(role);
      const result = await pool.setPoolShareAction({ workspaceSlug: slug(), userId: ws.users.member.id, capPerCycle: 200 });
      const share = await prisma.poolShare.findFirst({ where: { workspaceId: ws.workspace.id, userId: ws.users.member.id } });
      if (expected === true) return expect(share?.capPerCycle).toBe(200);
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(share).toBeNull();
      expect(await auditCount()).toBe(0);
    });
  });

  it("pool: shares cap each member's monthly draws and the overview shows pool use per member", async () => {
    await grantCredits({ workspaceId: ws.workspace.id, member: null, credits: 1_000, source: "top_up", memo: "pool funding", idempotencyKey: "pool-1" });
    as("owner");
    expect(await pool.setPoolShareAction({ workspaceSlug: slug(), userId: ws.users.member.id, capPerCycle: 50 })).toMatchObject({ ok: true, share: { capPerCycle: 50 } });
    expect(await pool.setPoolShareAction({ workspaceSlug: slug(), userId: ws.users.member.id, capPerCycle: -1 })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    // The member's starter credits (granted on first use) go first, then the pool up to the cap.
    await debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 1, idempotencyKey: "first-use" });
    const starter = (await getBalance({ workspaceId: ws.workspace.id, member: ws.users.member.id })).buckets.filter((b) => b.source === "starter").reduce((s, b) => s + b.remaining, 0);
    await debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: starter + 40, idempotencyKey: "pool-spend-1" });
    const overview = await getPoolOverview({ workspaceId: ws.workspace.id });
    expect(overview).toMatchObject({ enabled: true, available: 960, usedThisMonth: 40 });
    expect(overview.members.find((m) => m.userId === ws.users.member.id)).toMatchObject({ capPerCycle: 50, hasShare: true, usedThisMonth: 40 });
    await expect(debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 20, idempotencyKey: "pool-spend-2" })).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await prisma.auditLog.count({ where: { action: "pool.share_set" } })).toBe(1);

    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
    expect(await pool.setPoolShareAction({ workspaceSlug: slug(), userId: ws.users.member.id, capPerCycle: 10 })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
  });
});
