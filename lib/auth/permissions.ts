import type { Role } from "@/lib/generated/prisma/enums";

/** Everything a signed-in person or API key can be allowed to do inside one workspace. */
export const PERMISSIONS = [
  "workspace:read",
  "credits:spend",
  "credits:buy_self",
  "credits:request",
  "credits:buy_for_members",
  "requests:decide",
  "members:manage",
  "api_keys:manage",
  "pool:manage",
  "billing:read",
  "billing:manage",
  "policy:manage",
  "audit:read",
  /** The events of oneself and of the members one manages (DESIGN.md: admins). */
  "ledger:read_managed",
  /** The full credit log: every member's and the pool's events (owners). */
  "ledger:read_all",
  /** Every invoice of the workspace; without it, only those of one's own purchases (owners). */
  "invoices:read_all",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MEMBER: Permission[] = ["workspace:read", "credits:spend", "credits:buy_self", "credits:request"];
const ADMIN: Permission[] = [
  ...MEMBER,
  "credits:buy_for_members",
  "requests:decide",
  "members:manage",
  "api_keys:manage",
  "pool:manage",
  "billing:read",
  "ledger:read_managed",
];
const OWNER: Permission[] = [...ADMIN, "billing:manage", "policy:manage", "audit:read", "ledger:read_all", "invoices:read_all"];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(OWNER),
  admin: new Set(ADMIN),
  member: new Set(MEMBER),
  viewer: new Set<Permission>(["workspace:read"]),
};

/** Unknown roles (a stale token, a new enum value not yet mapped) are refused. */
export function roleAllows(role: string, permission: Permission): boolean {
  const allowed = (ROLE_PERMISSIONS as Record<string, ReadonlySet<Permission> | undefined>)[role];
  return allowed?.has(permission) ?? false;
}

export function isAdminRole(role: string): boolean {
  return role === "owner" || role === "admin";
}
