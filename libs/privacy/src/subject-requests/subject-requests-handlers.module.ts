import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SubjectRightsHandlersModule } from '../subject-rights/subject-rights-handlers.module';
import { AnswerSubjectRequestHandler } from './commands/answer-subject-request/answer-subject-request.handler';
import { RecordSubjectRequestHandler } from './commands/record-subject-request/record-subject-request.handler';
import { UpdateSubjectRequestHandler } from './commands/update-subject-request/update-subject-request.handler';
import { GetSubjectRequestHandler } from './queries/get-subject-request/get-subject-request.handler';
import { ListSubjectRequestsHandler } from './queries/list-subject-requests/list-subject-requests.handler';

/** The register of subject requests' use cases, for the api and the portal. */
@Module({
  imports: [CqrsModule, SubjectRightsHandlersModule],
  providers: [
    RecordSubjectRequestHandler,
    UpdateSubjectRequestHandler,
    AnswerSubjectRequestHandler,
    GetSubjectRequestHandler,
    ListSubjectRequestsHandler,
  ],
})
export class SubjectRequestsHandlersModule {}
