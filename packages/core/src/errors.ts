import { VALIDATION_MESSAGES, type ErrorCode, type Locale, type ValidationMessageKey } from '@city/contracts';

export type LocalizedText = Record<Locale, string>;

export interface FieldProblem {
  path: string;
  code: string;
  message: LocalizedText;
}

/**
 * The one error type services throw. The API turns it into RFC 9457 problem+json in the caller's language;
 * the status comes from the catalogue in contracts, so a code cannot be answered with two statuses.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: LocalizedText | undefined;
  readonly fields: FieldProblem[] | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, options: { detail?: LocalizedText; fields?: FieldProblem[]; retryAfter?: number } = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

/** A 400 for one field, with one of the shared validation messages. */
export function fieldError(path: string, key: ValidationMessageKey): AppError {
  return new AppError('validation_failed', { fields: [{ path, code: key, message: VALIDATION_MESSAGES[key] }] });
}
