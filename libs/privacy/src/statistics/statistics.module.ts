import { Module } from '@nestjs/common';
import { StatisticsController } from './controllers/statistics.controller';
import { StatisticsHandlersModule } from './statistics-handlers.module';

/** Aggregates for the yearly evaluation and the dashboard, for the college's administrator (api). */
@Module({ imports: [StatisticsHandlersModule], controllers: [StatisticsController] })
export class StatisticsModule {}
