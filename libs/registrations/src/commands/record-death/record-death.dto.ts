import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { YouthDto } from '../register-youth/register-youth.dto';

export class RecordDeathDto {
  @ApiProperty({ type: YouthDto, description: 'The youth as in a registration: bsn and birthDate, or surname, birthDate and sex' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => YouthDto)
  youth: YouthDto;
}

export class DeathRecordedView {
  @ApiProperty({ description: 'Active registrations removed (reason deceased, nothing archived)' }) registrationsRemoved: number;
  @ApiProperty({ description: 'Archive entries destroyed' }) archiveEntriesDestroyed: number;
}
