import type { Principal } from '@vir/auth';
import type { StatisticsParams } from '../report-statistics/report-statistics.query';

/** The administrator's dashboard of the college for a period of months. */
export class ReportDashboardQuery {
  constructor(
    readonly principal: Principal,
    readonly params: StatisticsParams,
  ) {}
}
