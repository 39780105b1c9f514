import { Module } from '@nestjs/common';
import { MatchesController } from './controllers/matches.controller';
import { MatchesHandlersModule } from './matches-handlers.module';

/** The matches API: participants, lead and follow-up, for the api process. */
@Module({
  imports: [MatchesHandlersModule],
  controllers: [MatchesController],
})
export class MatchesModule {}
