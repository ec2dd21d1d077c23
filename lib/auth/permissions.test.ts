import { describe, expect, it } from "vitest";
import { PERMISSIONS, roleAllows } from "@/lib/auth/permissions";

describe("role permissions", () => {
  it("refuses unknown roles everything", () => {
    for (const permission of PERMISSIONS) expect(roleAllows("superuser", permission)).toBe(false);
  });

  it("lets a viewer only read", () => {
    expect(PERMISSIONS.filter((p) => roleAllows("viewer", p))).toEqual(["workspace:read"]);
  });

  it("gives each role at least what the role below it has", () => {
    const order = ["viewer", "member", "admin", "owner"];
    for (let i = 1; i < order.length; i++) {
      for (const permission of PERMISSIONS) {
        if (roleAllows(order[i - 1], permission)) expect(roleAllows(order[i], permission), `${order[i]} ${permission}`).toBe(true);
      }
    }
  });

  it("keeps the full credit log and every invoice for owners; admins read the members they manage", () => {
    for (const permission of ["ledger:read_all", "invoices:read_all"] as const) {
      expect(["viewer", "member", "admin", "owner"].filter((role) => roleAllows(role, permission))).toEqual(["owner"]);
    }
    expect(["viewer", "member", "admin", "owner"].filter((role) => roleAllows(role, "ledger:read_managed"))).toEqual(["admin", "owner"]);
  });

  it("keeps billing management and policies for owners", () => {
    expect(roleAllows("owner", "billing:manage")).toBe(true);
    expect(roleAllows("admin", "billing:manage")).toBe(false);
    expect(roleAllows("admin", "policy:manage")).toBe(false);
  });
});
