/** Spending-pause reasons auto-reload sets (credit_workspace_states.spending_paused_reason). */
export const AUTO_RELOAD_PAUSE = {
  paymentFailed: "auto_reload_payment_failed",
  authenticationRequired: "auto_reload_authentication_required",
} as const;

export function isAutoReloadPause(reason: unknown): boolean {
  return reason === AUTO_RELOAD_PAUSE.paymentFailed || reason === AUTO_RELOAD_PAUSE.authenticationRequired;
}
