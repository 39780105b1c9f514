import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { StatisticsController } from './controllers/statistics.controller';
import { ReportStatisticsHandler } from './queries/report-statistics/report-statistics.handler';

/** Aggregates for the yearly evaluation, for the college's administrator (api). */
@Module({ imports: [CqrsModule], controllers: [StatisticsController], providers: [ReportStatisticsHandler] })
export class StatisticsModule {}
