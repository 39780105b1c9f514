/** Platform: errors and problem+json, validation, calendar, clock, paging, batching and webhook target checks. */
export type { FieldProblem } from './app-error';
export { AppError, ConflictError, NotFoundError, RuleViolationError, ValidationFailedError } from './app-error';
export { createValidationPipe } from './validation';
export { Clock, SystemClock } from './clock';
export { ClockModule } from './clock.module';
export type { Cursor, Page } from './cursor';
export { decodeCursor, encodeCursor, splitPage, toPage } from './cursor';
export { PageQueryDto } from './pagination.dto';
export type { ProblemDetailsOptions } from './problem-details.filter';
export { describeUnknownError, ProblemDetailsFilter } from './problem-details.filter';
export type { ProblemDetails } from './problem-details';
export {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  fromFrameworkError,
  problem,
  PROBLEM_CONTENT_TYPE,
} from './problem-details';
export type { Actor } from './actor';
export { systemActor } from './actor';
export { isDatabaseUnavailable, isUniqueViolation } from './postgres-errors';
export { ApiProblems, ProblemSchema } from './api-problems.decorator';
export type { IsoDate } from './calendar';
export { addDays, addMonths, addWorkingDays, addYears, ageOn, isCalendarDate, todayInAmsterdam } from './calendar';
export { IsCalendarDate, IsDateTime, isDateTime, IsNotBlank } from './validators';
export { isUuid } from './uuid';
export type { WebhookTargetPolicy } from './webhook-target';
export { isAddressLiteral, isPublicAddress, webhookTargetProblem } from './webhook-target';
export type { BatchOutcome } from './batcher';
export { Batcher } from './batcher';
