import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf, ownProfessional } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { BrpError, BrpPersonen } from '@vir/brp';
import { Clock, RuleViolationError, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { rows, runPrepared, sql, type Sql } from '@vir/database';
import { eligibleRegistrant, registrantStanding, usesBsn } from '@vir/organisations';
import { surnameProblem, youthIdentifier, YouthKeyService } from '@vir/pseudonymisation';
import type { YouthIdentifier } from '@vir/pseudonymisation';
import type { VerificationState } from '../../entities/registration.entity';
import { outboxInsert, type OutboxTopic } from '@vir/queue';
import { DataSource } from 'typeorm';
import { brpUnavailableForSearch, invalidYouth, ruleViolation } from '../../registration-errors';
import { brpVerdict, informTarget, planRemoval } from '../../registration-rules';
import { YOUTH_KEY_HOLDERS, YouthKeyHolder } from '../../registration-references';
import { informationTaskOf, RegistrationReceiptView } from '../../views';
import { newInformationTask } from '../../information-task';
import type { DeferralGround, InformTarget } from '../../information-task';
import { RegisterYouthCommand } from './register-youth.command';
import type { RegistrationYouthDto } from './register-youth.dto';
import { addressInsert, rekeyAddress, youthAddress } from '../../registration-addresses';
import type { AddressKeys, YouthAddress } from '../../registration-addresses';

export interface RegistrationResult {
  created: boolean;
  view: RegistrationReceiptView;
}

interface Row {
  id: string;
  verification: VerificationState;
  professional_id: string;
  organisation_id: string;
  created_at: Date;
  planned_removal_date: string;
  inform_target: InformTarget | null;
  inform_due_on: string | null;
  informed_on: string | null;
  inform_deferral_ground: DeferralGround | null;
  inform_recheck_on: string | null;
}

/** What the BRP said of the youth: the verification state and, when verified, the parents it registers. */
interface Verified {
  verification: VerificationState;
  parentBsns: string[];
  municipalityCode: string | null;
  /** The residential address (for the address match), when the BRP knows one. */
  address: YouthAddress | null;
}
const NOT_CHECKED: Verified = { verification: 'not_checked', parentBsns: [], municipalityCode: null, address: null };

const RETURNED = sql.raw(
  'id, verification, professional_id, organisation_id, created_at, planned_removal_date::text, inform_target, inform_due_on::text, informed_on::text, inform_deferral_ground, inform_recheck_on::text',
);

/**
 * One statement, one round trip: the eligibility check (the organisations' rule), the registration,
 * its outbox event and its audit entry are a single atomic INSERT chain. When nothing is inserted, a
 * second query tells why: the professional may not register, or this professional already has an
 * active registration of this youth (then that one is the answer, and no new match event is raised).
 */
function registerStatement(r: {
  professionalId: string;
  organisationId: string;
  key: Buffer;
  version: number;
  now: Date;
  plannedRemovalDate: string;
  ageLimitDate: string;
  task: { target: InformTarget; dueOn: string; informedOn: string | null };
  verification: VerificationState;
  /** While awaiting verification: the BSN sealed, kept until the BRP answers. */
  awaiting: { sealed: Buffer; version: number; birthDate: string } | null;
  /** The keys of the youth's parents in the BRP (verified registrations only; for the family match). */
  parentKeys: Buffer[];
  /** The youth's residential address as keys (verified registrations only; for the address match). */
  address: (AddressKeys & YouthAddress) | null;
  /** A verified youth is followed in the BRP (moves, death): its BSN sealed, its municipality. */
  follow: { sealed: Buffer; version: number; municipalityCode: string | null } | null;
  /** The reporter gave the BSN (not found by the index): the organisation must be allowed to use it. */
  byBsn: boolean;
  correlationId: string | null;
  audit: (from: Sql) => Sql;
}): Sql {
  // A registration awaiting verification is not announced to matching: the verifier does that once the BRP confirms it.
  const next = r.awaiting
    ? sql`held AS (
    INSERT INTO registration_verifications (registration_id, bsn_sealed, seal_version, birth_date)
    SELECT c.id, ${r.awaiting.sealed}, ${r.awaiting.version}, ${r.awaiting.birthDate}::date FROM created c RETURNING 1
  )`
    : sql`announced AS (
    ${outboxInsert(sql`SELECT ${'registration.created' satisfies OutboxTopic}, jsonb_build_object('registrationId', c.id), ${r.correlationId}::text FROM created c`)}
  )`;
  return sql`
  WITH eligible AS (
    SELECT * FROM (${eligibleRegistrant(r.professionalId, r.organisationId)}) e
     WHERE NOT ${r.byBsn}::boolean OR ${usesBsn(r.organisationId)}
  ), created AS (
    INSERT INTO registrations (youth_key, key_version, professional_id, organisation_id, created_at, planned_removal_date, age_limit_date,
                               inform_target, inform_due_on, informed_on, verification)
    SELECT ${r.key}, ${r.version}, e.id, e.organisation_id, ${r.now}, ${r.plannedRemovalDate}, ${r.ageLimitDate},
           ${r.task.target}, ${r.task.dueOn}::date, ${r.task.informedOn}::date, ${r.verification} FROM eligible e
    ON CONFLICT (youth_key, professional_id) WHERE status = 'active' DO NOTHING
    RETURNING ${RETURNED}
  ), ${next}, parented AS (
    INSERT INTO registration_parents (registration_id, parent_key, key_version)
    SELECT c.id, k, ${r.version} FROM created c CROSS JOIN unnest(${r.parentKeys}::bytea[]) AS k RETURNING 1
  ), addressed AS (
    ${addressInsert(sql`created`, r.address, r.version, r.follow?.municipalityCode ?? null)}
  ), followed AS (
    INSERT INTO followed_youths (youth_key, key_version, bsn_sealed, seal_version, municipality_code)
    SELECT ${r.key}, ${r.version}, ${r.follow?.sealed ?? Buffer.alloc(0)}, ${r.follow?.version ?? 0}, ${r.follow?.municipalityCode ?? null}::char(4)
      FROM created c WHERE ${r.follow !== null}::boolean
    ON CONFLICT (youth_key) DO UPDATE SET ending = false
    RETURNING 1
  ), audited AS (${r.audit(sql`(SELECT id AS object_id FROM created)`)})
  SELECT * FROM created`;
}

/**
 * Key rotation: the youth's rows stored under an earlier key version move to the current one —
 * registrations and archive entries here, and the rows other contexts keep under the youth key
 * (`holders`, their owners' statements).
 */
function rekeyStatement(
  key: Buffer,
  version: number,
  previous: Buffer[],
  holders: YouthKeyHolder[],
  parents: { key: Buffer; previous: Buffer[] }[],
  address: Sql | null,
): Sql {
  const newKey = sql`${key}::bytea`;
  const oldKeys = sql`${previous}::bytea[]`;
  // A parent's rows (every child's, not only this youth's) and family matches move with the parent's key.
  const parentSteps = parents.flatMap((parent, p) => {
    const newParent = sql`${parent.key}::bytea`;
    const oldParents = sql`${parent.previous}::bytea[]`;
    return [
      sql`, ${sql.raw(`parent_${p}`)} AS (
    UPDATE registration_parents SET parent_key = ${newParent}, key_version = ${version} WHERE parent_key = ANY(${oldParents}) RETURNING 1
  )`,
      ...holders.map((holder, i) => sql`, ${sql.raw(`parent_${p}_held_${i}`)} AS (${holder(newParent, oldParents)})`),
    ];
  });
  return sql`
  WITH registrations_rekeyed AS (
    UPDATE registrations SET youth_key = ${newKey}, key_version = ${version} WHERE youth_key = ANY(${oldKeys}) RETURNING 1
  ), archive_rekeyed AS (
    UPDATE archive_entries SET youth_key = ${newKey}, key_version = ${version} WHERE youth_key = ANY(${oldKeys}) RETURNING 1
  ), followed_rekeyed AS (
    UPDATE followed_youths SET youth_key = ${newKey}, key_version = ${version} WHERE youth_key = ANY(${oldKeys}) RETURNING 1
  )${address ? sql`, address_rekeyed AS (${address})` : sql``}${sql.join(
    holders.map((holder, i) => sql`, ${sql.raw(`held_${i}`)} AS (${holder(newKey, oldKeys)})`),
    '',
  )}${sql.join(parentSteps, '')}
  SELECT (SELECT count(*) FROM registrations_rekeyed)::int AS registrations`;
}

@CommandHandler(RegisterYouthCommand)
export class RegisterYouthHandler implements ICommandHandler<RegisterYouthCommand, RegistrationResult> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly youthKeys: YouthKeyService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly brp: BrpPersonen,
    @Inject(YOUTH_KEY_HOLDERS) private readonly youthKeyHolders: YouthKeyHolder[],
  ) {}

  async execute({ principal, input }: RegisterYouthCommand): Promise<RegistrationResult> {
    const own = ownProfessional(principal);
    if (own && input.professionalId !== own) throw ruleViolation('NOT_YOURSELF');
    const now = this.clock.now();
    const today = todayInAmsterdam(now);
    const byBsn = input.youth.bsn !== undefined;
    const identifier = await this.identify(input.youth, principal.organisationId);
    if (input.youth.birthDate > today) throw invalidYouth('youth.birthDate', 'birthDate must not be in the future');
    const plan = planRemoval({
      today,
      birthDate: input.youth.birthDate,
      requested: input.plannedRemovalDate,
      defaultMonths: this.config.VIR_DEFAULT_REGISTRATION_MONTHS,
    });
    if (!plan.ok) throw ruleViolation(plan.problem);
    const { verification, parentBsns, municipalityCode, address } =
      'bsn' in identifier ? await this.verify(identifier.bsn, input.youth.birthDate, today) : NOT_CHECKED;
    const { key, version } = this.youthKeys.derive(identifier);
    const inform = informTarget(input.youth.birthDate, today);
    const task = newInformationTask(inform, input.confirmations?.informed, today);

    const actor = actorOf(principal, input.professionalId);
    const register = registerStatement({
      professionalId: input.professionalId,
      organisationId: principal.organisationId,
      key,
      version,
      now,
      plannedRemovalDate: plan.plannedRemovalDate,
      ageLimitDate: plan.ageLimitDate,
      task,
      verification,
      awaiting:
        verification === 'awaiting_verification' && 'bsn' in identifier
          ? { ...this.youthKeys.sealBsn(identifier.bsn), birthDate: input.youth.birthDate }
          : null,
      parentKeys: this.youthKeys.parentKeys(parentBsns),
      address: address && { ...address, ...this.youthKeys.addressKeys(address) },
      byBsn,
      follow:
        verification === 'verified' && 'bsn' in identifier
          ? { ...this.youthKeys.sealBsn(identifier.bsn), municipalityCode }
          : null,
      correlationId: principal.correlationId ?? null,
      audit: (from) =>
        this.audit.cte(
          {
            action: 'registration.created',
            objectType: 'registration',
            actor,
            details: {
              verification,
              ...(input.confirmations && { legalGroundConfirmed: true, informed: input.confirmations.informed }),
            },
          },
          from,
        ),
    });
    const statement = verification === 'awaiting_verification' ? 'register-youth-awaiting' : 'register-youth';
    const previous = this.youthKeys.previousKeys(identifier);
    // One statement normally; during a key rotation the re-keying runs first, in the same transaction.
    const inserted: Row[] =
      previous.length === 0
        ? await runPrepared<Row>(this.dataSource, statement, register)
        : await this.dataSource.transaction(async (manager) => {
            await rows(
              manager,
              rekeyStatement(
                key,
                version,
                previous.map((p) => p.key),
                this.youthKeyHolders,
                parentBsns.map((bsn) => ({
                  key: this.youthKeys.parentKeys([bsn])[0],
                  previous: this.youthKeys.previousParentKeys(bsn),
                })),
                address && rekeyAddress(this.youthKeys, address, version),
              ),
            );
            return runPrepared<Row>(manager, statement, register);
          });
    if (inserted[0]) return { created: true, view: receipt(inserted[0], inform, today) };

    const [existing] = await rows<Row>(
      this.dataSource,
      sql`SELECT ${RETURNED}
            FROM registrations r
           WHERE r.youth_key = ${key} AND r.professional_id = ${input.professionalId}
             AND r.organisation_id = ${principal.organisationId} AND r.status = 'active'
             AND (NOT ${byBsn}::boolean OR ${usesBsn(principal.organisationId)})`,
    );
    if (existing) return { created: false, view: receipt(existing, inform, today) };
    throw await this.whyNot(input.professionalId, principal.organisationId, byBsn);
  }

  /**
   * How the youth is identified. A surname and birth date without sex, with a BRP connected, is a
   * search in the BRP for a professional who may not use the BSN (Jw 7.1.4.2(3)): exactly one living
   * person must fit, and the BSN found is used but never shown. A BSN given by an organisation that
   * may not use it is refused before the BRP is asked (the answer would tell whether it exists).
   */
  private async identify(youth: RegistrationYouthDto, organisationId: string): Promise<YouthIdentifier> {
    const search = youth.bsn === undefined && youth.surname !== undefined && youth.sex === undefined;
    if ((youth.postcode !== undefined || youth.houseNumber !== undefined || youth.prefix !== undefined) && !search)
      throw invalidYouth('youth', 'prefix, postcode and houseNumber are only for a search by surname and birth date');
    if ((youth.postcode === undefined) !== (youth.houseNumber === undefined))
      throw invalidYouth(
        youth.postcode === undefined ? 'youth.postcode' : 'youth.houseNumber',
        'give postcode and houseNumber together',
      );
    if (youth.bsn !== undefined && this.config.BRP_URL) {
      const [allowed] = await rows<{ ok: boolean }>(this.dataSource, sql`SELECT ${usesBsn(organisationId)} AS ok`);
      if (!allowed?.ok) throw ruleViolation('BSN_NOT_ALLOWED');
    }
    if (!search || !this.config.BRP_URL) return youthIdentifier(youth);
    const problem = surnameProblem(youth.surname as string);
    if (problem) throw new RuleViolationError('SURNAME_INVALID', 'Not a surname', problem, 'youth.surname');
    let found: string[];
    try {
      found = await this.brp.search({
        surname: youth.surname as string,
        birthDate: youth.birthDate,
        ...(youth.prefix !== undefined && { prefix: youth.prefix }),
        ...(youth.postcode !== undefined && { postcode: youth.postcode.replace(' ', '').toUpperCase() }),
        ...(youth.houseNumber !== undefined && { houseNumber: youth.houseNumber }),
      });
    } catch (error) {
      if (error instanceof BrpError) throw brpUnavailableForSearch();
      throw error;
    }
    if (found.length === 0) throw ruleViolation('YOUTH_NOT_FOUND');
    if (found.length > 1) throw ruleViolation('YOUTH_NOT_UNIQUE');
    return { bsn: found[0] };
  }

  /**
   * The BRP's verdict on the youth when a BRP is connected: a refusal (nothing stored), `verified`,
   * or — when the BRP does not answer, or answers what cannot be used — `awaiting_verification`.
   */
  private async verify(bsn: string, birthDate: string, today: string): Promise<Verified> {
    if (!this.config.BRP_URL) return NOT_CHECKED;
    let persons;
    try {
      persons = await this.brp.persons([bsn], ['verification', 'family', 'address', 'registration_municipality']);
    } catch (error) {
      if (error instanceof BrpError) return { ...NOT_CHECKED, verification: 'awaiting_verification' };
      throw error;
    }
    const verdict = brpVerdict(persons[0], birthDate, today);
    if (!verdict.ok) throw ruleViolation(verdict.problem);
    return {
      verification: 'verified',
      parentBsns: persons[0].parentBsns,
      municipalityCode: persons[0].municipalityCode,
      address: youthAddress(persons[0]),
    };
  }

  private async whyNot(professionalId: string, organisationId: string, byBsn: boolean): Promise<Error> {
    const standing = await registrantStanding(this.dataSource, professionalId, organisationId);
    if (standing === 'eligible' && byBsn) return ruleViolation('BSN_NOT_ALLOWED');
    if (standing === 'not-designated') return ruleViolation('NOT_A_DESIGNATED_PROFESSIONAL');
    if (standing === 'inactive') return ruleViolation('PROFESSIONAL_INACTIVE');
    if (standing === 'no-coordinator') return ruleViolation('ORGANISATION_WITHOUT_COORDINATOR');
    // Unknown, or eligible and not a duplicate yet nothing inserted: disconnected meanwhile.
    return ruleViolation('PROFESSIONAL_UNKNOWN');
  }
}

function receipt(row: Row, inform: RegistrationReceiptView['inform'], today: string): RegistrationReceiptView {
  return {
    id: row.id,
    professionalId: row.professional_id,
    organisationId: row.organisation_id,
    createdAt: new Date(row.created_at).toISOString(),
    plannedRemovalDate: row.planned_removal_date,
    status: 'active',
    verification: row.verification,
    removedAt: null,
    removalReason: null,
    informationTask: informationTaskOf(
      {
        informTarget: row.inform_target,
        informDueOn: row.inform_due_on,
        informedOn: row.informed_on,
        informDeferralGround: row.inform_deferral_ground,
        informRecheckOn: row.inform_recheck_on,
      },
      today,
    ),
    inform,
  };
}
