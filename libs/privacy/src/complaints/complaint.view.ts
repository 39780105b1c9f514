import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPRESSED } from '../statistics/suppression';
import type { Count } from '../statistics/dashboard.view';
import { COMPLAINANTS, COMPLAINT_OUTCOMES, COMPLAINT_TOPICS } from './complaint-rules';

export class ComplaintView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KL-20261203-1' }) reference: string;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty({ enum: COMPLAINANTS, description: 'The person concerned or their legal representative (protocol 5.1)' })
  filedBy: string;
  @ApiProperty({ enum: COMPLAINT_TOPICS }) topic: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The partner the complaint concerns; null: the index or the college itself',
  })
  concernsOrganisationId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) concernsOrganisation: string | null;
  @ApiProperty({ format: 'date', description: 'Six weeks after receipt (Awb 9:11)' }) dueOn: string;
  @ApiProperty({ enum: ['open', 'due_soon', 'overdue', 'answered'], description: 'due_soon: within 7 days of dueOn' })
  deadline: string;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: "Passed to the partner's own complaints procedure (protocol 5.2)",
  })
  forwardedOn: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'The written response sent (5.3)' })
  respondedOn: string | null;
  @ApiPropertyOptional({ enum: COMPLAINT_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

const COUNT = { oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] };

export class ComplaintCount {
  @ApiProperty() key: string;
  @ApiProperty(COUNT) count: Count;
}

/** The year's complaints for the evaluation with the partners (covenant 6.2): counts only, 1–4 as "<5". */
export class ComplaintsSummaryView {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ ...COUNT, description: 'Received in the year' }) received: Count;
  @ApiProperty({ ...COUNT, description: 'Of those, responded to' }) responded: Count;
  @ApiProperty({ ...COUNT, description: 'Of those, responded to by the due date' }) respondedInTime: Count;
  @ApiProperty({ ...COUNT, description: 'Of those, still without a response' }) open: Count;
  @ApiProperty({ type: [ComplaintCount], description: 'Per topic, every topic' }) byTopic: ComplaintCount[];
  @ApiProperty({ type: [ComplaintCount], description: 'Per outcome, every outcome' }) byOutcome: ComplaintCount[];
  @ApiProperty({ example: 'Counts from 1 to 4 are shown as "<5".' }) suppression: string;
}
