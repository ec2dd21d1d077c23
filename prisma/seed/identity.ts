import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { sha256Hex } from "@/lib/auth/secret-token";

/** Factories shared by the demo seed, integration tests and e2e fixtures. */
export async function createUser(db: PrismaClient, options: { email: string; name: string; password?: string }) {
  return db.user.create({
    data: {
      email: options.email.toLowerCase(),
      name: options.name,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
  });
}

export async function createWorkspace(db: PrismaClient, options: { slug: string; name: string }) {
  return db.workspace.create({ data: { slug: options.slug, name: options.name } });
}

export async function addMember(db: PrismaClient, options: { workspaceId: string; userId: string; role: Role }) {
  return db.membership.create({ data: options });
}

/** Stores a known API key (hashed) for a workspace, unless that key already exists. */
export async function ensureApiKey(db: PrismaClient, options: { workspaceId: string; key: string; name: string }) {
  const keyHash = sha256Hex(options.key);
  const existing = await db.apiKey.findUnique({ where: { keyHash } });
  if (existing) return existing;
  return db.apiKey.create({
    data: { workspaceId: options.workspaceId, name: options.name, prefix: options.key.slice(0, 12), keyHash },
  });
}

/** A workspace with one user per role, unique per call: what most tests start from. */
export async function createWorkspaceWithRoles(db: PrismaClient, options: { label: string; password?: string }) {
  const suffix = `${options.label}-${crypto.randomUUID().slice(0, 8)}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const workspace = await createWorkspace(db, { slug: suffix, name: `Workspace ${suffix}` });
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ["owner", "admin", "member", "viewer"] as const) {
    const user = await createUser(db, { email: `${role}-${suffix}@test.local`, name: `${role[0].toUpperCase()}${role.slice(1)} ${suffix}`, password: options.password });
    await addMember(db, { workspaceId: workspace.id, userId: user.id, role });
    users[role] = { id: user.id, email: user.email };
  }
  return { workspace, users };
}
