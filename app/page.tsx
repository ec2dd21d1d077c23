import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/authorize";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";

export default async function HomePage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/sign-in");
  const [first] = await listUserWorkspaces({ userId });
  if (!first) redirect("/no-workspace");
  redirect(`/w/${first.slug}/work`);
}
