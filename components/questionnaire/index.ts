// Supplier questionnaire UI. The form is a client component; QuestionnaireAnswers renders on the server.
export { QuestionnaireForm, type QuestionnaireFormProps } from "./questionnaire-form";
export { QuestionnaireAnswers, AnswerValue, type QuestionnaireAnswersProps } from "./questionnaire-answers";
export { diffAnswers } from "@/lib/questionnaire/diff-answers";
export type { SaveResult, UploadResult, SubmitResult, QuestionComment, QuestionComments } from "./types";
