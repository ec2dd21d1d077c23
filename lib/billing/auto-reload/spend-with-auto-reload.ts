import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";
import { requestAutoReload } from "@/lib/billing/auto-reload/request-auto-reload";
import { liftAutoReloadPause } from "@/lib/billing/auto-reload/lift-auto-reload-pause";
import { isAutoReloadPause } from "@/lib/billing/auto-reload/pause-reasons";

/** The longest a request waits for a reload before it is refused as it would have been. */
export const AUTO_RELOAD_WAIT_MS = 10_000;
const POLL_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the reload in flight to settle (or the deadline). */
async function waitForReload(workspaceId: string, purchaseId: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const setting = await prisma.autoReloadSetting.findUnique({ where: { workspaceId }, select: { reloadingPurchaseId: true } });
    if (setting?.reloadingPurchaseId !== purchaseId) return;
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}

const pending = new Map<string, ReturnType<typeof requestAutoReload>>();

/**
 * Requests from this process for one workspace share one decision: a burst of blocked requests
 * waits on one promise instead of queueing on the setting's row lock (which still makes reloads
 * single-flight across processes).
 */
function coalescedReload(options: { workspaceId: string; memberUserId: string; required: number }) {
  const key = `${options.workspaceId}\u0000${options.memberUserId}`;
  const existing = pending.get(key);
  if (existing) return existing;
  const attempt = requestAutoReload({ workspaceId: options.workspaceId, memberUserId: options.memberUserId, trigger: "exhaustion", required: options.required }).finally(() => pending.delete(key));
  pending.set(key, attempt);
  return attempt;
}

/**
 * Whether retrying the spend may now succeed: a reload landed (here or in a concurrent request),
 * or it failed and the retry should report the pause. False: auto-reload is off, capped,
 * rate-limited, blocked, or the deadline passed — the original refusal stands.
 */
async function reloadFor(options: { workspaceId: string; memberUserId: string; required: number; deadline: number }): Promise<boolean> {
  while (Date.now() < options.deadline) {
    const attempt = await coalescedReload(options);
    if (attempt.status === "reloaded" || attempt.status === "not_needed" || attempt.status === "failed" || attempt.status === "authentication_required") return true;
    if (attempt.status !== "in_flight") return false;
    await waitForReload(options.workspaceId, attempt.purchaseId, options.deadline);
  }
  return false;
}

/**
 * Runs a spend (usage, hold) and, when it is refused for lack of credits in a workspace with
 * auto-reload on, waits (at most `waitMs`, default 10 s) for one reload — made by this request or
 * by a concurrent one (single flight) — then spends again with the same idempotency key (a
 * refused spend leaves the key free). A pause that auto-reload caused is lifted first when it has
 * been resolved (the payer's card changed, or the blocked payment completed). Anything else is
 * thrown unchanged; with auto-reload off this adds nothing but the error path's one lookup.
 */
export async function spendWithAutoReload<T>(options: { workspaceId: string; member: string; spend: () => Promise<T>; waitMs?: number }): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? AUTO_RELOAD_WAIT_MS);
  let memberUserId: string | null = null;
  let liftTried = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await options.spend();
    } catch (error) {
      if (!isAppError(error) || attempt >= 4 || Date.now() >= deadline) throw error;
      if (error.code === "credits_paused" && isAutoReloadPause(error.details.reason) && !liftTried) {
        liftTried = true;
        if (await liftAutoReloadPause({ workspaceId: options.workspaceId, onlyIfResolved: true })) continue;
        throw error;
      }
      if (error.code !== "insufficient_credits") throw error;
      memberUserId ??= (await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.member })).userId;
      const required = Number(error.details.required ?? 1);
      if (!(await reloadFor({ workspaceId: options.workspaceId, memberUserId, required, deadline }))) throw error;
    }
  }
}

type TThresholdSetting = { enabled: boolean; onThreshold: boolean; thresholdCredits: number | null } | null;
const THRESHOLD_CACHE_MS = 5_000;
const thresholdCache = new Map<string, { setting: TThresholdSetting; until: number }>();

/** The threshold part of a workspace's setting, cached briefly: this runs after every spend. */
async function thresholdSetting(workspaceId: string): Promise<TThresholdSetting> {
  const cached = thresholdCache.get(workspaceId);
  if (cached && cached.until > Date.now()) return cached.setting;
  const setting = await prisma.autoReloadSetting.findUnique({ where: { workspaceId }, select: { enabled: true, onThreshold: true, thresholdCredits: true } });
  thresholdCache.set(workspaceId, { setting, until: Date.now() + THRESHOLD_CACHE_MS });
  return setting;
}

/**
 * After a spend: when the balance fell below the workspace's threshold, start a reload in the
 * background (the request does not wait). Guards as for any reload; one cached lookup otherwise.
 */
export function reloadIfBelowThreshold(options: { workspaceId: string; member: string; available: number }): void {
  void (async () => {
    const setting = await thresholdSetting(options.workspaceId);
    if (!setting?.enabled || !setting.onThreshold || options.available >= (setting.thresholdCredits ?? 0)) return;
    const { userId } = await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.member });
    await requestAutoReload({ workspaceId: options.workspaceId, memberUserId: userId, trigger: "threshold" });
  })().catch((error: unknown) => console.error("[auto-reload] threshold reload failed", error));
}
