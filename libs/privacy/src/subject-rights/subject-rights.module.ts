import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegistrationRemoval } from '@vir/registrations';
import { EraseYouthHandler } from './commands/erase-youth/erase-youth.handler';
import { SubjectRightsController } from './controllers/subject-rights.controller';
import { AnswerSubjectAccessHandler } from './queries/answer-subject-access/answer-subject-access.handler';

/** The young person's rights, carried out by the college's administrator (api). */
@Module({
  imports: [CqrsModule],
  controllers: [SubjectRightsController],
  providers: [AnswerSubjectAccessHandler, EraseYouthHandler, RegistrationRemoval],
})
export class SubjectRightsModule {}
