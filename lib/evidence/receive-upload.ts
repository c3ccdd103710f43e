// Reads one multipart upload (a few small fields and one file) from a request body as it arrives,
// writing the file to a staging path. Limits hold while reading: past them the body is no longer
// read, the request is refused, and the partial file is deleted. Nothing is held in memory beyond
// the stream buffers (busboy parses, with backpressure, so a slow disk slows the reading down).
import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";

import busboy from "busboy";

import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/questionnaire/answer-schema";

/** The uploaded file, complete, on disk under the staging directory. */
export interface StagedFile {
  path: string;
  /** The name the browser gave, unchecked: the caller cleans it. */
  fileName: string;
  bytes: number;
  sha256: string;
}

export interface ReceiveUploadOptions {
  /** Where the file is written while it arrives (same file system as its final place, so moving it is a rename). */
  stagingDir: string;
  /** The ceiling for the file, whatever `beforeFile` returns. */
  maxFileBytes: number;
  /**
   * Called when the file part starts, with the fields sent before it. Returns the file's own limit
   * (at most `maxFileBytes` is enforced anyway), or throws to refuse the upload before its content
   * is read. The body waits meanwhile.
   */
  beforeFile?: (fields: Readonly<Record<string, string>>) => Promise<number>;
}

/** Room for the part headers and the small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const MAX_FIELDS = 4;

export function fileTooLarge(limit: number): AppError {
  return new AppError(
    "TOO_LARGE",
    `The file is larger than ${formatBytes(limit)}, the most accepted here. Nothing was stored.`,
  );
}

const unreadable = () =>
  new AppError("VALIDATION", "The upload could not be read. Choose the file again and retry.");

/** Counts the body's bytes and fails past `limit`, so junk around the file cannot stream forever either. */
function byteCounter(limit: number, onExceeded: () => AppError) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(onExceeded());
      else callback(null, chunk);
    },
  });
}

/**
 * Streams a multipart body: returns its fields and the staged file, or throws an AppError
 * (TOO_LARGE past a limit, VALIDATION for anything malformed, or whatever `beforeFile` throws) after
 * having stopped reading the body and deleted any partial file.
 */
export async function receiveUpload(
  request: Request,
  options: ReceiveUploadOptions,
): Promise<{ fields: Record<string, string>; file: StagedFile }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body)
    throw new AppError("VALIDATION", "Choose a file to upload.");
  const bodyLimit = options.maxFileBytes + ENVELOPE_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > bodyLimit) {
    await request.body.cancel().catch(() => undefined);
    throw fileTooLarge(options.maxFileBytes);
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // fileSize one past the ceiling: busboy also signals a file of exactly fileSize bytes.
      limits: {
        files: 1,
        fields: MAX_FIELDS,
        parts: MAX_FIELDS + 1,
        fileSize: options.maxFileBytes + 1,
        fieldSize: 1024,
        fieldNameSize: 100,
        headerPairs: 20,
      },
    });
  } catch {
    await request.body.cancel().catch(() => undefined);
    throw unreadable();
  }

  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  let refusal: Error | null = null;
  /**
   * Stops reading the body: destroying the source cancels the request stream; destroying the parser
   * ends the pipeline even when the whole body had already arrived (busboy then waits for the file).
   */
  const refuse = (error: Error) => {
    refusal ??= error;
    source.destroy(error);
    parser.destroy(error);
  };
  const fields: Record<string, string> = {};
  let staging: Promise<StagedFile | null> | null = null;

  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated)
      refuse(new AppError("VALIDATION", "A form field of the upload is too long."));
    else fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || staging) {
      stream.resume();
      return;
    }
    // Until stageFile pipes it, a refusal may destroy the stream with an error nobody listens to yet.
    stream.on("error", () => undefined);
    staging = stageFile(stream, info.filename ?? "", { ...fields }, options).catch((error: Error) => {
      refuse(error);
      return null;
    });
  });
  parser.on("filesLimit", () => refuse(new AppError("VALIDATION", "Upload one file at a time.")));
  parser.on("fieldsLimit", () => refuse(unreadable()));
  parser.on("partsLimit", () => refuse(unreadable()));

  try {
    await pipeline(
      source,
      byteCounter(bodyLimit, () => fileTooLarge(options.maxFileBytes)),
      parser,
    );
  } catch (error) {
    refusal ??= error instanceof AppError ? error : unreadable();
  }
  const staged = await (staging as Promise<StagedFile | null> | null);
  if (refusal) {
    if (staged) await rm(staged.path, { force: true });
    throw refusal;
  }
  if (!staged) throw new AppError("VALIDATION", "Choose a file to upload.");
  return { fields, file: staged };
}

/** Writes one file part to a fresh staging file, hashing and counting as it goes; deletes it on any failure. */
async function stageFile(
  stream: Readable & { truncated?: boolean },
  fileName: string,
  fields: Record<string, string>,
  options: ReceiveUploadOptions,
): Promise<StagedFile> {
  // The body is not read while this waits: busboy holds the rest until the file stream is consumed.
  const limit = Math.min(
    options.maxFileBytes,
    options.beforeFile ? await options.beforeFile(fields) : options.maxFileBytes,
  );
  await mkdir(options.stagingDir, { recursive: true, mode: 0o700 });
  const target = path.join(options.stagingDir, `${randomBytes(16).toString("hex")}.part`);
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytes += chunk.length;
      if (bytes > limit) return callback(fileTooLarge(limit));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // Past busboy's own ceiling the part is truncated and "limit" fires: fail rather than store a cut file.
  stream.once("limit", () => meter.destroy(fileTooLarge(limit)));
  try {
    await pipeline(stream, meter, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  return { path: target, fileName, bytes, sha256: hash.digest("hex") };
}
