import { createHash } from "node:crypto";

import { canonicalizeTemplate, type Template } from "@/lib/questionnaire";

/** sha256 of a template's canonical JSON: the same content always gives the same checksum. */
export function templateChecksum(template: Template): string {
  return createHash("sha256").update(canonicalizeTemplate(template)).digest("hex");
}
