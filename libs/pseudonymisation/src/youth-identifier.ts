import { RuleViolationError, ValidationFailedError } from '@vir/common';
import { surnameProblem } from './service-number';
import type { Sex } from './service-number';
import type { YouthIdentifier } from './youth-key.service';

const invalid = (field: string, reason: string) => new ValidationFailedError([{ field, reason }]);

/** Exactly one of the two ways to identify a youth (Jw 7.1.4.2, BJw 7.3.1); a surname that cannot be one is refused (422). */
export function youthIdentifier(
  youth: { bsn?: string; surname?: string; birthDate?: string; sex?: Sex },
  field = 'youth',
): YouthIdentifier {
  if (youth.bsn !== undefined && youth.surname !== undefined) {
    throw invalid(field, 'give either bsn and birthDate, or surname, birthDate and sex; not both bsn and surname');
  }
  if (youth.bsn !== undefined) {
    if (youth.sex !== undefined) throw invalid(`${field}.sex`, 'sex is only given for a youth without a BSN');
    return { bsn: youth.bsn };
  }
  if (youth.surname === undefined) throw invalid(field, 'give bsn and birthDate, or surname, birthDate and sex');
  if (youth.birthDate === undefined)
    throw invalid(`${field}.birthDate`, 'birthDate is required for a youth without a BSN');
  if (youth.sex === undefined) throw invalid(`${field}.sex`, 'sex (M, V or O) is required for a youth without a BSN');
  const problem = surnameProblem(youth.surname);
  if (problem) throw new RuleViolationError('SURNAME_INVALID', 'Not a surname', problem, `${field}.surname`);
  return { surname: youth.surname, birthDate: youth.birthDate, sex: youth.sex };
}
