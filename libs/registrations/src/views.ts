import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRATION_STATUSES, REMOVAL_REASONS } from './entities/registration.entity';
import type { RegistrationEntity, RegistrationStatus, RemovalReason } from './entities/registration.entity';
import type { InformTarget } from './registration-rules';

export class RegistrationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date', example: '2028-11-28' }) plannedRemovalDate: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) removedAt: string | null;
  @ApiPropertyOptional({ nullable: true, enum: REMOVAL_REASONS }) removalReason: RemovalReason | null;

  static of(
    r: Pick<
      RegistrationEntity,
      | 'id'
      | 'professionalId'
      | 'organisationId'
      | 'createdAt'
      | 'plannedRemovalDate'
      | 'status'
      | 'removedAt'
      | 'removalReason'
    >,
  ): RegistrationView {
    return {
      id: r.id,
      professionalId: r.professionalId,
      organisationId: r.organisationId,
      createdAt: r.createdAt.toISOString(),
      plannedRemovalDate: r.plannedRemovalDate,
      status: r.status,
      removedAt: r.removedAt?.toISOString() ?? null,
      removalReason: r.removalReason,
    };
  }
}

const INFORM = ['legal_representative', 'youth_and_legal_representative', 'youth'];

/** The answer to a registration: identical whether or not anyone else registered this youth. */
export class RegistrationReceiptView extends RegistrationView {
  @ApiProperty({
    enum: INFORM,
    description:
      'Whom the professional must inform of this registration (Jw 7.1.5.1): the legal representative (under 12), ' +
      'the youth and the legal representative (12–15), or the youth (16 and older).',
  })
  inform: InformTarget;
}

export class RegistrationPage {
  @ApiProperty({ type: [RegistrationView] }) items: RegistrationView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}
