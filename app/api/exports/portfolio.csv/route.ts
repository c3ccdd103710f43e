import { routeHandler } from "@/lib/actions/route-handler";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { exportPortfolioCsv } from "@/lib/domain/portfolio/export-portfolio-csv";

// The portfolio as CSV, with the same filters and sort as /scores (query string). Staff only.
export const GET = routeHandler("readScores", async ({ request, db, actor }) => {
  const { searchParams } = new URL(request.url);
  const csv = await exportPortfolioCsv(db, actor, Object.fromEntries(searchParams));
  await recordAuditEvent(db, actor, {
    action: "portfolio.export_csv",
    entityType: "Organization",
    entityId: actor.organizationId,
    details: { query: searchParams.toString().slice(0, 500) },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\ufeff${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trustmap-portfolio-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
