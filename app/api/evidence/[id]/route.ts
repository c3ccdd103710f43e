import { Readable } from "node:stream";

import { routeHandler } from "@/lib/actions/route-handler";
import { openEvidenceFile } from "@/lib/domain/evidence/evidence-files";

// Download an evidence file: staff of the organisation, or the supplier of that vendor; every
// download is audited. Always as an attachment named with the sniffed type's extension and served
// with the sniffed type, so a browser never renders an uploaded file inside the portal.
export const GET = routeHandler<{ id: string }>(null, async ({ db, actor, params }) => {
  const file = await openEvidenceFile(db, actor, params.id);
  return new Response(Readable.toWeb(file.stream()) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
