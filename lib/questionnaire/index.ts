// Public surface of the questionnaire format: pure, framework-free, safe to import from client code.
export * from "./template-schema";
export { LIMITS, SERVER_ACTION_BODY_BYTES } from "./limits";
export { validateTemplate, type TemplateValidationResult } from "./validate-template";
export { formatTemplateIssue, type TemplateIssue } from "./template-issues";
export {
  parseTemplateJson,
  exportTemplateJson,
  canonicalizeTemplate,
  checkTemplateSuccession,
} from "./template-json";
export { parseCondition, type ConditionNode, type ConditionParseResult } from "./condition-parser";
export { evaluateCondition, isAnswered, type AnswerLookup } from "./condition-evaluator";
export {
  computeVisibility,
  visibleQuestions,
  pruneHiddenAnswers,
  readAnswer,
  type Answers,
  type Visibility,
  type VisibleQuestion,
} from "./visibility";
export {
  buildAnswerSchema,
  type AnswerValidationMode,
  type AnswerValue,
  type EvidenceFile,
  type GroupRow,
  type GroupRowValue,
} from "./answer-schema";
export {
  validateAnswers,
  type AnswerIssue,
  type AnswerIssueCode,
  type AnswerValidationResult,
} from "./validate-answers";
export {
  getOtSupplierBaselineTemplate,
  getLatestOtSupplierBaselineTemplate,
  LATEST_OT_SUPPLIER_BASELINE_VERSION,
  BUILT_IN_TEMPLATES,
  type OtSupplierBaselineVersion,
} from "./built-in-templates";
