import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class ImportAddressExclusionsDto {
  @ApiProperty({
    maxLength: 100000,
    description:
      'The CSV file as text: a header naming reden and bag_id, or postcode and huisnummer (or all four, each row filling one kind); ' +
      'comma or semicolon separated. At most 1000 addresses.',
    example: 'postcode;huisnummer;reden\n5914 SK;3;Zorginstelling (Wet BRP 2.40)',
  })
  @IsString()
  @MaxLength(100000)
  csv: string;

  @ApiPropertyOptional({ default: false, description: 'Only check the rows; nothing is stored.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** Adds the addresses of a CSV file to the college's register in one transaction: every good row. */
export class ImportAddressExclusionsCommand {
  constructor(
    readonly principal: Principal,
    readonly input: ImportAddressExclusionsDto,
  ) {}
}

export class ExclusionRowProblem {
  @ApiProperty({ enum: ['bagId', 'postcode', 'houseNumber', 'reason'] }) field: string;
  @ApiProperty({ enum: ['INVALID', 'DUPLICATE_IN_FILE'] }) code: 'INVALID' | 'DUPLICATE_IN_FILE';
  @ApiProperty() reason: string;
}

export class ExclusionRowResult {
  @ApiProperty({ description: 'Line in the file (the header is line 1)' }) line: number;
  @ApiProperty({
    enum: ['imported', 'accepted', 'already_excluded', 'refused'],
    description:
      'accepted: would be imported (dry run); already_excluded: the register holds it already (nothing changes)',
  })
  status: 'imported' | 'accepted' | 'already_excluded' | 'refused';
  @ApiProperty() bagId: string;
  @ApiProperty() postcode: string;
  @ApiProperty() houseNumber: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [ExclusionRowProblem] }) problems: ExclusionRowProblem[];
}

export class AddressExclusionImportView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Addresses in the file' }) rows: number;
  @ApiProperty() imported: number;
  @ApiProperty() alreadyExcluded: number;
  @ApiProperty() refused: number;
  @ApiProperty({ type: [ExclusionRowResult] }) results: ExclusionRowResult[];
}
