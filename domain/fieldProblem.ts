// A problem with one field of a submission, in both languages: the rules say it, the API
// picks the reader's language (its problem+json `errors[]` carry one FieldError each).
import type { Language } from './language';

export type FieldProblem = { field: string } & Record<Language, string>;
