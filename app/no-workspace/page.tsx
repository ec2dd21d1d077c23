import { SignOutButton } from "@/components/shell/sign-out-button";

export default function NoWorkspacePage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold">You are not in a workspace yet</h1>
        <p className="mt-2 text-sm text-slate-600">Ask a workspace owner or admin to invite you; the invitation email signs you in.</p>
        <div className="mt-4"><SignOutButton /></div>
      </div>
    </main>
  );
}
