import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { todayInAmsterdam } from '@vir/common';
import { REGISTRATION_STATUSES, REMOVAL_REASONS, VERIFICATION_STATES } from './entities/registration.entity';
import type {
  RegistrationEntity,
  RegistrationStatus,
  RemovalReason,
  VerificationState,
} from './entities/registration.entity';
import { DEFERRAL_GROUNDS, informationStatus } from './information-task';
import type { DeferralGround, InformationStatus, InformTarget } from './information-task';

const INFORM = ['legal_representative', 'youth_and_legal_representative', 'youth'];

/** The registration's information task (Jw 7.1.5.1(1), AVG 14). */
export class InformationTaskView {
  @ApiProperty({ enum: INFORM, description: 'Whom to inform, by the age on the day of registering' })
  inform: InformTarget;
  @ApiProperty({
    enum: ['open', 'overdue', 'informed', 'deferred', 'recheck_due'],
    description: 'deferred: postponed on an AVG 14(5) ground until recheckOn; recheck_due: that day has come',
  })
  status: InformationStatus;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) informedOn: string | null;
  @ApiPropertyOptional({ nullable: true, enum: DEFERRAL_GROUNDS }) deferralGround: DeferralGround | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) recheckOn: string | null;
}

type TaskColumns = Pick<
  RegistrationEntity,
  'informTarget' | 'informDueOn' | 'informedOn' | 'informDeferralGround' | 'informRecheckOn'
>;

export function informationTaskOf(r: TaskColumns, today: string): InformationTaskView | null {
  if (!r.informTarget || !r.informDueOn) return null;
  return {
    inform: r.informTarget,
    status: informationStatus({ dueOn: r.informDueOn, informedOn: r.informedOn, recheckOn: r.informRecheckOn }, today),
    dueOn: r.informDueOn,
    informedOn: r.informedOn,
    deferralGround: r.informDeferralGround,
    recheckOn: r.informRecheckOn,
  };
}

export class RegistrationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date', example: '2028-11-28' }) plannedRemovalDate: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) removedAt: string | null;
  @ApiPropertyOptional({ nullable: true, enum: REMOVAL_REASONS }) removalReason: RemovalReason | null;
  @ApiProperty({
    enum: VERIFICATION_STATES,
    description:
      'verified: the BRP confirmed the youth (exists, alive, under 23, the birth date agrees); ' +
      'awaiting_verification: the BRP did not answer, the registration is kept and takes part in matching once the BRP confirms it ' +
      '(if the BRP then does not, it ends with removalReason `unverified` and you get a signal of kind `unverified`); ' +
      'not_checked: a youth without a BSN, or no BRP connected to this deployment.',
  })
  verification: VerificationState;
  @ApiPropertyOptional({
    nullable: true,
    type: InformationTaskView,
    description: 'null for a registration made before information tasks existed',
  })
  informationTask: InformationTaskView | null;

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
      | 'verification'
    > &
      TaskColumns,
    today = todayInAmsterdam(new Date()),
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
      verification: r.verification,
      informationTask: informationTaskOf(r, today),
    };
  }
}

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
