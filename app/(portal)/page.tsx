import { AdminHome } from "@/app/(portal)/_components/admin-home";
import { ProcurementHome } from "@/app/(portal)/_components/procurement-home";
import { RiskOfficerHome } from "@/app/(portal)/_components/risk-officer-home";
import { SupplierHome } from "@/app/(portal)/_components/supplier-home";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { loadAdminHome } from "@/lib/domain/home/load-admin-home";
import { loadProcurementHome } from "@/lib/domain/home/load-procurement-home";
import { loadRiskOfficerHome } from "@/lib/domain/home/load-risk-officer-home";
import { loadSupplierHome } from "@/lib/domain/home/load-supplier-home";

/** One start page per role: each shows what that role acts on first (docs/ARCHITECTURE.md, "Start pages"). */
export default async function HomePage() {
  const user = await requirePageUser();
  const db = getDb();
  const firstName = user.name.split(" ")[0];
  if (user.role === "SUPPLIER") {
    const vendorName = user.vendorName ?? "your company";
    return (
      <>
        <PageHeader
          title="My assessments"
          description={`Security questionnaires ${user.organizationName} has asked ${vendorName} to complete.`}
        />
        <SupplierHome
          data={await loadSupplierHome(db, user)}
          organizationName={user.organizationName}
          vendorName={vendorName}
        />
      </>
    );
  }
  if (user.role === "RISK_OFFICER")
    return (
      <>
        <PageHeader
          title={`Welcome, ${firstName}`}
          description={`${user.organizationName} · who propagates the most trust into your plant, and why`}
        />
        <RiskOfficerHome data={await loadRiskOfficerHome(db, user)} />
      </>
    );
  if (user.role === "PROCUREMENT")
    return (
      <>
        <PageHeader
          title={`Welcome, ${firstName}`}
          description={`${user.organizationName} · questionnaires to send and chase`}
        />
        <ProcurementHome data={await loadProcurementHome(db, user)} canRemind={can.manageAssessments(user)} />
      </>
    );
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={`${user.organizationName} · users, activity and e-mail`}
      />
      <AdminHome data={await loadAdminHome(db, user)} />
    </>
  );
}
