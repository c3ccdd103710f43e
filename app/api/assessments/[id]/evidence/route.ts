import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { uploadEvidence } from "@/lib/domain/evidence/evidence-files";
import { AppError, toActionFailure } from "@/lib/errors";

/** Hard ceiling for one upload, whatever a template allows: the file is held in memory to sniff it. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

// Upload one evidence file (multipart: questionId, file). The body size is checked before reading
// it whole; the question's own limit and the file's real type are checked by the use case.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("answerAssessments");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw new AppError("VALIDATION", `The file is too large; the limit is ${MAX_UPLOAD_BYTES / 1_048_576} MB.`);
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof File)) throw new AppError("VALIDATION", "Choose a file to upload.");
    if (file.size > MAX_UPLOAD_BYTES) throw new AppError("VALIDATION", `The file is too large; the limit is ${MAX_UPLOAD_BYTES / 1_048_576} MB.`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const data = await uploadEvidence(getDb(), actor, { assessmentId: (await params).id, questionId: form.get("questionId"), fileName: file.name, bytes });
    return NextResponse.json({ ok: true, data });
  } catch (error) {
    const failure = toActionFailure(error);
    return NextResponse.json(failure, { status: error instanceof AppError ? error.status : 500 });
  }
}
