/** The closed set of error codes, each mapped once to an HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  insufficient_credits: 402,
  credits_paused: 402,
  forbidden: 403,
  not_found: 404,
  idempotency_conflict: 409,
  exceeds_hold: 409,
  hold_not_active: 409,
  refund_exceeds_usage: 409,
  already_refunded: 409,
  already_exists: 409,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  payment_failed: 402,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure whose message is safe to show to the user or API caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Turns a unique-violation from Prisma or pg into `already_exists`; rethrows anything else. */
export function translateDatabaseError(error: unknown, what: string): never {
  const code = (error as { code?: string })?.code;
  if (code === "P2002" || code === "23505") throw new AppError("already_exists", `${what} already exists.`);
  throw error;
}

/** What the edge sends for an error: the message of an AppError, or a generic one with an id. */
export function toPublicError(error: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (isAppError(error)) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } };
  }
  const errorId = crypto.randomUUID();
  console.error(`[error ${errorId}]`, error);
  return {
    status: 500,
    body: { error: { code: "internal_error", message: `Something went wrong on our side (error id ${errorId}).`, errorId } },
  };
}
