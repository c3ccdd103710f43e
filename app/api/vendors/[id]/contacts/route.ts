import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { AppError, toActionFailure } from "@/lib/errors";
import { listAssessmentContacts } from "@/lib/domain/assessment/read-assessments";

const HEADERS = { "Cache-Control": "private, no-store" };

// The contacts of one active vendor, for the new-assessment form once a vendor is chosen in its search.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("manageAssessments");
    const vendor = await listAssessmentContacts(getDb(), actor, (await params).id);
    return Response.json({ contacts: vendor.contacts }, { headers: HEADERS });
  } catch (error) {
    return Response.json(toActionFailure(error), { status: error instanceof AppError ? error.status : 500, headers: HEADERS });
  }
}
