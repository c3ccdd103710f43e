import { routeHandler } from "@/lib/actions/route-handler";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { loadVendorReport } from "@/lib/domain/report/load-vendor-report";
import { renderVendorReport, reportFileName } from "@/lib/reports/vendor-report";

// The printable vendor report as a PDF attachment: staff who may read scores, own organisation only.
export const GET = routeHandler<{ id: string }>("readScores", async ({ db, actor, params }) => {
  const report = await loadVendorReport(db, actor, params.id);
  const bytes = await renderVendorReport(report);
  await recordAuditEvent(db, actor, {
    action: "vendor.export_report",
    entityType: "Vendor",
    entityId: report.vendor.id,
    details: { format: "pdf" },
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${reportFileName(report.vendor.name)}"; filename*=UTF-8''${encodeURIComponent(`${report.vendor.name}-trustmap-report.pdf`)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
