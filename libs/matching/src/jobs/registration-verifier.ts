import { Injectable, Logger } from '@nestjs/common';
import { BrpError, BrpPersonen } from '@vir/brp';
import { Clock, systemActor, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { Metrics } from '@vir/observability';
import { YouthKeyService } from '@vir/pseudonymisation';
import { ScheduledWorker } from '@vir/queue';
import {
  awaitingVerificationCount,
  brpVerdict,
  RegistrationRemoval,
  RegistrationVerifications,
  youthAddress,
} from '@vir/registrations';
import type { AwaitingVerification, ConfirmedYouth } from '@vir/registrations';
import { SignalWriter } from '@vir/signals';
import { rows } from '@vir/database';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';

/** Registrations taken up per sweep; the BRP is asked about them 20 at a time. */
const BATCH = 100;
/** How long a claimed registration is left to this worker before another may take it up. */
const LEASE_SECONDS = 300;

/**
 * Finishes what a BRP outage left open: every registration accepted as awaiting verification is put
 * to the BRP again. Confirmed ones enter matching (their `registration.created` event goes out now);
 * ones the BRP does not confirm (unknown, deceased, another birth date, 23 or older) end with reason
 * `unverified`, leaving nothing of the youth, and their registrant gets a signal of kind
 * `unverified`. While the BRP stays away they wait, each a little longer. Lives with matching
 * because it decides when a registration enters matching and signals the result.
 */
@Injectable()
export class RegistrationVerifier extends ScheduledWorker {
  readonly schedules = { 'registration-verify': () => this.sweep() };

  private readonly logger = new Logger(RegistrationVerifier.name);
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly verifications: RegistrationVerifications,
    private readonly removal: RegistrationRemoval,
    private readonly signals: SignalWriter,
    private readonly brp: BrpPersonen,
    private readonly youthKeys: YouthKeyService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    super();
    this.outcomes = metrics.counter(
      'vir_registration_verifications_total',
      'Registrations awaiting verification put to the BRP again, by outcome (verified, unverified, postponed)',
      ['outcome'],
    );
    metrics.gauge(
      'vir_registrations_awaiting_verification',
      'Registrations accepted while the BRP did not answer, still waiting for it',
      [],
      async (gauge) => {
        const [row] = await rows<{ awaiting: number }>(this.dataSource, awaitingVerificationCount());
        gauge.set(row?.awaiting ?? 0);
      },
    );
  }

  /** One pass over the due registrations; returns how many were settled (verified or ended). */
  async sweep(): Promise<number> {
    let settled = 0;
    for (;;) {
      const claimed = await this.verifications.claim(this.dataSource, BATCH, LEASE_SECONDS);
      if (claimed.length === 0) return settled;
      const done = await this.settle(claimed);
      settled += done;
      if (done < claimed.length || claimed.length < BATCH) return settled;
    }
  }

  private async settle(claimed: AwaitingVerification[]): Promise<number> {
    const bsnOf = new Map(claimed.map((c) => [c.registrationId, this.youthKeys.unsealBsn(c.bsnSealed, c.sealVersion)]));
    const asked = [...new Set([...bsnOf.values()].filter((bsn): bsn is string => bsn !== null))];
    let persons;
    try {
      persons = await this.brp.persons(asked, ['verification', 'family', 'address', 'registration_municipality']);
    } catch (error) {
      if (!(error instanceof BrpError)) throw error;
      await this.verifications.postpone(
        this.dataSource,
        claimed.map((c) => c.registrationId),
        error.reason,
        this.config.BRP_VERIFY_INTERVAL_MS / 1000,
      );
      this.outcomes.inc({ outcome: 'postponed' }, claimed.length);
      return 0;
    }
    const byBsn = new Map(persons.map((p) => [p.bsn, p]));
    const today = todayInAmsterdam(this.clock.now());
    const confirmed: ConfirmedYouth[] = [];
    const refused: AwaitingVerification[] = [];
    for (const c of claimed) {
      const bsn = bsnOf.get(c.registrationId);
      // A seal whose key version was rotated out cannot be opened: the youth cannot be verified.
      const person = bsn ? byBsn.get(bsn) : undefined;
      const verdict = bsn ? brpVerdict(person, c.birthDate, today) : { ok: false };
      if (verdict.ok && person) {
        const address = youthAddress(person);
        confirmed.push({
          registrationId: c.registrationId,
          parentKeys: this.youthKeys.parentKeys(person.parentBsns),
          municipalityCode: person.municipalityCode,
          address: address && { ...address, ...this.youthKeys.addressKeys(address) },
        });
      } else refused.push(c);
    }
    const actor = systemActor();
    await this.dataSource.transaction(async (manager) => {
      await this.verifications.confirm(manager, confirmed, this.youthKeys.version, actor);
      for (const c of refused) {
        if ((await this.removal.remove(manager, [c.registrationId], 'unverified', actor)) === 0) continue;
        await this.signals.write(
          manager,
          [
            {
              kind: 'unverified',
              matchId: null,
              triggerRegistrationId: c.registrationId,
              recipientProfessionalId: c.professionalId,
              recipientOrganisationId: c.organisationId,
              recipientRole: 'participant',
              named: [],
            },
          ],
          actor,
        );
      }
    });
    this.outcomes.inc({ outcome: 'verified' }, confirmed.length);
    this.outcomes.inc({ outcome: 'unverified' }, refused.length);
    if (claimed.length > 0)
      this.logger.log(
        { verified: confirmed.length, unverified: refused.length },
        'registrations awaiting verification settled',
      );
    return claimed.length;
  }
}
