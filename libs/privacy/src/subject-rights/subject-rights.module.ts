import { Module } from '@nestjs/common';
import { SubjectRightsController } from './controllers/subject-rights.controller';
import { SubjectRightsHandlersModule } from './subject-rights-handlers.module';

/** The young person's rights, carried out by the college's administrator (api). */
@Module({
  imports: [SubjectRightsHandlersModule],
  controllers: [SubjectRightsController],
})
export class SubjectRightsModule {}
