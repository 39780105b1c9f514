import { ApiProperty } from '@nestjs/swagger';
import { DeceasedYouthDto, YouthField } from '@vir/pseudonymisation';

export class RecordDeathDto {
  @YouthField(DeceasedYouthDto, '{ bsn }, or for a youth without a BSN { surname, birthDate, sex }')
  youth: DeceasedYouthDto;
}

export class DeathRecordedView {
  @ApiProperty({ description: 'Active registrations removed (reason deceased, nothing archived)' })
  registrationsRemoved: number;
  @ApiProperty({ description: 'Archive entries destroyed' }) archiveEntriesDestroyed: number;
}
