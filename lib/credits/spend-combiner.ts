import { callLedgerRaw, SPEND_ROLES, unwrapLedgerResult, type TLedgerOutcome, type TRawResult } from "@/lib/credits/ledger-call";

type TPending = { params: Record<string, unknown>; resolve: (result: TRawResult) => void; reject: (error: unknown) => void };
type TQueue = { waiting: TPending[] };

const MAX_BATCH = 64;
const queues = new Map<string, TQueue>();

async function send(batch: TPending[]) {
  if (batch.length === 1) {
    batch[0].resolve(await callLedgerRaw<TRawResult>("credits_spend", batch[0].params));
    return;
  }
  const results = await callLedgerRaw<TRawResult[]>("credits_spend_many", { items: batch.map((item) => item.params) });
  batch.forEach((item, index) => item.resolve(results[index]));
}

async function drain(key: string, queue: TQueue) {
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, MAX_BATCH);
    try {
      await send(batch);
    } catch (error) {
      // An unexpected database error fails the whole batch's transaction: retry each on its own
      // so one bad item cannot fail its neighbours.
      if (batch.length === 1) batch[0].reject(error);
      else for (const item of batch) await send([item]).catch(item.reject);
    }
  }
  queues.delete(key);
}

/**
 * Runs credits_spend for a member, combining the requests that arrive while one is in flight
 * for the same member into one credits_spend_many call: one round trip, one lock hand-over and
 * one commit per batch. An uncontended spend goes out at once, alone.
 */
export async function spendCombined<T>(params: Record<string, unknown>): Promise<TLedgerOutcome<T>> {
  const key = `${params.workspaceId}\u0000${params.member}`;
  const full = { spendRoles: SPEND_ROLES, ...params };
  const result = await new Promise<TRawResult>((resolve, reject) => {
    const existing = queues.get(key);
    if (existing) {
      existing.waiting.push({ params: full, resolve, reject });
      return;
    }
    const queue: TQueue = { waiting: [{ params: full, resolve, reject }] };
    queues.set(key, queue);
    void drain(key, queue);
  });
  return unwrapLedgerResult<T>(result);
}
