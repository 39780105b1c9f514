import { ValidationFailedError } from '@vir/common';
import { type Sql, sql } from '@vir/database';
import type { StatisticsParams } from './queries/report-statistics/report-statistics.query';

/** A period of whole months for the statistics, as asked: at most 36 months, `to` not before `from`. */
export interface MonthRange {
  from: string;
  to: string;
  /** Every month of the period, oldest first (YYYY-MM). */
  months: string[];
  start: Sql;
  stop: Sql;
}

export function monthRange(params: StatisticsParams): MonthRange {
  const from = params.from.slice(0, 7);
  const to = params.to.slice(0, 7);
  const count =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;
  if (count < 1) throw new ValidationFailedError([{ field: 'to', reason: 'to must not be before from' }]);
  if (count > 36) throw new ValidationFailedError([{ field: 'to', reason: 'at most 36 months at a time' }]);
  const months = Array.from({ length: count }, (_, i) => {
    const index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
  return {
    from,
    to,
    months,
    start: sql`${`${from}-01`}::date`,
    stop: sql`(${`${to}-01`}::date + interval '1 month')`,
  };
}
