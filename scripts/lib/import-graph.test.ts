import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importGraphViolations } from "./import-graph.mjs";

const fixtureRoot = mkdtempSync(path.join(os.tmpdir(), "import-graph-"));
afterAll(() => rmSync(fixtureRoot, { recursive: true, force: true }));

function writeFixture(files: Record<string, string>) {
  const root = mkdtempSync(path.join(fixtureRoot, "case-"));
  for (const dir of ["app", "components", "lib"]) mkdirSync(path.join(root, dir), { recursive: true });
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe("the import graph", () => {
  it("of this repository points one way: no cycle, no back-arrow, next/* only in lib/actions", () => {
    expect(importGraphViolations(process.cwd())).toEqual([]);
  });

  it("reports a cycle between files, also through a dynamic import", () => {
    const root = writeFixture({
      "lib/jobs/registry.ts": `export const run = () => import("@/lib/billing/renew");`,
      "lib/billing/renew.ts": `import { run } from "../jobs/registry";\nexport const renew = run;`,
    });
    const violations = importGraphViolations(root);
    expect(violations).toContain("import cycle between files: lib/billing/renew.ts ↔ lib/jobs/registry.ts");
    expect(violations).toContain("import cycle between lib areas: lib/billing ↔ lib/jobs");
  });

  it("reports a cycle between lib areas even when the files form none", () => {
    const root = writeFixture({
      "lib/credits/a.ts": `import { b } from "@/lib/billing/b";\nexport const a = b;`,
      "lib/billing/b.ts": `export const b = 1;`,
      "lib/billing/c.ts": `import { d } from "@/lib/credits/d";\nexport const c = d;`,
      "lib/credits/d.ts": `export const d = 1;`,
    });
    expect(importGraphViolations(root)).toEqual(["import cycle between lib areas: lib/billing ↔ lib/credits"]);
  });

  it("reports back-arrows and Next.js APIs outside lib/actions", () => {
    const root = writeFixture({
      "app/page-actions.ts": `export const act = 1;`,
      "components/button.tsx": `import { act } from "@/app/page-actions";\nexport const Button = act;`,
      "lib/credits/spend.ts": `import { Button } from "@/components/button";\nimport { revalidatePath } from "next/cache";\nexport const spend = [Button, revalidatePath];`,
      "lib/actions/spend-action.ts": `import { revalidatePath } from "next/cache";\nexport const spendAction = revalidatePath;`,
    });
    expect(importGraphViolations(root).sort()).toEqual([
      "components/button.tsx → app/page-actions.ts: components/ must not import app/",
      "lib/credits/spend.ts imports next/cache: Next.js APIs belong in lib/actions/ only",
      "lib/credits/spend.ts → components/button.tsx: lib/ must not import app/ or components/",
    ]);
  });
});
