import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { GET: invoicePdf } = await import("@/app/(app)/w/[workspace]/billing/invoices/[invoiceId]/pdf/route");
const subscriptionActions = await import("@/lib/actions/billing/subscription-actions");
const cardActions = await import("@/lib/actions/billing/payment-method-actions");
const { savePolicyAction } = await import("@/lib/actions/policies/policy-actions");

type TSetup = Awaited<ReturnType<typeof createCreditsWorkspace>>;
type TRole = "owner" | "admin" | "member" | "viewer" | "stranger";

describe("owner views: invoice PDF, payment method, policies, permissions", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let home: TSetup;
  let other: TSetup;
  let invoiceId: string;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(async () => {
    session.userId = null;
    await resetDatabase();
    home = await createCreditsWorkspace(prisma, { label: "home", policy: POLICY_PRESETS["per-editor-top-ups"] });
    other = await createCreditsWorkspace(prisma, { label: "other" });
    await subscribe(prisma, { workspaceId: home.workspace.id, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
    const owner = home.users.owner;
    const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.id, paymentMethodId: card.id });
    const bought = await startPurchase({ workspaceId: home.workspace.id, buyer: { userId: owner.id, email: owner.email, name: "Owner", role: "owner" }, offerId: "pack-3000", target: "members", memberIds: [home.users.member.id, home.users.admin.id], payWith: "saved_card", quotedAmountMinor: 2000, idempotencyKey: "owner-views-1" });
    expect(bought.status).toBe("succeeded");
    invoiceId = (await prisma.invoice.findFirstOrThrow({ where: { workspaceId: home.workspace.id } })).id;
  });

  const as = (role: TRole) => {
    session.userId = role === "stranger" ? other.users.owner.id : home.users[role].id;
  };
  const pdf = (slug: string, id = invoiceId) => invoicePdf(new Request(`http://test/w/${slug}/billing/invoices/${id}/pdf`), { params: Promise.resolve({ workspace: slug, invoiceId: id }) });

  it("invoices: an admin sees only those of purchases they made; the owner sees all", async () => {
    const admin = home.users.admin;
    const customer = await ensureBillingCustomer({ id: admin.id, email: admin.email, name: "Admin" });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: admin.id, paymentMethodId: card.id });
    const bought = await startPurchase({ workspaceId: home.workspace.id, buyer: { userId: admin.id, email: admin.email, name: "Admin", role: "admin" }, offerId: "pack-3000", target: "members", memberIds: [home.users.member.id], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "admin-bought-1" });
    expect(bought.status).toBe("succeeded");
    const adminsInvoice = (await prisma.invoice.findFirstOrThrow({ where: { workspaceId: home.workspace.id, purchase: { buyerUserId: admin.id } } })).id;
    as("admin");
    expect((await pdf(home.workspace.slug, adminsInvoice)).status).toBe(200);
    expect((await pdf(home.workspace.slug, invoiceId)).status).toBe(404);
    const { listInvoices } = await import("@/lib/billing/invoices/list-invoices");
    const { invoiceScope } = await import("@/lib/billing/invoices/invoice-scope");
    const list = (role: "owner" | "admin") =>
      listInvoices({ workspaceId: home.workspace.id, workspaceSlug: home.workspace.slug, filter: {}, ...invoiceScope({ role, userId: home.users[role].id }) });
    expect((await list("admin")).invoices.map((i) => i.id)).toEqual([adminsInvoice]);
    expect((await list("owner")).invoices.map((i) => i.id).sort()).toEqual([adminsInvoice, invoiceId].sort());
    as("owner");
    expect((await pdf(home.workspace.slug, adminsInvoice)).status).toBe(200);
  });

  it("invoice PDF: the owner gets a PDF; an admin not someone else's (404); members 403; other workspaces and their invoices 404; signed out 401", async () => {
    for (const role of ["owner"] as const) {
      as(role);
      const response = await pdf(home.workspace.slug);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(/INV-.*-0001\.pdf/);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
    }
    as("admin");
    expect((await pdf(home.workspace.slug)).status).toBe(404);
    as("member");
    expect((await pdf(home.workspace.slug)).status).toBe(403);
    as("viewer");
    expect((await pdf(home.workspace.slug)).status).toBe(403);
    as("stranger");
    expect((await pdf(home.workspace.slug)).status).toBe(404);
    // Another workspace's owner asking for this invoice through their own workspace: not found.
    expect((await pdf(other.workspace.slug)).status).toBe(404);
    session.userId = null;
    expect((await pdf(home.workspace.slug)).status).toBe(401);
  });

  it("replaces the default card with a 3-D Secure card through a SetupIntent; it pays renewals", async () => {
    as("owner");
    const started = await cardActions.startCardSetupAction({ workspaceSlug: home.workspace.slug, attemptKey: "setup-attempt-1" });
    if (!started.ok) throw new Error(started.error.message);
    const confirmed = await harness.stripe.setupIntents.confirm(started.setupIntentId, { payment_method: "pm_card_threeDSecure2Required" });
    expect(confirmed.status).toBe("requires_action");
    const early = await cardActions.finishCardSetupAction({ workspaceSlug: home.workspace.slug, setupIntentId: started.setupIntentId });
    expect(early).toMatchObject({ ok: false, error: { code: "payment_failed" } });
    const response = await fetch(`${harness.sandbox.url}/_sandbox/setup_intents/${started.setupIntentId}/authenticate`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_secret: started.clientSecret, outcome: "complete" }).toString(),
    });
    expect(response.ok).toBe(true);
    const finished = await cardActions.finishCardSetupAction({ workspaceSlug: home.workspace.slug, setupIntentId: started.setupIntentId });
    expect(finished).toMatchObject({ ok: true, card: { last4: "3220" } });
    expect((await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: home.users.owner.id } })).cardLast4).toBe("3220");
    expect(await prisma.auditLog.count({ where: { workspaceId: home.workspace.id, action: "payment_method.replaced" } })).toBe(1);
    // Someone else finishing this owner's setup: not found, nothing changes.
    as("admin");
    expect(await cardActions.finishCardSetupAction({ workspaceSlug: home.workspace.slug, setupIntentId: started.setupIntentId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  const validPolicy = () => ({
    workspaceSlug: home.workspace.slug,
    preset: "cycle-extras",
    topUpExpiry: "cycle_end",
    members: "none",
    buyForMembers: "owner",
    autoReloadAvailable: false,
    starterCredits: 25,
    pricing: { kind: "plan_units", unitCredits: 2_000, minUnits: 1, maxUnits: 50 },
  });

  it("policies: the owner saves a preset with knobs (audited); admins are refused; bad input changes nothing", async () => {
    as("owner");
    expect(await savePolicyAction(validPolicy())).toMatchObject({ ok: true, settings: { preset: "cycle-extras", starterCredits: 25 } });
    const policy = await getWorkspacePolicy({ workspaceId: home.workspace.id });
    expect(policy).toMatchObject({ preset: "cycle-extras", topUps: { expiry: "cycle_end" }, purchasing: { members: "none", buyForMembers: ["owner"] }, autoReload: { available: false }, ledger: { starterCredits: 25, planCreditsTo: "pool" }, pricing: { kind: "plan_units", unitCredits: 2_000 } });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { workspaceId: home.workspace.id, action: "policy.updated" } });
    expect(audit).toMatchObject({ actorUserId: home.users.owner.id, details: { preset: "cycle-extras", previousPreset: "per-editor-top-ups" } });

    const stored = (await prisma.workspace.findUniqueOrThrow({ where: { id: home.workspace.id } })).policy;
    const bad = [
      { ...validPolicy(), preset: "nope" },
      { ...validPolicy(), starterCredits: -1 },
      { ...validPolicy(), pricing: { kind: "packs", currency: "usd", packs: [] } },
      { ...validPolicy(), pricing: { kind: "plan_units", unitCredits: 1_000, minUnits: 9, maxUnits: 2 } },
      { ...validPolicy(), pricing: { kind: "currency_tiers", currency: "xxx", creditsPerMajorUnit: 10, tiersMinor: [2_500] } },
    ];
    for (const input of bad) expect(await savePolicyAction(input)).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    as("admin");
    expect(await savePolicyAction({ ...validPolicy(), preset: "prepaid-tiers" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: home.workspace.id } })).policy).toEqual(stored);
  });

  it("permission matrix: every action × role; a refusal never changes data", async () => {
    const slug = home.workspace.slug;
    const calls: Record<string, () => Promise<{ ok: boolean; error?: { code: string } }>> = {
      startSubscription: () => subscriptionActions.startSubscriptionAction({ workspaceSlug: slug, planKey: "business", payWith: "saved_card", idempotencyKey: `matrix-${crypto.randomUUID()}` }),
      scheduleDowngrade: () => subscriptionActions.schedulePlanDowngradeAction({ workspaceSlug: slug, planKey: "ai-starter" }),
      cancelPlan: () => subscriptionActions.cancelPlanAction({ workspaceSlug: slug }),
      resumePlan: () => subscriptionActions.resumePlanAction({ workspaceSlug: slug }),
      startCardSetup: () => cardActions.startCardSetupAction({ workspaceSlug: slug, attemptKey: `matrix-${crypto.randomUUID()}` }),
      finishCardSetup: () => cardActions.finishCardSetupAction({ workspaceSlug: slug, setupIntentId: "seti_missing" }),
      savePolicy: () => savePolicyAction(validPolicy()),
      invoicePdf: async () => {
        const response = await pdf(slug);
        return response.ok ? { ok: true } : { ok: false, error: { code: response.status === 403 ? "forbidden" : response.status === 404 ? "not_found" : String(response.status) } };
      },
    };
    const expected: Record<TRole, string> = { owner: "allowed", admin: "forbidden", member: "forbidden", viewer: "forbidden", stranger: "not_found" };
    const snapshot = async () => JSON.stringify(await Promise.all([
      prisma.subscription.findMany({ orderBy: { id: "asc" } }),
      prisma.purchase.count(),
      prisma.workspace.findUniqueOrThrow({ where: { id: home.workspace.id }, select: { policy: true } }),
      prisma.auditLog.count(),
      prisma.billingCustomer.findMany({ orderBy: { userId: "asc" } }),
    ]));
    for (const role of ["stranger", "viewer", "member", "admin"] as TRole[]) {
      as(role);
      const before = await snapshot();
      for (const [name, call] of Object.entries(calls)) {
        const result = await call();
        // Admins may download invoices, but only of their own purchases: the owner's is not found.
        const outcome = name === "invoicePdf" && role === "admin" ? "not_found" : expected[role];
        if (outcome === "allowed") expect(result.ok, `${role} ${name}`).toBe(true);
        else expect(result.error?.code, `${role} ${name}`).toBe(outcome);
      }
      expect(await snapshot(), `${role} changed nothing`).toBe(before);
    }
    as("owner");
    for (const [name, call] of Object.entries(calls)) {
      const result = await call();
      // The owner passes the permission check; the domain may still refuse (nothing to resume, an unknown setup).
      if (name === "finishCardSetup") expect(result.error?.code).toBe("not_found");
      else expect(["forbidden", "not_found", "internal_error"], `owner ${name}: ${JSON.stringify(result)}`).not.toContain(result.error?.code);
    }
  });
});
