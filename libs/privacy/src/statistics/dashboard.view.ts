import { ApiProperty } from '@nestjs/swagger';
import { SUPPRESSED } from './suppression';

/** A count, or "<5" for 1–4. */
export type Count = number | typeof SUPPRESSED;
const COUNT = { oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] };
const NULLABLE = {
  oneOf: [
    { type: 'number', nullable: true },
    { type: 'string', enum: [SUPPRESSED] },
  ],
};

export const DASHBOARD_COUNTS = [
  'registrations',
  'matches',
  'signals',
  'inContactWithinDeadline',
  'escalated',
  'informationTasksOpen',
  'informationTasksOverdue',
] as const;

export class DashboardFigures {
  @ApiProperty({ ...COUNT, description: 'Registrations made in the period' }) registrations: Count;
  @ApiProperty({ ...COUNT, description: 'Matches made in the period with a participant here' }) matches: Count;
  @ApiProperty({ ...COUNT, description: 'Signals to people here in the period' }) signals: Count;
  @ApiProperty({ ...COUNT, description: 'Of those matches: in contact within the deadline' })
  inContactWithinDeadline: Count;
  @ApiProperty({ ...COUNT, description: 'Of those matches: escalated to the follow-up officer' }) escalated: Count;
  @ApiProperty({
    ...NULLABLE,
    description:
      'Percent of the decided matches (in contact, or past the deadline) in contact within the deadline; null without one',
  })
  followUpRate: number | typeof SUPPRESSED | null;
  @ApiProperty({ ...NULLABLE, description: 'Median days from match to contact; "<5" with fewer than five' })
  medianDaysToContact: number | typeof SUPPRESSED | null;
  @ApiProperty({ ...COUNT, description: 'Information tasks not done today (postponed ones too)' })
  informationTasksOpen: Count;
  @ApiProperty({ ...COUNT, description: 'Of those: past the due date or the re-check day' })
  informationTasksOverdue: Count;
}

export class DashboardMonth {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty(COUNT) registrations: Count;
  @ApiProperty(COUNT) matches: Count;
  @ApiProperty(COUNT) signals: Count;
}

export class DashboardKindRow extends DashboardFigures {
  @ApiProperty({ example: 'education' }) organisationKind: string;
  @ApiProperty({
    description: 'Organisations of this kind connected to the college (not suppressed: not about people)',
  })
  organisations: number;
}

export class DashboardOrganisationRow extends DashboardFigures {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'education' }) organisationKind: string;
  @ApiProperty({ enum: ['connected', 'disconnected'] }) status: string;
  @ApiProperty({ description: 'Connected, but no registration of it is held at all' }) neverRegistered: boolean;
}

export class DashboardView {
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ example: '0983' }) municipalityCode: string;
  @ApiProperty({ example: '2026-12-03', description: 'The day the information tasks and deadlines were judged by' })
  today: string;
  @ApiProperty({ example: 'Counts from 1 to 4 are shown as "<5".' }) suppression: string;
  @ApiProperty({ type: DashboardFigures }) total: DashboardFigures;
  @ApiProperty({ type: [DashboardMonth], description: 'Every month of the period, oldest first' })
  byMonth: DashboardMonth[];
  @ApiProperty({ type: [DashboardKindRow] }) byOrganisationKind: DashboardKindRow[];
  @ApiProperty({ type: [DashboardOrganisationRow], description: 'Every organisation of the college, by name' })
  byOrganisation: DashboardOrganisationRow[];
}
