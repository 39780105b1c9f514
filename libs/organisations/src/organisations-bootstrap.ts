import { createHmac } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Scope } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Actor, systemActor } from '@vir/common';
import { AppConfig } from '@vir/config';
import { DataSource, EntityManager } from 'typeorm';
import { CredentialService } from './credential.service';
import {
  BEESEL,
  COVENANT_REFERENCE,
  DemoCollege,
  demoMailbox,
  slug,
  VENLO_COVENANT_PARTIES,
} from './demo/venlo-covenant';
import { OrganisationEntity, OrganisationKind } from './entities/organisation.entity';
import { ProfessionalEntity, ProfessionalRole } from './entities/professional.entity';
import { collegeExists } from './organisation-errors';

export interface DemoCredential {
  organisation: string;
  organisationId: string;
  /** The organisation's demo meldingsbevoegde, for a first registration. */
  professionalId: string;
  scopes: Scope[];
  secret: string;
}

export interface DemoSummary {
  organisations: number;
  skipped: { name: string; why: string }[];
  credentials: DemoCredential[];
  /** The demo people who get a personal login (`npm start` invites them and writes .data/dev/demo-logins.json). */
  people: { personId: string; email: string; role: ProfessionalRole; organisation: string; municipalityCode: string }[];
}

/** The demo organisation whose people log in through its own identity provider (npm start's demo provider). */
export const DEMO_SSO_ORGANISATION = 'Veilig Thuis Noord- en Midden-Limburg';

/** Organisations whose demo people log in to the portal: professionals of two organisations, a coordinator. */
const DEMO_LOGIN_PARTIES = [
  'Basisschool Sint Martinus',
  'GGD Limburg-Noord',
  'Basisschool De Wegwijzer Reuver',
  DEMO_SSO_ORGANISATION,
];

const DEMO_PHONE = '+31 77 000 0000';

/** Start-up data: the bootstrap administrator, and (outside production) the Venlo demo. Safe to run any number of times. */
@Injectable()
export class OrganisationsBootstrap {
  private readonly logger = new Logger(OrganisationsBootstrap.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: CredentialService,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /** Makes sure a credential with exactly VIR_BOOTSTRAP_ADMIN_KEY administers the operating college. */
  async ensureBootstrapAdministrator(
    actor: Actor = systemActor(undefined, this.config.VIR_MUNICIPALITY_CODE),
  ): Promise<boolean> {
    const key = this.config.VIR_BOOTSTRAP_ADMIN_KEY;
    if (!key) return false;
    await this.dataSource.transaction(async (manager) => {
      const gemeente = await this.ensureOrganisation(
        manager,
        this.config.VIR_MUNICIPALITY_NAME,
        'municipality',
        null,
        actor,
      );
      // The installation's own key: the operator's (connects colleges), and it administers and reads
      // the whole log of the operating college until that has its administrators and privacy officer.
      const issued = await this.credentials.issue(manager, gemeente, ['admin', 'audit', 'operator'], actor, {
        secret: key,
        label: 'bootstrap administrator',
      });
      if (issued) this.logger.log('bootstrap administrator credential created');
    });
    return true;
  }

  /**
   * A person with the administrator role in a college's own municipality organisation (made when the
   * college is new; the operating college by default), for the first person who logs in to a fresh
   * install or a newly connected college (the CLI then prints their invitation link). Idempotent by e-mail.
   */
  async ensureAdministratorPerson(
    email: string,
    name: string,
    college: { code: string; name: string } = {
      code: this.config.VIR_MUNICIPALITY_CODE,
      name: this.config.VIR_MUNICIPALITY_NAME,
    },
  ): Promise<string> {
    const actor = systemActor(undefined, college.code);
    return this.dataSource.transaction(async (manager) => {
      const gemeente = await this.ensureOrganisation(manager, college.name, 'municipality', null, actor, college.code);
      return this.ensurePerson(manager, gemeente, 'administrator', name, email, actor);
    });
  }

  /**
   * A new college of the region (the operator's step): its municipality organisation and its first
   * administrator, a person, in the caller's transaction. Refused when the college is connected already.
   */
  async connectCollege(
    manager: EntityManager,
    college: { code: string; name: string },
    administrator: { email: string; name: string },
    actor: Actor,
  ): Promise<{ organisationId: string; personId: string }> {
    const existing = await manager
      .getRepository(OrganisationEntity)
      .existsBy({ municipalityCode: college.code, kind: 'municipality' });
    if (existing) throw collegeExists();
    const gemeente = await this.ensureOrganisation(manager, college.name, 'municipality', null, actor, college.code);
    const personId = await this.ensurePerson(
      manager,
      gemeente,
      'administrator',
      administrator.name,
      administrator.email,
      actor,
    );
    return { organisationId: gemeente.id, personId };
  }

  /** Loads the demo region: the Venlo covenant parties and the neighbouring college Beesel, with demo people each. Refused in production. */
  async seedVenloDemo(actor: Actor = systemActor(undefined, this.config.VIR_MUNICIPALITY_CODE)): Promise<DemoSummary> {
    if (this.config.isProduction) throw new Error('Demo data is never loaded in production (NODE_ENV=production).');
    const summary: DemoSummary = { organisations: 0, skipped: [], credentials: [], people: [] };
    const colleges: DemoCollege[] = [
      {
        code: this.config.VIR_MUNICIPALITY_CODE,
        name: this.config.VIR_MUNICIPALITY_NAME,
        parties: VENLO_COVENANT_PARTIES,
      },
      BEESEL,
    ];
    await this.dataSource.transaction(async (manager) => {
      for (const college of colleges)
        await this.seedCollege(
          manager,
          college,
          summary,
          college.code === actor.municipalityCode ? actor : systemActor(undefined, college.code),
        );
    });
    return summary;
  }

  private async seedCollege(
    manager: EntityManager,
    college: DemoCollege,
    summary: DemoSummary,
    actor: Actor,
  ): Promise<void> {
    for (const party of college.parties) {
      if (!party.kind) {
        summary.skipped.push({ name: party.name, why: party.why ?? '' });
        continue;
      }
      const organisation = await this.ensureOrganisation(
        manager,
        party.name,
        party.kind,
        demoMailbox('datalek', party.name),
        actor,
        college.code,
      );
      summary.organisations += 1;
      const people: [ProfessionalRole, string][] = [
        ['coordinator', 'Contactpersoon'],
        ['professional', 'Meldingsbevoegde'],
        ...(party.kind === 'municipality'
          ? ([
              ['follow_up_officer', 'Regievoerder'],
              ['administrator', 'Beheerder'],
              ['privacy_officer', 'Privacyfunctionaris'],
            ] as [ProfessionalRole, string][])
          : []),
      ];
      const ids: Partial<Record<ProfessionalRole, string>> = {};
      for (const [role, title] of people) {
        const personId = await this.ensureDemoPerson(manager, organisation, role, `${title} ${party.name}`);
        ids[role] = personId;
        const logsIn =
          DEMO_LOGIN_PARTIES.includes(party.name) || (party.kind === 'municipality' && role !== 'professional');
        if (logsIn)
          summary.people.push({
            personId,
            email: demoMailbox(role.replace(/_/g, '-'), party.name),
            role,
            organisation: party.name,
            municipalityCode: college.code,
          });
      }

      const scopes: Scope[] =
        party.kind === 'municipality'
          ? ['registrations', 'signals', 'contact-details', 'follow-up']
          : ['registrations', 'signals', 'contact-details'];
      const secret = this.demoSecret(party.name);
      await this.credentials.issue(manager, organisation, scopes, actor, { secret, label: 'demo' });
      summary.credentials.push({
        organisation: party.name,
        organisationId: organisation.id,
        professionalId: ids.professional as string,
        scopes,
        secret,
      });
    }
  }

  /**
   * Demo secrets are derived from this install's pseudonym key (a random secret made at the first
   * `npm start`) and the organisation name: every start can print them again, and nobody without
   * the key can compute them.
   */
  private demoSecret(name: string): string {
    const tag = createHmac('sha256', this.config.VIR_PSEUDONYM_KEY)
      .update(`demo-credential|${name}`)
      .digest('base64url')
      .slice(0, 24);
    return `demo-${slug(name)}-${tag}`;
  }

  private async ensureOrganisation(
    manager: EntityManager,
    name: string,
    kind: OrganisationKind,
    breachNotificationEmail: string | null,
    actor: Actor,
    code = this.config.VIR_MUNICIPALITY_CODE,
  ): Promise<OrganisationEntity> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO organisations (name, kind, municipality_code, agreement_reference, breach_notification_email)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_code, lower(name)) DO NOTHING RETURNING id`,
      [
        name,
        kind,
        code,
        kind === 'municipality' ? 'college van B&W (eigen organisatie)' : COVENANT_REFERENCE,
        breachNotificationEmail,
      ],
    );
    if (inserted[0]) {
      await this.audit.record(manager, {
        action: 'organisation.connected',
        objectType: 'organisation',
        objectId: inserted[0].id,
        actor,
        details: { kind, municipalityCode: code, source: 'bootstrap' },
      });
    }
    return manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.municipality_code = :code AND lower(o.name) = lower(:name)', { code, name })
      .getOneOrFail();
  }

  private async ensurePerson(
    manager: EntityManager,
    organisation: OrganisationEntity,
    role: ProfessionalRole,
    name: string,
    email: string,
    actor: Actor,
  ): Promise<string> {
    const repository = manager.getRepository(ProfessionalEntity);
    const existing = await repository
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisation AND lower(p.email) = lower(:email) AND p.role = :role AND p.active', {
        organisation: organisation.id,
        email,
        role,
      })
      .getOne();
    if (existing) return existing.id;
    const inserted = await repository.insert({
      organisationId: organisation.id,
      name,
      email,
      phone: '',
      role,
      active: true,
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    await this.audit.record(manager, {
      action: 'professional.designated',
      objectType: 'professional',
      objectId: id,
      actor,
      details: { role, source: 'cli' },
    });
    return id;
  }

  private async ensureDemoPerson(
    manager: EntityManager,
    organisation: OrganisationEntity,
    role: ProfessionalRole,
    name: string,
  ): Promise<string> {
    const repository = manager.getRepository(ProfessionalEntity);
    const existing = await repository.findOneBy({ organisationId: organisation.id, role, name });
    if (existing) return existing.id;
    const mailbox = role.replace(/_/g, '-');
    const inserted = await repository.insert({
      organisationId: organisation.id,
      name,
      email: demoMailbox(mailbox, organisation.name),
      phone: DEMO_PHONE,
      role,
      active: true,
    });
    return (inserted.identifiers[0] as { id: string }).id;
  }
}
