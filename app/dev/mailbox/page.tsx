import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { unsafeListDevMailbox } from "@/lib/notify/list-dev-mailbox";
import { devMailboxAllows } from "@/lib/notify/dev-mailbox-access";
import { EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? <a key={index} href={part} className="break-all text-brand-600 underline">{part}</a> : part,
  );
}

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const requestHeaders = await headers();
  if (!devMailboxAllows({ env: process.env, header: (name) => requestHeaders.get(name) })) notFound();
  const { to } = await searchParams;
  const emails = await unsafeListDevMailbox({ to });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Dev mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Emails the app would send. Shown because this server has no <code>SMTP_URL</code>, and only to this machine; never on in production.
      </p>
      <form className="my-4 flex gap-2">
        <label htmlFor="to" className="sr-only">Recipient</label>
        <input id="to" name="to" defaultValue={to} placeholder="Filter by recipient" className="flex-1 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300" />
        <button className="rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-300">Filter</button>
      </form>
      {emails.length === 0 ? (
        <EmptyState title="No emails yet" />
      ) : (
        <ul className="space-y-3">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="mailbox-email">
              <p className="text-xs text-slate-500">To {email.toAddress} · {email.createdAt.toISOString()} · {email.status}</p>
              <p className="mt-1 font-medium">{email.subject}</p>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-sm text-slate-700">{linkify(email.text)}</pre>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
