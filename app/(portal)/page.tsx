import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { summarizeVendors } from "@/lib/domain/vendor/summarize-vendors";
import { VENDOR_TIERS } from "@/lib/validation/vendor";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";

export default async function HomePage() {
  const user = await requirePageUser();
  if (user.role === "SUPPLIER") {
    return (
      <>
        <PageHeader title="My assessments" description={`Security questionnaires ${user.organizationName} has asked ${user.vendorName ?? "your company"} to complete.`} />
        <EmptyState title="No questionnaires for you yet">
          When {user.organizationName} sends {user.vendorName ?? "your company"} a security questionnaire, it appears here
          and you receive an e-mail with a link. You can answer over several days: everything you type is saved as you go.
        </EmptyState>
      </>
    );
  }
  const summary = await summarizeVendors(getDb(), user);
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description={`${user.organizationName} · supplier risk overview`} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Vendors" actions={<Link href="/vendors" className="text-sm font-medium text-brand-700 hover:underline">View all</Link>}>
          {summary.total === 0 ? (
            <EmptyState title="No vendors yet" action={can.manageVendors(user) ? <ButtonLink href="/vendors/new">Add a vendor</ButtonLink> : null}>
              Start by registering the suppliers of your controllers, gateways, firmware and remote-access tools.
            </EmptyState>
          ) : (
            <>
              <p className="text-3xl font-semibold" data-testid="vendor-total">{summary.total}</p>
              <p className="text-sm text-slate-600">active vendors</p>
              <ul className="mt-4 flex flex-wrap gap-2">
                {VENDOR_TIERS.map((t) => (
                  <li key={t}><Badge tone={TIER_TONE[t]}>{TIER_LABEL[t]}: {summary.byTier[t]}</Badge></li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title="How Trustmap works">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>Procurement registers vendors and sends them the OT supplier questionnaire.</li>
            <li>Suppliers describe their firmware, SDKs, update channels and remote access.</li>
            <li>Accepted answers become adjacency, inheritance and trust linkages to your assets.</li>
            <li>Risk officers compare vendors by how much trust each one propagates.</li>
          </ol>
        </Card>
      </div>
    </>
  );
}
