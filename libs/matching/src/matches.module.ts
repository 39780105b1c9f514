import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ContactDirectory } from '@vir/organisations';
import { ChooseLeadHandler } from './commands/choose-lead/choose-lead.handler';
import { ConfirmContactHandler } from './commands/confirm-contact/confirm-contact.handler';
import { MatchesController } from './controllers/matches.controller';
import { MatchReader } from './match-reader';
import { GetMatchHandler } from './queries/get-match/get-match.handler';
import { ListMatchesHandler } from './queries/list-matches/list-matches.handler';

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
