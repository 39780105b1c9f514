import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank } from '@vir/common';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class FirstAdministratorDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'beheerder.beesel@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 100, example: 'Anne de Vries' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;
}

export class ConnectCollegeDto {
  @ApiProperty({ description: 'CBS municipality code (gemeentecode), four digits', example: '0889' })
  @Matches(/^\d{4}$/, { message: 'municipalityCode must be the four-digit CBS code of the gemeente, e.g. 0889' })
  municipalityCode: string;

  @ApiProperty({ maxLength: 100, example: 'Gemeente Beesel' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: FirstAdministratorDto, description: 'Receives a one-time invitation by e-mail' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FirstAdministratorDto)
  administrator: FirstAdministratorDto;
}
