import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SubjectAccessView, SubjectErasureView } from '../subject-rights/subject-rights.view';
import { DECISIONS, REQUEST_KINDS, REQUESTERS } from './subject-request-rules';

export class SubjectRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VZ-20261202-1' }) reference: string;
  @ApiProperty({
    enum: REQUEST_KINDS,
    description: 'AVG 15 access, 16 rectification, 17 erasure, 18 restriction, 21 objection',
  })
  kind: string;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty({ enum: REQUESTERS, description: "Who filed it; checked against the youth's age (Jw 7.1.5.1(2))" })
  requestedBy: string;
  @ApiProperty({ format: 'date', description: 'Four weeks after receipt (covenant privacy protocol 4.3)' })
  dueOn: string;
  @ApiProperty({ enum: ['open', 'due_soon', 'overdue', 'answered'], description: 'due_soon: within 7 days of dueOn' })
  deadline: string;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: "The reporter's advice asked (Jw 7.1.5.2)",
  })
  adviceAskedOn: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) adviceReceivedOn: string | null;
  @ApiPropertyOptional({ enum: DECISIONS, nullable: true, type: String }) decision: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) answeredOn: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description:
      'What answering did, in numbers only: registrations, archiveEntries, signals (access) or registrationsRemoved, archiveEntriesDestroyed (erasure, objection)',
  })
  outcome: Record<string, number> | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class SubjectRequestAnswerView {
  @ApiProperty({ type: SubjectRequestView }) request: SubjectRequestView;
  @ApiPropertyOptional({
    type: SubjectAccessView,
    description: 'For an access request granted in full or in part: what the index holds, to put in the letter',
  })
  access?: SubjectAccessView;
  @ApiPropertyOptional({ type: SubjectErasureView, description: 'For an erasure or objection granted' })
  erasure?: SubjectErasureView;
}
