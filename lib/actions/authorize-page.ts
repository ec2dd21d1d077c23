import { forbidden, notFound, redirect } from "next/navigation";
import { authorize, type TSessionActor } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";

/** `authorize` for pages: signed out → sign-in, not a member → 404 page, not allowed → 403 page. */
export async function authorizePage(workspaceSlug: string, permission: Permission): Promise<TSessionActor> {
  try {
    return await authorize({ workspace: { slug: workspaceSlug }, permission });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "unauthorized") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${workspaceSlug}/work`)}`);
    if (error.code === "forbidden") forbidden();
    notFound();
  }
}
