import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/credits/get-balance";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { createWorkspaceWithRoles } from "@/prisma/seed/identity";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));

const actions = await import("@/lib/actions/admin/topup-request-actions");
const { listTopUpRequests } = await import("@/lib/requests/list-topup-requests");

const PRESET = POLICY_PRESETS["per-editor-top-ups"];
const OFFER = "pack-3000";
const PACK = 3_000;
type TRole = "owner" | "admin" | "member" | "viewer";

describe("member top-up requests (page 002)", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let other: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "req", policy: PRESET });
    other = await createWorkspaceWithRoles(prisma, { label: "other" });
    await subscribe(prisma, { workspaceId: ws.workspace.id, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
    session.userId = null;
  });

  const as = (role: TRole) => { session.userId = ws.users[role].id; };
  const slug = () => ws.workspace.slug;

  async function saveVisa(role: TRole) {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: ws.users[role].id } });
    const customer = await ensureBillingCustomer({ id: user.id, email: user.email, name: user.name });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: user.id, paymentMethodId: card.id });
  }

  async function topUps(role: TRole) {
    const balance = await getBalance({ workspaceId: ws.workspace.id, member: ws.users[role].id });
    return balance.buckets.filter((b) => b.source === "top_up").reduce((sum, b) => sum + b.remaining, 0);
  }

  async function requestAsMember() {
    as("member");
    const created = await actions.createTopUpRequestAction({ workspaceSlug: slug(), offerId: OFFER, note: "Big week of letters" });
    if (!created.ok) throw new Error(created.error.message);
    return created.requestId;
  }

  it("a request notifies every owner and admin in-app and by email, and the member sees it pending", async () => {
    const requestId = await requestAsMember();
    for (const role of ["owner", "admin"] as const) {
      const notices = await prisma.notification.findMany({ where: { workspaceId: ws.workspace.id, userId: ws.users[role].id, kind: "topup_request" } });
      expect(notices).toHaveLength(1);
      expect(notices[0].title).toMatch(/asks for a top-up/);
      const emails = await prisma.emailOutbox.findMany({ where: { toAddress: ws.users[role].email, kind: "topup_request" } });
      expect(emails).toHaveLength(1);
      expect(emails[0].text).toContain(`/w/${slug()}/admin#requests`);
    }
    expect(await prisma.notification.count({ where: { userId: { in: [ws.users.member.id, ws.users.viewer.id] } } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "topup_request.created", targetId: requestId } })).toBe(1);
    const mine = await listTopUpRequests({ workspaceId: ws.workspace.id, requesterId: ws.users.member.id });
    expect(mine).toMatchObject([{ id: requestId, status: "pending", credits: PACK, note: "Big week of letters" }]);

    const again = await actions.createTopUpRequestAction({ workspaceSlug: slug(), offerId: OFFER });
    expect(again).toMatchObject({ ok: false, error: { code: "already_exists" } });
    expect(await prisma.topUpRequest.count()).toBe(1);
  });

  it("approve → the workspace's card (the owner's) is charged once and the requester's credits land, with a notice and an email", async () => {
    await saveVisa("owner");
    const requestId = await requestAsMember();
    as("admin");
    const approved = await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "saved_card" });
    expect(approved).toMatchObject({ ok: true, status: "approved", purchase: { status: "succeeded", credits: PACK, amountMinor: 1_000 } });
    expect(await topUps("member")).toBe(PACK);
    expect(await topUps("admin")).toBe(0);
    const request = await prisma.topUpRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "approved", deciderId: ws.users.admin.id });
    const purchase = await prisma.purchase.findUniqueOrThrow({ where: { id: request.purchaseId! }, include: { lines: true } });
    expect(purchase).toMatchObject({ buyerUserId: ws.users.admin.id, payerUserId: ws.users.owner.id, payerScope: "workspace", status: "succeeded" });
    expect(purchase.lines.map((l) => l.beneficiaryUserId)).toEqual([ws.users.member.id]);
    expect(await prisma.notification.count({ where: { userId: ws.users.member.id, kind: "topup_request_approved" } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { toAddress: ws.users.member.email, kind: "topup_request_approved" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "topup_request.approved", targetId: requestId } })).toBe(1);

    const twice = await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "saved_card" });
    expect(twice).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await topUps("member")).toBe(PACK);
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
  });

  it("two admins approving at once make one charge and one grant; the other is told it is taken", async () => {
    await saveVisa("admin");
    await saveVisa("owner");
    const requestId = await requestAsMember();
    // Each call authorizes as the session's user at its start, so run the two with their own session.
    const approveAs = async (role: TRole) => {
      as(role);
      return actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "saved_card" });
    };
    const results = await Promise.all([approveAs("admin"), approveAs("owner"), approveAs("admin"), approveAs("owner")]);
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    expect(losses.length).toBeGreaterThanOrEqual(1);
    for (const loss of losses) expect(loss).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(new Set(wins.map((w) => (w.ok ? w.purchase.purchaseId : "")))).toHaveProperty("size", 1);
    await harness.flushWebhooks();
    expect(await prisma.purchase.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    const intents = (await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.workspaceId === ws.workspace.id);
    expect(intents).toHaveLength(1);
    expect(await topUps("member")).toBe(PACK);
    expect(await prisma.creditGrant.count({ where: { workspaceId: ws.workspace.id, source: "top_up" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: ws.users.member.id, kind: "topup_request_approved" } })).toBe(1);
  });

  it("without a workspace card the request stays open; the owner paying with a new card approves it and the card becomes the workspace's", async () => {
    await saveVisa("admin");
    const requestId = await requestAsMember();
    as("admin");
    const refused = await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "saved_card" });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    // An admin cannot put their own card in place of the workspace's.
    expect(await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "new_card" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await prisma.topUpRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("pending");

    as("owner");
    const started = await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "new_card" });
    if (!started.ok) throw new Error(started.error.message);
    expect(started).toMatchObject({ status: "approving", purchase: { status: "requires_payment_method" } });
    as("admin");
    expect(await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "saved_card" })).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await actions.declineTopUpRequestAction({ workspaceSlug: slug(), requestId, reason: "no" })).toMatchObject({ ok: false, error: { code: "conflict" } });

    const paymentIntentId = started.purchase.clientSecret!.split("_secret_")[0];
    await harness.stripe.paymentIntents.confirm(paymentIntentId, { payment_method: "pm_card_mastercard" });
    as("owner");
    const confirmed = await actions.confirmTopUpApprovalAction({ workspaceSlug: slug(), requestId });
    expect(confirmed).toMatchObject({ ok: true, status: "approved", purchase: { status: "succeeded" } });
    expect(await topUps("member")).toBe(PACK);
    expect((await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: ws.users.owner.id } })).cardLast4).toBe("4444");
    expect((await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: ws.users.admin.id } })).cardLast4).toBe("4242");
  });

  it("decline with a reason: the member is told why (in-app and email) and sees it declined; nothing is charged", async () => {
    const requestId = await requestAsMember();
    as("owner");
    expect(await actions.declineTopUpRequestAction({ workspaceSlug: slug(), requestId, reason: "" })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    expect(await actions.declineTopUpRequestAction({ workspaceSlug: slug(), requestId, reason: "Budget is spent this month" })).toMatchObject({ ok: true });
    const notice = await prisma.notification.findFirstOrThrow({ where: { userId: ws.users.member.id, kind: "topup_request_declined" } });
    expect(notice.body).toContain("Budget is spent this month");
    expect((await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: ws.users.member.email, kind: "topup_request_declined" } })).text).toContain("Budget is spent this month");
    const [mine] = await listTopUpRequests({ workspaceId: ws.workspace.id, requesterId: ws.users.member.id });
    expect(mine).toMatchObject({ status: "declined", declineReason: "Budget is spent this month", decider: { userId: ws.users.owner.id } });
    expect(await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "new_card" })).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await prisma.purchase.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "topup_request.declined" } })).toBe(1);

    as("member");
    expect(await actions.createTopUpRequestAction({ workspaceSlug: slug(), offerId: "pack-10000" })).toMatchObject({ ok: true });
  });

  it("the member withdraws a pending request; nobody else can", async () => {
    const requestId = await requestAsMember();
    as("admin");
    expect(await actions.cancelTopUpRequestAction({ workspaceSlug: slug(), requestId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    as("member");
    expect(await actions.cancelTopUpRequestAction({ workspaceSlug: slug(), requestId })).toMatchObject({ ok: true });
    expect((await prisma.topUpRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("canceled");
  });

  describe("permissions: deny changes nothing", () => {
    it.each([
      ["owner", "forbidden"],
      ["admin", "forbidden"],
      ["viewer", "forbidden"],
    ] as const)("creating a request as %s → %s (owners and admins buy; viewers cannot spend)", async (role, code) => {
      as(role);
      expect(await actions.createTopUpRequestAction({ workspaceSlug: slug(), offerId: OFFER })).toMatchObject({ ok: false, error: { code } });
      expect(await prisma.topUpRequest.count()).toBe(0);
      expect(await prisma.notification.count()).toBe(0);
    });

    it("someone from another workspace gets not_found for every request action", async () => {
      const requestId = await requestAsMember();
      session.userId = other.users.owner.id;
      const calls = [
        actions.createTopUpRequestAction({ workspaceSlug: slug(), offerId: OFFER }),
        actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "new_card" }),
        actions.confirmTopUpApprovalAction({ workspaceSlug: slug(), requestId }),
        actions.declineTopUpRequestAction({ workspaceSlug: slug(), requestId, reason: "x" }),
        actions.cancelTopUpRequestAction({ workspaceSlug: slug(), requestId }),
      ];
      for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
      // An admin of another workspace cannot reach this request through their own workspace either.
      expect(await actions.approveTopUpRequestAction({ workspaceSlug: other.workspace.slug, requestId, payWith: "new_card" })).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await actions.declineTopUpRequestAction({ workspaceSlug: other.workspace.slug, requestId, reason: "x" })).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect((await prisma.topUpRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("pending");
      expect(await prisma.purchase.count()).toBe(0);
    });

    it.each(["member", "viewer"] as const)("a %s cannot approve or decline", async (role) => {
      const requestId = await requestAsMember();
      as(role);
      expect(await actions.approveTopUpRequestAction({ workspaceSlug: slug(), requestId, payWith: "new_card" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await actions.declineTopUpRequestAction({ workspaceSlug: slug(), requestId, reason: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await actions.confirmTopUpApprovalAction({ workspaceSlug: slug(), requestId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect((await prisma.topUpRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("pending");
      expect(await prisma.purchase.count()).toBe(0);
    });

    it("signed out → unauthorized", async () => {
      expect(await actions.createTopUpRequestAction({ workspaceSlug: slug(), offerId: OFFER })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    });
  });
});
