import { Readable } from "node:stream";
import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { openEvidenceFile } from "@/lib/domain/evidence/evidence-files";
import { AppError, toActionFailure } from "@/lib/errors";

// Download an evidence file: staff of the organisation, or the supplier of that vendor; every
// download is audited. Always as an attachment named with the sniffed type's extension and served
// with the sniffed type, so a browser never renders an uploaded file inside the portal.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const file = await openEvidenceFile(getDb(), actor, (await params).id);
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
  } catch (error) {
    const failure = toActionFailure(error);
    return Response.json(failure, { status: error instanceof AppError ? error.status : 500 });
  }
}
