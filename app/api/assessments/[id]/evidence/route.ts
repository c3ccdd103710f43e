import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { prepareEvidenceUpload, storeEvidence } from "@/lib/domain/evidence/evidence-files";
import { receiveUpload } from "@/lib/evidence/receive-upload";
import { stagingDir } from "@/lib/evidence/evidence-dir";
import { MAX_UPLOAD_BYTES } from "@/lib/evidence/upload-limits";
import { AppError, toActionFailure } from "@/lib/errors";

// Upload one evidence file (multipart: questionId, then file). The body is streamed to a staging
// file, never buffered: the session, the assessment, the question's maxFiles and the quota are
// checked when the file part starts, and the byte limit while it is read (413 past it).
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("answerAssessments");
    const assessmentId = (await params).id;
    const db = getDb();
    const { fields, file } = await receiveUpload(request, {
      stagingDir: stagingDir(),
      maxFileBytes: MAX_UPLOAD_BYTES,
      beforeFile: (sent) => prepareEvidenceUpload(db, actor, { assessmentId, questionId: sent.questionId }),
    });
    const data = await storeEvidence(db, actor, { assessmentId, questionId: fields.questionId, file });
    return NextResponse.json({ ok: true, data });
  } catch (error) {
    if (!request.bodyUsed) await request.body?.cancel().catch(() => undefined);
    const failure = toActionFailure(error);
    return NextResponse.json(failure, { status: error instanceof AppError ? error.status : 500 });
  }
}
