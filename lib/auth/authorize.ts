import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import { roleAllows, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export type TSessionActor = {
  kind: "user";
  userId: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceSlug: string;
  workspaceName: string;
  role: Role;
};

export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

/** The signed-in user, or `unauthorized`. */
export async function requireSessionUser() {
  const userId = await getSessionUserId();
  const user = userId ? await prisma.user.findUnique({ where: { id: userId } }) : null;
  if (!user) throw new AppError("unauthorized", "Please sign in.");
  return user;
}

/**
 * The one permission check for pages and server actions: session → membership of the workspace
 * (by slug or id) → role allows the permission. Someone who is not a member gets `not_found`, so
 * other workspaces never reveal that they exist; a member without the right gets `forbidden`.
 */
export async function authorize(options: {
  workspace: { slug: string } | { id: string };
  permission: Permission;
}): Promise<TSessionActor> {
  const user = await requireSessionUser();
  const where = "slug" in options.workspace ? { slug: options.workspace.slug } : { id: options.workspace.id };
  const membership = await prisma.membership.findFirst({
    where: { userId: user.id, workspace: where },
    include: { workspace: true },
  });
  if (!membership) throw new AppError("not_found", "This workspace does not exist or you are not a member of it.");
  if (!roleAllows(membership.role, options.permission)) {
    throw new AppError("forbidden", "Your role in this workspace does not allow this.");
  }
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    workspaceId: membership.workspaceId,
    workspaceSlug: membership.workspace.slug,
    workspaceName: membership.workspace.name,
    role: membership.role,
  };
}
