import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegistrationRemoval } from '@vir/registrations';
import { EraseYouthHandler } from './commands/erase-youth/erase-youth.handler';
import { AnswerSubjectAccessHandler } from './queries/answer-subject-access/answer-subject-access.handler';

/** Access and erasure for the young person, without routes: for the api's controller and the register of requests. */
@Module({
  imports: [CqrsModule],
  providers: [AnswerSubjectAccessHandler, EraseYouthHandler, RegistrationRemoval],
})
export class SubjectRightsHandlersModule {}
