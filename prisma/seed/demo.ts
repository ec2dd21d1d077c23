import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addMember, createUser, createWorkspace, ensureApiKey } from "./identity";


export const DEMO_PASSWORD = "demo-password";

const DEMO_WORKSPACES = [
  {
    slug: "demo",
    name: "Demo Practice",
    apiKeyEnv: "SEED_API_KEY_DEMO",
    people: [
      { email: "owner@demo.test", name: "Olivia Owner", role: "owner" },
      { email: "admin@demo.test", name: "Adam Admin", role: "admin" },
      { email: "ann@demo.test", name: "Ann Practitioner", role: "member" },
      { email: "vic@demo.test", name: "Vic Viewer", role: "viewer" },
    ],
  },
  {
    slug: "northside",
    name: "Northside Clinic",
    apiKeyEnv: "SEED_API_KEY_NORTHSIDE",
    people: [
      { email: "owner@northside.test", name: "Nora Northside", role: "owner" },
      { email: "maya@northside.test", name: "Maya Member", role: "member" },
    ],
  },
] as const;

/** Seeds the demo data of DESIGN.md once; running it again changes nothing. */
export async function seedDemo(db: PrismaClient) {
  const users: Record<string, string> = {};
  const workspaces: Record<string, string> = {};
  for (const spec of DEMO_WORKSPACES) {
    const workspace = (await db.workspace.findUnique({ where: { slug: spec.slug } })) ?? (await createWorkspace(db, spec));
    workspaces[spec.slug] = workspace.id;
    for (const person of spec.people) {
      const user = (await db.user.findUnique({ where: { email: person.email } })) ?? (await createUser(db, { ...person, password: DEMO_PASSWORD }));
      users[person.email] = user.id;
      const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } });
      if (!membership) await addMember(db, { workspaceId: workspace.id, userId: user.id, role: person.role });
    }
    const key = process.env[spec.apiKeyEnv];
    if (key) await ensureApiKey(db, { workspaceId: workspace.id, key, name: "Demo key" });
  }
  return { users, workspaces: { demo: workspaces.demo, northside: workspaces.northside } };
}
