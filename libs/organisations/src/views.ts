import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCOPES } from '@vir/auth';
import type { Scope } from '@vir/auth';
import type { CredentialEntity } from './entities/credential.entity';
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from './entities/organisation.entity';
import type { OrganisationEntity, OrganisationKind, OrganisationStatus } from './entities/organisation.entity';
import { PROFESSIONAL_ROLES } from './entities/professional.entity';

export const ORGANISATION_WARNINGS = ['NO_FOLLOW_UP_OFFICER'] as const;
export type OrganisationWarning = (typeof ORGANISATION_WARNINGS)[number];
import type { ProfessionalEntity, ProfessionalRole } from './entities/professional.entity';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty({ example: '0983' }) municipalityCode: string;
  @ApiProperty() agreementReference: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) agreementSignedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'null: an indefinite term' })
  agreementEndsOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' }) breachNotificationEmail: string | null;
  @ApiProperty({ enum: ORGANISATION_STATUSES }) status: OrganisationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) disconnectedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Where signals are announced as CloudEvents' })
  webhookUrl: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Municipality only: working days before a reminder (default 5)',
  })
  followUpReminderWorkingDays: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Municipality only: working days before escalation (default 10)',
  })
  followUpEscalationWorkingDays: number | null;
  @ApiProperty({
    type: String,
    format: 'date',
    isArray: true,
    description:
      "Municipality only: the college's own closing days (ascending), which follow-up deadlines skip besides weekends and public holidays",
  })
  followUpClosingDays: string[];
  @ApiProperty({
    description:
      'Whether its professionals may use the BSN (Jw 7.1.4.2(3), by BJw category); false: they register a youth by surname and birth date, the index finds the BSN in the BRP and never shows it',
  })
  usesBsn: boolean;
  @ApiProperty({
    description:
      'Municipality only: whether the college signals youths with registrations living at the same residential address in the BRP (Jw 7.1.2.3(1)(d)), never at an address of its register of excluded addresses; off by default',
  })
  addressMatch: boolean;
  @ApiProperty({
    enum: ORGANISATION_WARNINGS,
    isArray: true,
    description:
      'What needs the administrator: NO_FOLLOW_UP_OFFICER (a gemeente whose college has no active follow-up officer: its matches get no ' +
      'gemeente copy until one is designated, who then receives the missed copies).',
  })
  warnings: OrganisationWarning[];

  static of(o: OrganisationEntity, warnings: OrganisationWarning[] = []): OrganisationView {
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      municipalityCode: o.municipalityCode,
      agreementReference: o.agreementReference,
      agreementSignedOn: o.agreementSignedOn ?? null,
      agreementEndsOn: o.agreementEndsOn ?? null,
      breachNotificationEmail: o.breachNotificationEmail,
      status: o.status,
      createdAt: o.createdAt.toISOString(),
      disconnectedAt: o.disconnectedAt?.toISOString() ?? null,
      webhookUrl: o.webhookUrl ?? null,
      followUpReminderWorkingDays: o.followUpReminderDays ?? null,
      followUpEscalationWorkingDays: o.followUpEscalationDays ?? null,
      followUpClosingDays: o.followUpClosingDays ?? [],
      usesBsn: o.usesBsn ?? true,
      addressMatch: o.addressMatch ?? false,
      warnings,
    };
  }
}

export class ProfessionalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
  @ApiProperty({ enum: PROFESSIONAL_ROLES }) role: ProfessionalRole;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deactivatedAt: string | null;
  @ApiProperty({
    format: 'date-time',
    description: 'When the contact details were last changed or confirmed (POST …/contact-confirmation)',
  })
  contactConfirmedAt: string;

  static of(p: ProfessionalEntity): ProfessionalView {
    return {
      id: p.id,
      organisationId: p.organisationId,
      name: p.name,
      email: p.email,
      phone: p.phone,
      role: p.role,
      active: p.active,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      deactivatedAt: p.deactivatedAt?.toISOString() ?? null,
      contactConfirmedAt: (p.contactConfirmedAt ?? p.updatedAt).toISOString(),
    };
  }
}

export class StandInPersonView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() phone: string;
}

/** A stand-in (vervanger): for the period, the person's signals also go to the colleague, who may act on the person's matches. */
export class StandInView {
  @ApiProperty({ format: 'uuid', description: 'The person who is away' }) professionalId: string;
  @ApiProperty({ type: StandInPersonView }) standIn: StandInPersonView;
  @ApiProperty({ format: 'date', description: 'First day' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day' }) until: string;
  @ApiProperty({ description: 'The period includes today and the stand-in is active' }) active: boolean;
}

export class CredentialView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: Scope[];
  @ApiPropertyOptional({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) revokedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) lastUsedAt: string | null;

  static of(c: CredentialEntity): CredentialView {
    return {
      id: c.id,
      organisationId: c.organisationId,
      scopes: c.scopes,
      label: c.label,
      createdAt: c.createdAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class IssuedCredentialView extends CredentialView {
  @ApiProperty({ description: 'The bearer secret. Shown only in this response; store it in the case system now.' })
  secret: string;
}

export class OrganisationPage {
  @ApiProperty({ type: [OrganisationView] }) items: OrganisationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
export class ProfessionalPage {
  @ApiProperty({ type: [ProfessionalView] }) items: ProfessionalView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
export class CredentialPage {
  @ApiProperty({ type: [CredentialView] }) items: CredentialView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
