import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createUser, createWorkspaceWithRoles, ensureApiKey } from "@/prisma/seed/identity";

// Attacks on membership consent, sessions and the password limiter (docs/SECURITY.md).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));

const { authOptions } = await import("@/lib/auth/options");
const membersRoute = await import("@/app/api/v1/members/route");
const memberActions = await import("@/lib/actions/admin/member-actions");
const { listMemberOverview } = await import("@/lib/workspaces/list-member-overview");
const { authorize } = await import("@/lib/auth/authorize");

const PASSWORD = "owner-password-1";
type TCredentialsProvider = { options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> } };
const passwordProvider = () => (authOptions.providers as unknown as (TCredentialsProvider & { options: { id: string } })[]).find((p) => p.options.id === "password")!;
const signInWithPassword = (email: string, password: string, client: string) =>
  passwordProvider().options.authorize({ email, password }, { headers: { "x-forwarded-for": client } });

async function provision(key: string, body: unknown) {
  const response = await membersRoute.POST(
    new Request("http://test/api/v1/members", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
}

describe("consent before membership", () => {
  let demo: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
  let northside: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
  const key = "rf_test_consent_key_demo_000000000000";

  beforeEach(async () => {
    await resetDatabase();
    demo = await createWorkspaceWithRoles(prisma, { label: "demo" });
    northside = await createWorkspaceWithRoles(prisma, { label: "northside" });
    await ensureApiKey(prisma, { workspaceId: demo.workspace.id, key, name: "test" });
    session.userId = null;
  });

  it("an API key cannot enrol another workspace's user: 202 pending, no membership, no id, no name", async () => {
    const maya = await prisma.user.findUniqueOrThrow({ where: { id: northside.users.member.id } });
    const answer = await provision(key, { email: maya.email, role: "admin" });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ invitation: expect.any(String), status: "pending" });
    expect(JSON.stringify(answer.body)).not.toContain(maya.id);
    expect(await prisma.membership.count({ where: { workspaceId: demo.workspace.id, userId: maya.id } })).toBe(0);
    expect((await listMemberOverview({ workspaceId: demo.workspace.id })).map((m) => m.name)).not.toContain(maya.name);
    session.userId = maya.id;
    await expect(authorize({ workspace: { id: demo.workspace.id }, permission: "workspace:read" })).rejects.toMatchObject({ code: "not_found" });

    // Asking again returns the same open invitation; a brand-new person is still created (201).
    expect(await provision(key, { email: maya.email, role: "admin" })).toMatchObject({ status: 202, body: { invitation: answer.body.invitation } });
    expect((await provision(key, { email: "brand.new@example.test", role: "member" })).status).toBe(201);

    // She accepts in the app: only then a member, with the role offered.
    const { acceptInvitationAction } = await import("@/lib/actions/invitations/invitation-actions");
    session.userId = demo.users.owner.id;
    expect(await acceptInvitationAction({ invitationId: answer.body.invitation })).toMatchObject({ ok: false, error: { code: "not_found" } });
    session.userId = maya.id;
    expect(await acceptInvitationAction({ invitationId: answer.body.invitation })).toMatchObject({ ok: true, workspaceSlug: demo.workspace.slug });
    await expect(authorize({ workspace: { id: demo.workspace.id }, permission: "workspace:read" })).resolves.toMatchObject({ role: "admin" });
    expect(await acceptInvitationAction({ invitationId: answer.body.invitation })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await provision(key, { email: maya.email, role: "viewer" })).toMatchObject({ status: 200, body: { id: maya.id, role: "admin" } });
  });

  it("the Admin invite of an existing user waits for her answer; declining changes nothing", async () => {
    session.userId = demo.users.admin.id;
    const invited = await memberActions.inviteMemberAction({ workspaceSlug: demo.workspace.slug, email: northside.users.owner.email, role: "member" });
    expect(invited).toMatchObject({ ok: true, pending: true });
    expect(await prisma.membership.count({ where: { workspaceId: demo.workspace.id, userId: northside.users.owner.id } })).toBe(0);
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: northside.users.owner.email, kind: "workspace_invitation" } });
    expect(email.text).not.toContain("/sign-in/link?token=");

    const { declineInvitationAction } = await import("@/lib/actions/invitations/invitation-actions");
    const { listMyInvitations } = await import("@/lib/workspaces/list-my-invitations");
    const [open] = await listMyInvitations({ userId: northside.users.owner.id });
    expect(open).toMatchObject({ workspaceName: demo.workspace.name, role: "member" });
    session.userId = northside.users.owner.id;
    expect(await declineInvitationAction({ invitationId: open.id })).toMatchObject({ ok: true });
    expect(await listMyInvitations({ userId: northside.users.owner.id })).toEqual([]);
    expect(await prisma.membership.count({ where: { workspaceId: demo.workspace.id, userId: northside.users.owner.id } })).toBe(0);
  });
});

describe("revocable sessions", () => {
  const jwt = (token: Record<string, unknown>) => authOptions.callbacks!.jwt!({ token } as never);

  beforeEach(async () => {
    await resetDatabase();
  });

  async function signedInToken(email: string) {
    const user = (await signInWithPassword(email, PASSWORD, "10.0.0.1")) as { id: string } | null;
    expect(user).not.toBeNull();
    return jwt({ sub: user!.id, ...(await authOptions.callbacks!.jwt!({ token: {}, user } as never)) });
  }

  it("a copied token stops working after sign-out, “Sign out everywhere”, a password change and removal from the last workspace", async () => {
    const ws = await createWorkspaceWithRoles(prisma, { label: "sessions", password: PASSWORD });
    const email = ws.users.member.email;

    const copied = await signedInToken(email);
    await expect(jwt(copied)).resolves.toMatchObject({ sub: ws.users.member.id });
    await authOptions.events!.signOut!({ token: copied } as never);
    await expect(jwt(copied)).rejects.toThrow();

    const second = await signedInToken(email);
    session.userId = ws.users.member.id;
    const { signOutEverywhereAction, changePasswordAction } = await import("@/lib/actions/account/account-actions");
    expect(await signOutEverywhereAction()).toMatchObject({ ok: true });
    await expect(jwt(second)).rejects.toThrow();

    const third = await signedInToken(email);
    expect(await changePasswordAction({ currentPassword: "wrong-password", newPassword: "another-password-2" })).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    await expect(jwt(third)).resolves.toBeTruthy();
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "another-password-2" })).toMatchObject({ ok: true });
    await expect(jwt(third)).rejects.toThrow();
    expect(await signInWithPassword(email, PASSWORD, "10.0.0.1")).toBeNull();
    await prisma.user.update({ where: { id: ws.users.member.id }, data: { passwordHash: (await prisma.user.findUniqueOrThrow({ where: { id: ws.users.owner.id } })).passwordHash } });

    const fourth = await signedInToken(email);
    session.userId = ws.users.owner.id;
    expect(await memberActions.removeMemberAction({ workspaceSlug: ws.workspace.slug, userId: ws.users.member.id })).toMatchObject({ ok: true });
    await expect(jwt(fourth)).rejects.toThrow();
  });

  it("a token from before session versions (no `sv`) is refused", async () => {
    const user = await createUser(prisma, { email: "old@example.test", name: "Old", password: PASSWORD });
    await expect(jwt({ sub: user.id })).rejects.toThrow();
  });
});

describe("password sign-in limiter", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("an attacker's wrong guesses from one client do not lock the owner out of her own browser", async () => {
    const ws = await createWorkspaceWithRoles(prisma, { label: "limiter", password: PASSWORD });
    const email = ws.users.owner.email;
    for (let i = 0; i < 15; i++) expect(await signInWithPassword(email, `guess-${i}`, "203.0.113.9")).toBeNull();
    // The attacker's client is now refused even with the right password…
    expect(await signInWithPassword(email, PASSWORD, "203.0.113.9")).toBeNull();
    // …while the owner's own client still signs in.
    expect(await signInWithPassword(email, PASSWORD, "198.51.100.7")).toMatchObject({ email });
  });

  it("keeps its state in the database, where every app instance sees it", async () => {
    const ws = await createWorkspaceWithRoles(prisma, { label: "shared", password: PASSWORD });
    for (let i = 0; i < 10; i++) await signInWithPassword(ws.users.admin.email, `guess-${i}`, "203.0.113.10");
    const rows = await prisma.$queryRaw<{ key: string; tokens: number }[]>`SELECT key, tokens FROM rate_limit_buckets WHERE key LIKE ${"%" + ws.users.admin.email + "|203.0.113.10"}`;
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].tokens)).toBeLessThan(1);
  });

  it("takes tokens atomically: 40 concurrent attempts on one bucket let exactly 10 through", async () => {
    const { takeSharedTokens } = await import("@/lib/rate-limit/take-shared-tokens");
    const bucket = { key: "test:concurrent", capacity: 10, refillPerSecond: 1e-6 };
    const waits = await Promise.all(Array.from({ length: 40 }, () => takeSharedTokens([bucket])));
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
    expect(Math.min(...waits.filter((w) => w > 0))).toBeGreaterThan(0);
  });
});
