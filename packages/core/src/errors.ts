import {
  isValidationMessageKey,
  VALIDATION_MESSAGES,
  type ErrorCode,
  type Locale,
  type ValidationMessageKey,
} from '@city/contracts';

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

/** A schema's failed checks, as zod reports them (only the fields read here, so the core needs no zod). */
export interface SchemaIssues {
  issues: ReadonlyArray<{ message: string; code: string; path: ReadonlyArray<PropertyKey> }>;
}

/** Zod issues → field errors in the caller's language. Our schemas carry message keys; zod's own codes map here. */
export function validationError(error: SchemaIssues): AppError {
  return new AppError('validation_failed', {
    fields: error.issues.map((issue) => {
      const key = isValidationMessageKey(issue.message)
        ? issue.message
        : isValidationMessageKey(issue.code)
          ? issue.code
          : 'invalid';
      // Our own key is the more precise code for clients (e.g. claim_code_format rather than invalid_format).
      const code = isValidationMessageKey(issue.message) ? issue.message : issue.code;
      return { path: issue.path.map(String).join('.'), code, message: VALIDATION_MESSAGES[key] };
    }),
  });
}
