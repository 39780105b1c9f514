import { ConflictError, NotFoundError, RuleViolationError } from '@vir/common';

export const matchNotFound = () => new NotFoundError('MATCH_NOT_FOUND', 'Match');
export const matchClosed = () =>
  new ConflictError('MATCH_CLOSED', 'Match closed', 'Fewer than two active registrations remain; the match is closed.');
export const notAParticipant = (detail: string, field = 'professionalId') =>
  new RuleViolationError('NOT_A_PARTICIPANT', 'Not a participant', detail, field);
