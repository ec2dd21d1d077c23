import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createWorkspaceWithRoles } from "@/prisma/seed/identity";
import { resetDatabase } from "@/test/reset-database";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const { authorize } = await import("@/lib/auth/authorize");

describe("authorize: session → membership → role", () => {
  let home: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
  let other: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;

  beforeAll(async () => {
    await resetDatabase();
    home = await createWorkspaceWithRoles(prisma, { label: "home" });
    other = await createWorkspaceWithRoles(prisma, { label: "other" });
  });
  beforeEach(() => {
    session.userId = null;
  });

  it("refuses the signed out with unauthorized", async () => {
    await expect(authorize({ workspace: { slug: home.workspace.slug }, permission: "workspace:read" })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("answers not_found for another workspace, by slug and by id, whatever the role there", async () => {
    session.userId = other.users.owner.id;
    await expect(authorize({ workspace: { slug: home.workspace.slug }, permission: "workspace:read" })).rejects.toMatchObject({ code: "not_found" });
    await expect(authorize({ workspace: { id: home.workspace.id }, permission: "workspace:read" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not_found for a workspace that does not exist", async () => {
    session.userId = home.users.owner.id;
    await expect(authorize({ workspace: { slug: "no-such-workspace" }, permission: "workspace:read" })).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    ["owner", "policy:manage", true],
    ["admin", "policy:manage", false],
    ["admin", "requests:decide", true],
    ["member", "requests:decide", false],
    ["member", "credits:spend", true],
    ["viewer", "credits:spend", false],
    ["viewer", "workspace:read", true],
  ] as const)("a %s asking for %s → allowed: %s", async (role, permission, allowed) => {
    session.userId = home.users[role].id;
    const attempt = authorize({ workspace: { slug: home.workspace.slug }, permission });
    if (allowed) await expect(attempt).resolves.toMatchObject({ role, workspaceId: home.workspace.id, userId: home.users[role].id });
    else await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
  });

  it("sees a role change at once (no stale role from the session)", async () => {
    session.userId = home.users.member.id;
    await prisma.membership.update({ where: { workspaceId_userId: { workspaceId: home.workspace.id, userId: home.users.member.id } }, data: { role: "viewer" } });
    await expect(authorize({ workspace: { slug: home.workspace.slug }, permission: "credits:spend" })).rejects.toMatchObject({ code: "forbidden" });
    await prisma.membership.update({ where: { workspaceId_userId: { workspaceId: home.workspace.id, userId: home.users.member.id } }, data: { role: "member" } });
  });
});
