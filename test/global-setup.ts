import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../scripts/lib/test-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("vitest");
  project.provide("databaseUrl", database.url);
  return async () => database.drop();
}
