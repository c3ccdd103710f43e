import { routeHandler } from "@/lib/actions/route-handler";
import { listAssessmentContacts } from "@/lib/domain/assessment/read-assessments";

const HEADERS = { "Cache-Control": "private, no-store" };

// The contacts of one active vendor, for the new-assessment form once a vendor is chosen in its search.
export const GET = routeHandler<{ id: string }>(
  "manageAssessments",
  async ({ db, actor, params }) => {
    const vendor = await listAssessmentContacts(db, actor, params.id);
    return Response.json({ contacts: vendor.contacts }, { headers: HEADERS });
  },
  { headers: HEADERS },
);
