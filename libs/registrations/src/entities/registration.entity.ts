import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeferralGround, InformTarget } from '../information-task';

export const REGISTRATION_STATUSES = ['active', 'withdrawn', 'expired', 'removed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Why a registration ended (Jw 7.1.4.5, AVG 16/17/21) or the organisation's connection ended. */
export const REMOVAL_REASONS = [
  'risk_gone',
  'unjustified',
  'expired',
  'age_23',
  'deceased',
  'erasure',
  'objection',
  'organisation_disconnected',
  'unverified',
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** Only these go to the historical archive (Jw 7.1.4.6(1)); every other removal leaves nothing of the youth. */
export const ARCHIVED_REASONS: readonly RemovalReason[] = ['risk_gone', 'expired'];

export function statusAfter(reason: RemovalReason): Exclude<RegistrationStatus, 'active'> {
  if (reason === 'risk_gone' || reason === 'unjustified') return 'withdrawn';
  return reason === 'expired' ? 'expired' : 'removed';
}

/**
 * Whether the BRP confirmed the youth: `verified` (exists, alive, under 23, the birth date agrees),
 * `awaiting_verification` (the BRP did not answer; accepted, kept out of matching until it does) or
 * `not_checked` (a verwijsindexservicenummer, or no BRP connected to this deployment).
 */
export const VERIFICATION_STATES = ['verified', 'awaiting_verification', 'not_checked'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

@Entity('registrations')
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Keyed hash of the BSN or verwijsindexservicenummer; erased when the registration ends. */
  @Column({ name: 'youth_key', type: 'bytea', nullable: true, select: false })
  youthKey: Buffer | null;

  @Column({ name: 'key_version', type: 'smallint', nullable: true, select: false })
  keyVersion: number | null;

  @Column({ name: 'professional_id', type: 'uuid' })
  professionalId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'planned_removal_date', type: 'date' })
  plannedRemovalDate: string;

  @Column({ name: 'age_limit_date', type: 'date', nullable: true, select: false })
  ageLimitDate: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ type: 'varchar', length: 24 })
  verification: VerificationState;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removal_reason', type: 'varchar', length: 32, nullable: true })
  removalReason: RemovalReason | null;

  /** The information task (Jw 7.1.5.1(1)); null for a registration made before tasks existed. */
  @Column({ name: 'inform_target', type: 'varchar', length: 40, nullable: true })
  informTarget: InformTarget | null;

  @Column({ name: 'inform_due_on', type: 'date', nullable: true })
  informDueOn: string | null;

  @Column({ name: 'informed_on', type: 'date', nullable: true })
  informedOn: string | null;

  @Column({ name: 'inform_deferral_ground', type: 'varchar', length: 40, nullable: true })
  informDeferralGround: DeferralGround | null;

  @Column({ name: 'inform_recheck_on', type: 'date', nullable: true })
  informRecheckOn: string | null;
}
