import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { consumeMagicLink, requestMagicLink } from "@/lib/auth/magic-link";
import { createWorkspaceWithRoles } from "@/prisma/seed/identity";
import { resetDatabase } from "@/test/reset-database";

function tokenFrom(text: string) {
  return decodeURIComponent(/token=([^\s]+)/.exec(text)![1]);
}

describe("magic links through the outbox", () => {
  let home: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
  beforeAll(async () => {
    await resetDatabase();
    home = await createWorkspaceWithRoles(prisma, { label: "magic" });
  });

  it("emails a link that signs in once", async () => {
    await requestMagicLink({ email: home.users.member.email.toUpperCase(), baseUrl: "http://localhost:3000" });
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: home.users.member.email } });
    expect(email.text).toContain("http://localhost:3000/sign-in/link?token=");
    const token = tokenFrom(email.text);
    const [first, second] = await Promise.all([consumeMagicLink(token), consumeMagicLink(token)]);
    expect([first?.id, second?.id].filter(Boolean)).toEqual([home.users.member.id]);
    expect(await consumeMagicLink(token)).toBeNull();
  });

  it("sends nothing to unknown addresses but answers the same", async () => {
    await expect(requestMagicLink({ email: "stranger@example.test", baseUrl: "http://x" })).resolves.toBeUndefined();
    expect(await prisma.emailOutbox.count({ where: { toAddress: "stranger@example.test" } })).toBe(0);
  });

  it("refuses expired links", async () => {
    await requestMagicLink({ email: home.users.admin.email, baseUrl: "http://x" });
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: home.users.admin.email } });
    await prisma.magicLinkToken.updateMany({ where: { email: home.users.admin.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeMagicLink(tokenFrom(email.text))).toBeNull();
  });
});
