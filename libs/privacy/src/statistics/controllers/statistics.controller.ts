import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { QueryBus } from '@nestjs/cqrs';
import { ReportStatisticsQuery, StatisticsParams } from '../queries/report-statistics/report-statistics.query';
import { DashboardView } from '../dashboard.view';
import { ReportDashboardQuery } from '../queries/report-dashboard/report-dashboard.query';
import { StatisticsView } from '../statistics.view';

@ApiTags('Administratie: statistiek')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Aggregates per month and organisation kind for the organisations of your college; 1–4 shown as "<5"',
  })
  @ApiOkResponse({ type: StatisticsView })
  @ApiProblems()
  report(@CurrentPrincipal() principal: Principal, @Query() params: StatisticsParams): Promise<StatisticsView> {
    return this.queries.execute(new ReportStatisticsQuery(principal, params));
  }

  @Get('dashboard')
  @ApiOperation({
    summary:
      'The dashboard of your college for a period: per month, organisation kind and organisation, with the follow-up rate, time to contact and open information tasks; 1–4 shown as "<5"',
  })
  @ApiOkResponse({ type: DashboardView })
  @ApiProblems()
  dashboard(@CurrentPrincipal() principal: Principal, @Query() params: StatisticsParams): Promise<DashboardView> {
    return this.queries.execute(new ReportDashboardQuery(principal, params));
  }
}
