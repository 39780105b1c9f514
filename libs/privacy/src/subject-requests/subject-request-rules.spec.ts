import { deadlineState } from '../register-deadlines';
import { answerDueOn, entitledRequester, needsReporterAdvice } from './subject-request-rules';

describe('subject request rules', () => {
  it('puts the answer four weeks after receipt, across a month and a year end', () => {
    expect(answerDueOn('2026-12-02')).toBe('2026-12-30');
    expect(answerDueOn('2026-12-15')).toBe('2027-01-12');
    expect(answerDueOn('2028-02-10')).toBe('2028-03-09');
  });

  it('names who may file by the age on the day of receipt (Jw 7.1.5.1(2))', () => {
    expect(entitledRequester('2014-12-03', '2026-12-02')).toBe('legal_representative');
    expect(entitledRequester('2014-12-02', '2026-12-02')).toBe('youth_and_legal_representative');
    expect(entitledRequester('2010-12-03', '2026-12-02')).toBe('youth_and_legal_representative');
    expect(entitledRequester('2010-12-02', '2026-12-02')).toBe('youth');
  });

  it('warns a week before the due date and after it', () => {
    expect(deadlineState('2026-12-30', null, '2026-12-22')).toBe('open');
    expect(deadlineState('2026-12-30', null, '2026-12-23')).toBe('due_soon');
    expect(deadlineState('2026-12-30', null, '2026-12-30')).toBe('due_soon');
    expect(deadlineState('2026-12-30', null, '2026-12-31')).toBe('overdue');
    expect(deadlineState('2026-12-30', '2027-01-04', '2027-02-01')).toBe('answered');
  });

  it('asks the reporter to advise on everything but access', () => {
    expect(needsReporterAdvice('access')).toBe(false);
    expect(['rectification', 'erasure', 'restriction', 'objection'].every((k) => needsReporterAdvice(k as never))).toBe(
      true,
    );
  });
});
