import Link from "next/link";

import type { CurrentUser } from "@/lib/auth/next-auth/session";
import { can, ROLE_LABELS } from "@/lib/auth/roles";

import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: CurrentUser }) {
  const links = [
    { href: "/", label: user.role === "SUPPLIER" ? "My assessments" : "Overview", show: true },
    { href: "/vendors", label: "Vendors", show: can.readVendors(user) },
    { href: "/assessments", label: "Assessments", show: can.readAssessments(user) },
    { href: "/scores", label: "Scores", show: can.readScores(user) },
    { href: "/inventory", label: "Inventory", show: can.readInventory(user) },
    { href: "/templates", label: "Questionnaires", show: can.readTemplates(user) },
    { href: "/outbox", label: "Outbox", show: can.viewOutbox(user) },
    { href: "/settings/scoring", label: "Settings", show: can.manageScoringSettings(user) },
    { href: "/audit", label: "Audit log", show: can.readAudit(user) },
  ].filter((l) => l.show);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4">
        <div className="flex items-center justify-between gap-4 pt-3">
          <Link href="/" aria-label="Trustmap home">
            <Logo />
          </Link>
          <div className="flex items-center gap-3 text-sm" data-testid="whoami">
            <div className="text-right leading-tight">
              <div className="font-medium text-slate-900">{user.name}</div>
              <div className="text-xs text-slate-500">
                {ROLE_LABELS[user.role]}
                {user.vendorName ? ` · ${user.vendorName}` : ""} · {user.organizationName}
              </div>
            </div>
            <SignOutButton />
          </div>
        </div>
        {/* A row of its own, scrolling sideways on narrow screens rather than wrapping the header. */}
        <nav aria-label="Main" className="-mx-1 flex gap-1 overflow-x-auto py-2">
          {links.map((l) => (
            <NavLink key={l.href} href={l.href}>
              {l.label}
            </NavLink>
          ))}
        </nav>
      </div>
    </header>
  );
}
