import type { Metadata } from "next";

import { ReviewSettingsForm } from "@/app/(portal)/settings/review/_components/review-settings-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getReviewSettings } from "@/lib/domain/settings/review-settings";

export const metadata: Metadata = { title: "Review settings" };

export default async function ReviewSettingsPage() {
  const user = await requirePageUser("manageReviewSettings");
  const { separateReviewDuties } = await getReviewSettings(getDb(), user);
  return (
    <>
      <PageHeader title="Review settings" description="Who may accept a supplier's submission." />
      <ReviewSettingsForm separateReviewDuties={separateReviewDuties} />
    </>
  );
}
