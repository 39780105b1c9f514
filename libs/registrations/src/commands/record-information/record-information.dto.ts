import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@vir/common';
import { IsIn, IsUUID, ValidateIf } from 'class-validator';
import { DEFERRAL_GROUNDS } from '../../information-task';
import type { DeferralGround } from '../../information-task';

export class RecordInformationDto {
  @ApiProperty({
    enum: ['informed', 'deferred'],
    description:
      'informed: the notice was given on informedOn; deferred: postponed on an AVG 14(5) ground until recheckOn',
  })
  @IsIn(['informed', 'deferred'])
  status: 'informed' | 'deferred';

  @ApiPropertyOptional({
    format: 'date',
    description: 'With informed: the day; not before the registration, not in the future',
  })
  @ValidateIf((o: RecordInformationDto) => o.status === 'informed')
  @IsCalendarDate()
  informedOn?: string;

  @ApiPropertyOptional({
    enum: DEFERRAL_GROUNDS,
    description:
      'With deferred: already_informed (AVG 14(5)(a)), impossible_or_disproportionate (b), professional_secrecy (d). The motivation belongs in the client file.',
  })
  @ValidateIf((o: RecordInformationDto) => o.status === 'deferred')
  @IsIn(DEFERRAL_GROUNDS)
  deferralGround?: DeferralGround;

  @ApiPropertyOptional({
    format: 'date',
    description: 'With deferred: when to look again; after today, within six months',
  })
  @ValidateIf((o: RecordInformationDto) => o.status === 'deferred')
  @IsCalendarDate()
  recheckOn?: string;

  @ApiProperty({ format: 'uuid', description: 'The professional who made the registration: only they record this' })
  @IsUUID('all', { message: 'professionalId must be a UUID: the professional who made the registration' })
  professionalId: string;
}
