/**
 * Validates questionnaire template files: `npm run template:check -- <file.json> [more.json…]`.
 * Exit codes: 0 all valid, 2 some template is invalid (every error printed with its path),
 * 1 a file could not be read or no file was given.
 */
import { readFileSync } from "node:fs";

import { formatTemplateIssue } from "../lib/questionnaire/template-issues";
import { parseTemplateJson } from "../lib/questionnaire/template-json";
import type { Template } from "../lib/questionnaire/template-schema";

const EXIT_INVALID = 2;
const EXIT_UNREADABLE = 1;

function summarizeTemplate(template: Template): string {
  const questions = template.sections.flatMap((section) => section.questions);
  let rules = 0;
  for (const question of questions) {
    rules += question.linkages?.length ?? 0;
    const choiceOwners =
      "choices" in question ? [question] : question.type === "group" ? question.fields : [];
    for (const owner of choiceOwners) {
      if ("choices" in owner) for (const choice of owner.choices) rules += choice.linkages?.length ?? 0;
    }
  }
  return `${template.key} v${template.version} "${template.title}": ${template.sections.length} sections, ${questions.length} questions, ${rules} linkage rules`;
}

function checkFile(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    console.error(`${file}: cannot read the file (${reason})`);
    return EXIT_UNREADABLE;
  }
  const result = parseTemplateJson(text);
  if (!result.ok) {
    for (const issue of result.errors) console.error(`${file}: ${formatTemplateIssue(issue)}`);
    console.error(
      `${file}: invalid template, ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}`,
    );
    return EXIT_INVALID;
  }
  console.log(`${file}: valid — ${summarizeTemplate(result.template)}`);
  return 0;
}

const files = process.argv.slice(2).filter((argument) => argument !== "--");
if (files.length === 0) {
  console.error("usage: npm run template:check -- <template.json> [more.json …]");
  process.exit(EXIT_UNREADABLE);
}
process.exitCode = files.map(checkFile).reduce((worst, code) => Math.max(worst, code), 0);
