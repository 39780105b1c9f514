/** One field at fault in a request, named by its JSON path (e.g. `youth.bsn`). */
export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * A failure with a stable machine code that clients can rely on.
 * Mapped to application/problem+json at the HTTP edge.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, what: string) {
    super(code, 404, `${what} not found`, `No ${what.toLowerCase()} with this id exists for your credential.`);
  }
}

export class ValidationFailedError extends AppError {
  constructor(fields: FieldProblem[], detail = 'The request does not meet the contract; see `errors`.') {
    super('VALIDATION_FAILED', 400, 'Invalid request', detail, fields);
  }
}

/** A request that is well-formed but breaks a business rule. */
export class RuleViolationError extends AppError {
  constructor(code: string, title: string, detail: string, field?: string) {
    super(code, 422, title, detail, field ? [{ field, reason: detail }] : []);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, title: string, detail: string, field?: string) {
    super(code, 409, title, detail, field ? [{ field, reason: detail }] : []);
  }
}
