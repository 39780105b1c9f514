import { Module } from '@nestjs/common';
import { SubjectRequestsController } from './controllers/subject-requests.controller';
import { SubjectRequestsHandlersModule } from './subject-requests-handlers.module';

/** The register of subject requests (api). */
@Module({
  imports: [SubjectRequestsHandlersModule],
  controllers: [SubjectRequestsController],
})
export class SubjectRequestsModule {}
