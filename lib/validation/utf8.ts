import { AppError } from "@/lib/errors";

// Uploaded text (CSV, template JSON) must be UTF-8. The platform decoder in fatal mode refuses
// anything else, where the default would silently turn each bad byte into U+FFFD.

export type Utf8Result =
  | { ok: true; text: string }
  /** `line` (1-based) and `byte` (1-based offset in the file) of the first byte that is not UTF-8. */
  | { ok: false; line: number; byte: number; message: string };

const invalidAt = (bytes: Uint8Array, end: number) => {
  try {
    // stream: true leaves a sequence cut off at `end` pending instead of calling it an error.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    return false;
  } catch {
    return true;
  }
};

/** Decodes UTF-8 strictly (a leading BOM is dropped), or says where the first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Whether a prefix decodes is monotonic, so the shortest failing prefix is found by bisection;
    // a truncated sequence fails after its lead byte, so step back to that lead byte.
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (invalidAt(bytes, mid + 1)) high = mid;
      else low = mid + 1;
    }
    let at = low;
    if (low === bytes.length || bytes[low]! < 0x80) {
      for (let back = 1; back <= 3 && low - back >= 0; back++) {
        if (bytes[low - back]! >= 0xc0) {
          at = low - back;
          break;
        }
      }
    }
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return {
      ok: false,
      line,
      byte: at + 1,
      message: `Line ${line} (byte ${(at + 1).toLocaleString("en-US")}) is not valid UTF-8 text. Save the file with UTF-8 encoding (from a spreadsheet: "CSV UTF-8") and choose it again.`,
    };
  }
}

/**
 * The text of an upload as a use case receives it: the file's bytes (decoded strictly here), or text
 * already decoded by the caller. Anything else, or nothing, is a VALIDATION error on `field`.
 */
export function uploadText(input: unknown, field: string, missingMessage: string): string {
  if (typeof input === "string") return input;
  if (!(input instanceof Uint8Array))
    throw new AppError("VALIDATION", missingMessage, { [field]: [missingMessage] });
  const decoded = decodeUtf8(input);
  if (!decoded.ok) throw new AppError("VALIDATION", decoded.message, { [field]: [decoded.message] });
  return decoded.text;
}
