import path from "node:path";

/** Evidence files live outside the web root; only the download route serves them, after a check. */
export function evidenceDir(): string {
  return path.resolve(
    process.env.EVIDENCE_DIR ?? path.join(process.env.TRUSTMAP_DATA_DIR ?? ".data", "evidence"),
  );
}

/** Uploads are written here while they arrive, then renamed into place (same file system) once accepted. */
export function stagingDir(): string {
  return path.join(evidenceDir(), ".staging");
}
