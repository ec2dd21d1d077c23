import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type TWorkspaceMember = { userId: string; email: string; name: string; role: Role };

/** A member of this workspace by email or user id; anyone else is `not_found`. */
export async function findWorkspaceMember(options: { workspaceId: string; member: string }): Promise<TWorkspaceMember> {
  const ref = options.member.trim();
  const membership = await prisma.membership.findFirst({
    where: { workspaceId: options.workspaceId, user: ref.includes("@") ? { email: ref.toLowerCase() } : { id: ref } },
    include: { user: true },
  });
  if (!membership) throw new AppError("not_found", "No such member in this workspace.", { field: "member" });
  return { userId: membership.userId, email: membership.user.email, name: membership.user.name, role: membership.role };
}
