import { ERROR_TITLES, type ErrorCode } from './codes.js';

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error family. The HTTP status comes from the subclass, never the call site; `detail` is
 * English for developers, `title` (from the code) is Vietnamese for people.
 */
export class AppError extends Error {
  readonly status: number = 500;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly options: { params?: Record<string, unknown>; errors?: FieldIssue[]; title?: string } = {},
  ) {
    super(detail ?? code);
  }
  get title(): string {
    return this.options.title ?? ERROR_TITLES[this.code];
  }
}

export class ValidationError extends AppError { override readonly status = 400; }
export class UnauthenticatedError extends AppError { override readonly status = 401; }
export class ForbiddenError extends AppError { override readonly status = 403; }
export class NotFoundError extends AppError { override readonly status = 404; }
export class ConflictError extends AppError { override readonly status = 409; }
export class RuleViolationError extends AppError { override readonly status = 422; }
