// The import graph of app/, components/ and lib/, and the rules it must keep:
// imports point one way (app → components → lib; lib areas form layers with no cycle),
// no file-level cycle, and `next/*` only in lib's one home of server actions.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOTS = ["app", "components", "lib"];
const SKIPPED = new Set(["lib/generated"]);
const CANDIDATE_SUFFIXES = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
/** The one place in lib/ where Next.js APIs (cache revalidation, headers, redirects) may be used. */
export const NEXT_HOME = "lib/actions/";

function listSources(root, dir, out) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(relative)) listSources(root, relative, out);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(relative);
    }
  }
  return out;
}

function resolveImport(root, from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const suffix of CANDIDATE_SUFFIXES) {
    const candidate = base + suffix;
    const absolute = path.join(root, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate;
  }
  return null;
}

/** lib/<area> for files in lib/ (a file directly in lib/ is its own area), else the root. */
export function areaOf(file) {
  const parts = file.split("/");
  if (parts[0] !== "lib") return parts[0];
  return parts.length > 2 ? `lib/${parts[1]}` : file;
}

/** Static and dynamic imports of every source file: { file → [{ specifier, target }] }. */
export function readImportGraph(root) {
  const graph = new Map();
  for (const root0 of ROOTS) {
    for (const file of listSources(root, root0, [])) {
      const source = readFileSync(path.join(root, file), "utf8");
      const { importedFiles } = ts.preProcessFile(source, true, true);
      graph.set(file, importedFiles.map(({ fileName }) => ({ specifier: fileName, target: resolveImport(root, file, fileName) })));
    }
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan). */
export function findCycles(edges) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? new Set()).has(node)) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Every broken rule, as one readable line each; empty when the graph is clean. */
export function importGraphViolations(root) {
  const graph = readImportGraph(root);
  const violations = [];
  const fileEdges = new Map();
  const areaEdges = new Map();
  for (const [file, imports] of graph) {
    fileEdges.set(file, new Set());
    for (const { specifier, target } of imports) {
      if (file.startsWith("lib/") && (specifier === "next" || specifier.startsWith("next/")) && !file.startsWith(NEXT_HOME)) {
        violations.push(`${file} imports ${specifier}: Next.js APIs belong in ${NEXT_HOME} only`);
      }
      if (!target) continue;
      fileEdges.get(file).add(target);
      if (file.startsWith("lib/") && /^(app|components)\//.test(target)) violations.push(`${file} → ${target}: lib/ must not import app/ or components/`);
      if (file.startsWith("components/") && target.startsWith("app/")) violations.push(`${file} → ${target}: components/ must not import app/`);
      const from = areaOf(file);
      const to = areaOf(target);
      if (from.startsWith("lib/") && to.startsWith("lib/") && from !== to) {
        if (!areaEdges.has(from)) areaEdges.set(from, new Set());
        areaEdges.get(from).add(to);
      }
    }
  }
  for (const cycle of findCycles(fileEdges)) violations.push(`import cycle between files: ${cycle.join(" ↔ ")}`);
  for (const cycle of findCycles(areaEdges)) violations.push(`import cycle between lib areas: ${cycle.join(" ↔ ")}`);
  return violations;
}
