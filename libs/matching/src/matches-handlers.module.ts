import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ContactDirectory } from '@vir/organisations';
import { ChooseLeadHandler } from './commands/choose-lead/choose-lead.handler';
import { ConfirmContactHandler } from './commands/confirm-contact/confirm-contact.handler';
import { RecordEscalationActionHandler } from './commands/record-escalation-action/record-escalation-action.handler';
import { MatchReader } from './match-reader';
import { GetMatchHandler } from './queries/get-match/get-match.handler';
import { ListMatchesHandler } from './queries/list-matches/list-matches.handler';

/** The matches' use cases (participants, lead, follow-up), for the api and the portal. */
@Module({
  imports: [CqrsModule],
  providers: [
    ContactDirectory,
    MatchReader,
    ListMatchesHandler,
    GetMatchHandler,
    ConfirmContactHandler,
    ChooseLeadHandler,
    RecordEscalationActionHandler,
  ],
})
export class MatchesHandlersModule {}
