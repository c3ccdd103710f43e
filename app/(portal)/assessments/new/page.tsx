import type { Metadata } from "next";

import { NewAssessmentForm } from "@/app/(portal)/assessments/new/_components/new-assessment-form";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getAssessmentFormOptions } from "@/lib/domain/assessment/read-assessments";

export const metadata: Metadata = { title: "New assessment" };

export default async function NewAssessmentPage({
  searchParams,
}: {
  searchParams: Promise<{ vendorId?: string }>;
}) {
  const user = await requirePageUser("manageAssessments");
  const { vendorId } = await searchParams;
  const options = await getAssessmentFormOptions(getDb(), user, vendorId);
  return (
    <>
      <PageHeader
        title="New assessment"
        description="Send a security questionnaire to a supplier contact. They get an e-mail with a single-use link."
      />
      {options.vendorCount === 0 ? (
        <EmptyState
          title="Register a vendor first"
          action={<ButtonLink href="/vendors/new">New vendor</ButtonLink>}
        >
          Assessments are sent to a contact of a registered vendor.
        </EmptyState>
      ) : (
        <NewAssessmentForm initialVendor={options.vendor} templates={options.templates} />
      )}
    </>
  );
}
