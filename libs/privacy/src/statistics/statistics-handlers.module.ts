import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReportDashboardHandler } from './queries/report-dashboard/report-dashboard.handler';
import { ReportStatisticsHandler } from './queries/report-statistics/report-statistics.handler';

/** The statistics' use cases, for the api and the portal: the evaluation's aggregates and the dashboard. */
@Module({ imports: [CqrsModule], providers: [ReportStatisticsHandler, ReportDashboardHandler] })
export class StatisticsHandlersModule {}
