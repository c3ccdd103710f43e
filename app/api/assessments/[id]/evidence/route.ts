import { NextResponse } from "next/server";

import { routeHandler } from "@/lib/actions/route-handler";
import { prepareEvidenceUpload, storeEvidence } from "@/lib/domain/evidence/evidence-files";
import { stagingDir } from "@/lib/evidence/evidence-dir";
import { receiveUpload } from "@/lib/evidence/receive-upload";
import { MAX_UPLOAD_BYTES } from "@/lib/evidence/upload-limits";

// Upload one evidence file (multipart: questionId, then file). The body is streamed to a staging
// file, never buffered: the session, the assessment, the question's maxFiles and the quota are
// checked when the file part starts, and the byte limit while it is read (413 past it). On any
// failure routeHandler cancels the body the upload did not read.
export const POST = routeHandler<{ id: string }>(
  "answerAssessments",
  async ({ request, db, actor, params }) => {
    const assessmentId = params.id;
    const { fields, file } = await receiveUpload(request, {
      stagingDir: stagingDir(),
      maxFileBytes: MAX_UPLOAD_BYTES,
      beforeFile: (sent) => prepareEvidenceUpload(db, actor, { assessmentId, questionId: sent.questionId }),
    });
    const data = await storeEvidence(db, actor, { assessmentId, questionId: fields.questionId, file });
    return NextResponse.json({ ok: true, data });
  },
);
