import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/authorize";
import { getLandingWorkspace } from "@/lib/workspaces/get-landing-workspace";

export default async function HomePage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/sign-in");
  const landing = await getLandingWorkspace({ userId });
  if (!landing) redirect("/no-workspace");
  redirect(`/w/${landing.slug}/work`);
}
