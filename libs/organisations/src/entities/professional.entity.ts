import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * professional: meldingsbevoegde (Jw 7.1.1.2); coordinator: contactpersoon verwijsindex (Jw 7.1.3.3);
 * follow_up_officer: the college's regievoerder (Jw 7.1.3.2), only in a municipality organisation;
 * administrator (connects organisations, never sees registrations or signals) and privacy_officer
 * (subject requests, incidents, the college's audit log): the college's staff, only there too.
 */
export const PROFESSIONAL_ROLES = [
  'professional',
  'coordinator',
  'follow_up_officer',
  'administrator',
  'privacy_officer',
] as const;
export type ProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];
export const COLLEGE_ROLES: readonly ProfessionalRole[] = ['administrator', 'privacy_officer'];

@Entity('professionals')
export class ProfessionalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @Column({ type: 'varchar', length: 24 })
  role: ProfessionalRole;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Last time the contact details were changed or confirmed as right (the database's default on insert). */
  @Column({ name: 'contact_confirmed_at', type: 'timestamptz' })
  contactConfirmedAt: Date;
}
