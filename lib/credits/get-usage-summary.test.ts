import { describe, expect, it, vi } from "vitest";

const summarize = vi.hoisted(() => vi.fn());
vi.mock("@/lib/credits/summarize-usage-by-group", () => ({ summarizeUsageByGroup: summarize }));
const { getUsageSummary, USAGE_SUMMARY_TTL_MS } = await import("@/lib/credits/get-usage-summary");

describe("getUsageSummary", () => {
  it("reuses a summary for a minute per workspace, member and period, then refreshes", async () => {
    let calls = 0;
    summarize.mockImplementation(async (o: { workspaceId: string }) => ({ workspaceId: o.workspaceId, call: ++calls }));
    let clock = 1_000_000;
    const now = () => clock;
    const first = await getUsageSummary({ workspaceId: "w1", days: 30, now });
    expect(await getUsageSummary({ workspaceId: "w1", days: 30, now })).toBe(first);
    expect(await getUsageSummary({ workspaceId: "w1", memberId: "m", days: 30, now })).not.toBe(first);
    expect(await getUsageSummary({ workspaceId: "w1", days: 7, now })).not.toBe(first);
    expect(await getUsageSummary({ workspaceId: "w2", days: 30, now })).not.toBe(first);
    expect(calls).toBe(4);
    clock += USAGE_SUMMARY_TTL_MS;
    expect(await getUsageSummary({ workspaceId: "w1", days: 30, now })).toMatchObject({ call: 5 });
  });

  it("does not keep a failure", async () => {
    summarize.mockRejectedValueOnce(new Error("db down")).mockResolvedValueOnce({ ok: true });
    await expect(getUsageSummary({ workspaceId: "w3", days: 30 })).rejects.toThrow("db down");
    await Promise.resolve();
    await expect(getUsageSummary({ workspaceId: "w3", days: 30 })).resolves.toEqual({ ok: true });
  });
});
