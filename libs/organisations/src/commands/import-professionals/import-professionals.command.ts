import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROFESSIONAL_ROLES } from '../../entities/professional.entity';

export class ImportProfessionalsDto {
  @ApiProperty({
    maxLength: 60000,
    description:
      'The CSV file as text: a header naming naam, e-mail, telefoon and rol (or name, email, phone, role), comma or semicolon separated; ' +
      'rol is meldingsbevoegde, contactpersoon, regievoerder or the API role. At most 500 people.',
    example: 'naam;e-mail;telefoon;rol\nA. de Vries;a.devries@example.org;077 123 4567;meldingsbevoegde',
  })
  @IsString()
  @MaxLength(60000)
  csv: string;

  @ApiPropertyOptional({ default: false, description: 'Only check the rows; nothing is stored.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/** Designates the people of a CSV file in one transaction: every good row, or (on a failure) none. */
export class ImportProfessionalsCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
    readonly input: ImportProfessionalsDto,
  ) {}
}

export const ROW_PROBLEMS = ['INVALID', 'DUPLICATE_IN_FILE', 'ALREADY_DESIGNATED', 'ROLE_NOT_ALLOWED'] as const;
export type RowProblemCode = (typeof ROW_PROBLEMS)[number];

export class ImportRowProblem {
  @ApiProperty({ enum: ['name', 'email', 'phone', 'role'] }) field: 'name' | 'email' | 'phone' | 'role';
  @ApiProperty({ enum: ROW_PROBLEMS }) code: RowProblemCode;
  @ApiProperty() reason: string;
}

export class ImportRowResult {
  @ApiProperty({ description: 'Line in the file (the header is line 1)' }) line: number;
  @ApiProperty({
    enum: ['imported', 'accepted', 'refused'],
    description: 'accepted: would be imported (dry run)',
  })
  status: 'imported' | 'accepted' | 'refused';
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() phone: string;
  @ApiProperty({ description: `One of ${PROFESSIONAL_ROLES.join(', ')}, or the text as written when refused` })
  role: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) professionalId: string | null;
  @ApiProperty({ type: [ImportRowProblem] }) problems: ImportRowProblem[];
}

export class ProfessionalImportView {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'People in the file' }) rows: number;
  @ApiProperty() imported: number;
  @ApiProperty() refused: number;
  @ApiProperty({ type: [ImportRowResult] }) results: ImportRowResult[];
}
