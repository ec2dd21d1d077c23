"use server";

import { requireSessionUser } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZChangePasswordInput } from "@/lib/auth/schemas";
import { changePassword } from "@/lib/auth/change-password";
import { endAllSessions } from "@/lib/auth/end-all-sessions";

/** Ends every session of the signed-in person, on every device (this one too). */
export async function signOutEverywhereAction() {
  return runAction(async () => {
    const user = await requireSessionUser();
    await endAllSessions({ userId: user.id });
    return {};
  });
}

/** Changes the signed-in person's password; every session ends, they sign in again. */
export async function changePasswordAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZChangePasswordInput, input);
    const user = await requireSessionUser();
    await changePassword({ userId: user.id, currentPassword: parsed.currentPassword, newPassword: parsed.newPassword });
    return {};
  });
}
