/** Platform: errors and problem+json, validation, calendar, clock, paging, batching and webhook target checks. */
export { AppError, ConflictError, NotFoundError, RuleViolationError, ValidationFailedError } from './app-error';
export { createValidationPipe, validateInput } from './validation';
export { Clock } from './clock';
export { ClockModule } from './clock.module';
export type { Page } from './cursor';
export { decodeCursor, splitPage, toPage } from './cursor';
export { PageQueryDto } from './pagination.dto';
export { ProblemDetailsFilter } from './problem-details.filter';
export { DATABASE_RETRY_AFTER_SECONDS, problem, PROBLEM_CONTENT_TYPE } from './problem-details';
export type { Actor } from './actor';
export { systemActor } from './actor';
export { isUniqueViolation } from './postgres-errors';
export { ApiProblems } from './api-problems.decorator';
export type { IsoDate } from './calendar';
export {
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  ageOn,
  isCalendarDate,
  isWorkingDay,
  todayInAmsterdam,
} from './calendar';
export { IsCalendarDate, IsDateTime, isDateTime, IsNotBlank } from './validators';
export { isUuid } from './uuid';
export { isPublicAddress, webhookTargetProblem } from './webhook-target';
export type { BatchOutcome } from './batcher';
export { Batcher } from './batcher';
export { amsterdamLocalToIso } from './amsterdam-time';
export { readCsvTable } from './csv-table';
