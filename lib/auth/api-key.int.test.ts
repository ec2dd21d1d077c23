import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeApiKey } from "@/lib/auth/authorize-api-key";
import { createApiKey } from "@/lib/workspaces/create-api-key";
import { revokeApiKey } from "@/lib/workspaces/revoke-api-key";
import { createWorkspaceWithRoles } from "@/prisma/seed/identity";
import { resetDatabase } from "@/test/reset-database";

describe("workspace API keys", () => {
  let home: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
  let other: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
  beforeAll(async () => {
    await resetDatabase();
    home = await createWorkspaceWithRoles(prisma, { label: "keys" });
    other = await createWorkspaceWithRoles(prisma, { label: "keys-other" });
  });

  it("stores only a hash, authenticates the key to its own workspace, and writes an audit row", async () => {
    const created = await createApiKey({ workspaceId: home.workspace.id, name: "Server", createdById: home.users.admin.id });
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.keyHash).not.toContain(created.key);
    expect(JSON.stringify(stored)).not.toContain(created.key);
    await expect(authorizeApiKey(`Bearer ${created.key}`)).resolves.toMatchObject({ workspaceId: home.workspace.id, apiKeyId: created.id });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { targetId: created.id } });
    expect(audit).toMatchObject({ action: "api_key.created", actorUserId: home.users.admin.id });
  });

  it("refuses missing, malformed and unknown keys with unauthorized", async () => {
    for (const header of [null, "", "Basic abc", "Bearer", "Bearer rf_live_unknown"]) {
      await expect(authorizeApiKey(header)).rejects.toMatchObject({ code: "unauthorized" });
    }
  });

  it("refuses a revoked key on the very next request", async () => {
    const created = await createApiKey({ workspaceId: home.workspace.id, name: "Temp" });
    await authorizeApiKey(`Bearer ${created.key}`);
    await revokeApiKey({ workspaceId: home.workspace.id, apiKeyId: created.id });
    await expect(authorizeApiKey(`Bearer ${created.key}`)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("cannot revoke another workspace's key (not_found, nothing changes)", async () => {
    const foreign = await createApiKey({ workspaceId: other.workspace.id, name: "Theirs" });
    await expect(revokeApiKey({ workspaceId: home.workspace.id, apiKeyId: foreign.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(authorizeApiKey(`Bearer ${foreign.key}`)).resolves.toMatchObject({ workspaceId: other.workspace.id });
  });
});
