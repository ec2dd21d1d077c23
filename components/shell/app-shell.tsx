import Link from "next/link";
import { LogoMark } from "@/components/shell/logo-mark";
import { NavLinks, type TNavItem } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";

type TShellProps = {
  user: { name: string; email: string };
  role: string;
  current: { slug: string; name: string; role: string };
  workspaces: { slug: string; name: string; role: string }[];
  navItems: TNavItem[];
  headerExtra?: React.ReactNode;
  /** Shown above every page, e.g. invitations waiting for an answer. */
  banner?: React.ReactNode;
  children: React.ReactNode;
};

export function AppShell({ user, role, current, workspaces, navItems, headerExtra, banner, children }: TShellProps) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white md:min-h-screen md:border-b-0 md:border-r">
        <div className="flex items-center gap-2 px-4 py-3">
          <Link href={`/w/${current.slug}/work`} aria-label="Refill home"><LogoMark small /></Link>
          <WorkspaceSwitcher current={current} workspaces={workspaces} />
        </div>
        <div className="px-2 pb-3 md:pb-0">
          <NavLinks items={navItems} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-4 py-2.5">
          {headerExtra}
          <Link href={`/w/${current.slug}/settings/account`} aria-label="Account settings" className="rounded-md px-2 py-1 text-right hover:bg-slate-100">
            <span className="hidden sm:block">
              <span className="block text-sm font-medium leading-tight text-slate-900">{user.name}</span>
              <span className="block text-xs capitalize leading-tight text-slate-500" data-testid="current-role">{role}</span>
            </span>
            <span className="text-sm text-slate-600 sm:hidden">Account</span>
          </Link>
          <SignOutButton />
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8">
          {banner}
          {children}
        </main>
      </div>
    </div>
  );
}
