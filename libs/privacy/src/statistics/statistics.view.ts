import { ApiProperty } from '@nestjs/swagger';
import { SUPPRESSED } from './suppression';

export const FIGURES = [
  'registrations',
  'withdrawnRiskGone',
  'withdrawnUnjustified',
  'expired',
  'matches',
  'signals',
  'inContactWithinDeadline',
  'escalated',
] as const;

export class StatisticsRow {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: 'education' }) organisationKind: string;
  @ApiProperty({
    description: 'Number, or "<5" for 1–4',
    oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }],
  })
  registrations: number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) withdrawnRiskGone:
    number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) withdrawnUnjustified:
    number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) expired: number | string;
  @ApiProperty({
    description: 'Matches with a participant of this kind, by the month they were made',
    oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }],
  })
  matches: number | string;
  @ApiProperty({
    description: 'Signals to people of organisations of this kind',
    oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }],
  })
  signals: number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) inContactWithinDeadline:
    number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) escalated: number | string;
}

export class StatisticsView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: '0983' }) municipalityCode: string;
  @ApiProperty({ example: 'Counts from 1 to 4 are shown as "<5".' }) suppression: string;
  @ApiProperty({ type: [StatisticsRow] }) rows: StatisticsRow[];
}
