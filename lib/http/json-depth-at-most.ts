/**
 * Whether `value` nests objects/arrays at most `max` levels deep (`{}` is 1). Iterative, and
 * it stops at the first level past `max`, so a hostile 60,000-deep body costs nothing.
 */
export function jsonDepthAtMost(value: unknown, max: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > max) return false;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}
