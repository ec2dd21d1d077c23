"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";

type TWorkspaceOption = { slug: string; name: string; role: string };

export function WorkspaceSwitcher({ current, workspaces }: { current: TWorkspaceOption; workspaces: TWorkspaceOption[] }) {
  if (workspaces.length < 2) {
    return <span className="truncate text-sm font-semibold text-slate-900">{current.name}</span>;
  }
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex max-w-full items-center gap-2 rounded-md px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100"
        aria-label={`Workspace: ${current.name}. Switch workspace`}
      >
        <span className="truncate">{current.name}</span>
        <span aria-hidden className="text-slate-400">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={4} className="z-50 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-slate-500">Switch workspace</DropdownMenu.Label>
          {workspaces.map((workspace) => (
            <DropdownMenu.Item key={workspace.slug} asChild>
              <a
                href={`/w/${workspace.slug}/work`}
                className="flex items-center justify-between gap-4 rounded-md px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-brand-50"
              >
                <span>{workspace.name}</span>
                <span className="text-xs capitalize text-slate-500">{workspace.slug === current.slug ? "current" : workspace.role}</span>
              </a>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
