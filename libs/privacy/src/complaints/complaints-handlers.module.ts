import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordComplaintHandler } from './commands/record-complaint/record-complaint.handler';
import { UpdateComplaintHandler } from './commands/update-complaint/update-complaint.handler';
import { GetComplaintHandler } from './queries/get-complaint/get-complaint.handler';
import { ListComplaintsHandler } from './queries/list-complaints/list-complaints.handler';
import { SummariseComplaintsHandler } from './queries/summarise-complaints/summarise-complaints.handler';

/** The register of complaints' use cases, for the api and the portal. */
@Module({
  imports: [CqrsModule],
  providers: [
    RecordComplaintHandler,
    UpdateComplaintHandler,
    GetComplaintHandler,
    ListComplaintsHandler,
    SummariseComplaintsHandler,
  ],
})
export class ComplaintsHandlersModule {}
