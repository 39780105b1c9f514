import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';

const pad = (n: number) => String(n).padStart(2, '0');

/** node-postgres reads a date[] as Dates at local midnight; the domain speaks YYYY-MM-DD. */
const calendarDates: ValueTransformer = {
  to: (days: string[] | undefined) => days,
  from: (days: (Date | string)[] | null) =>
    (days ?? []).map((d) =>
      typeof d === 'string' ? d : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    ),
};

/** Categories of Besluit Jeugdwet 7.1.1–7.1.7, plus the gemeente itself. */
export const ORGANISATION_KINDS = [
  'youth_care',
  'youth_health_care',
  'health_care',
  'education',
  'social_support',
  'work_and_income',
  'police_and_justice',
  'municipality',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_STATUSES = ['connected', 'disconnected'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** An instantie connected to the index through a written agreement with a college (Jw 7.1.3.1). */
@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrganisationKind;

  /** CBS code of the college the agreement is with; that college is the controller (Jw 7.1.2.2(3)). */
  @Column({ name: 'municipality_code', type: 'char', length: 4 })
  municipalityCode: string;

  @Column({ name: 'agreement_reference', type: 'varchar', length: 200 })
  agreementReference: string;

  /** When the agreement was signed, and when it ends (no end: for an indefinite term). */
  @Column({ name: 'agreement_signed_on', type: 'date', nullable: true })
  agreementSignedOn: string | null;

  @Column({ name: 'agreement_ends_on', type: 'date', nullable: true })
  agreementEndsOn: string | null;

  @Column({ name: 'breach_notification_email', type: 'varchar', length: 254, nullable: true })
  breachNotificationEmail: string | null;

  @Column({ type: 'varchar', length: 16, default: 'connected' })
  status: OrganisationStatus;

  @Column({ name: 'webhook_url', type: 'varchar', length: 2000, nullable: true })
  webhookUrl: string | null;

  /** Used to sign webhook calls; never returned by the API. */
  @Column({ name: 'webhook_secret', type: 'varchar', length: 200, nullable: true, select: false })
  webhookSecret: string | null;

  @Column({ name: 'follow_up_reminder_days', type: 'smallint', nullable: true })
  followUpReminderDays: number | null;

  @Column({ name: 'follow_up_escalation_days', type: 'smallint', nullable: true })
  followUpEscalationDays: number | null;

  /** The college's own closing days (YYYY-MM-DD, ascending), skipped by follow-up deadlines. */
  @Column({
    name: 'follow_up_closing_days',
    type: 'date',
    array: true,
    default: () => "'{}'",
    transformer: calendarDates,
  })
  followUpClosingDays: string[];

  /** Whether its professionals may use the BSN (Jw 7.1.4.2(3)); without, they register by name and birth date. */
  @Column({ name: 'uses_bsn', type: 'boolean', default: true })
  usesBsn: boolean;

  /** Municipality only: whether the college matches youths at one residential address (Jw 7.1.2.3(1)(d)). */
  @Column({ name: 'address_match', type: 'boolean', default: false })
  addressMatch: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disconnected_at', type: 'timestamptz', nullable: true })
  disconnectedAt: Date | null;
}
