import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ContactDirectory } from '@vir/organisations';
import { MatchReader } from './api/match-reader';
import { MatchesController } from './api/matches.controller';
import { ChooseLeadHandler, ConfirmContactHandler, GetMatchHandler, ListMatchesHandler } from './api/matches.handlers';

/** The matches API: participants, lead and follow-up, for the api process. */
@Module({
  imports: [CqrsModule],
  controllers: [MatchesController],
  providers: [
    ContactDirectory,
    MatchReader,
    ListMatchesHandler,
    GetMatchHandler,
    ConfirmContactHandler,
    ChooseLeadHandler,
  ],
})
export class MatchesModule {}
