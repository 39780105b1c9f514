import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { BrpChangeSource, BrpPersonen } from '@vir/brp';
import { Clock, systemActor, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { rows, sql } from '@vir/database';
import { Metrics } from '@vir/observability';
import { followUpOfficers, isCollegeOfRegion } from '@vir/organisations';
import { YouthKeyService } from '@vir/pseudonymisation';
import { ScheduledWorker } from '@vir/queue';
import { FollowedYouth, FollowedYouths, youthAddress } from '@vir/registrations';
import { SignalToWrite, SignalWriter } from '@vir/signals';
import type { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { brpChange } from '../brp-change-rules';

/** Volgindicaties set or ended per sweep. */
const BATCH = 200;

/**
 * Follows the youths with verified registrations in the BRP (Jw 7.1.2.3(1)(g), 7.1.4.5(2)(c)): sets a
 * volgindicatie for each new one and ends it after their last registration, asks the change source
 * who changed (the Update API's wijzigingen since the last poll, or — without one — the youths asked
 * about least recently), asks the Personen API about them, and acts: a death removes every
 * registration and archive entry of the youth in every college, audited with the BRP as source; a
 * move signals every registrant (kind `move`) and, within the region, the new college's follow-up
 * officers. Lives with matching because it writes signals about registrations.
 */
@Injectable()
export class BrpFollower extends ScheduledWorker {
  readonly schedules = { 'brp-follow': () => this.sweep() };

  private readonly logger = new Logger(BrpFollower.name);
  private readonly changes: Counter<'change'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly followed: FollowedYouths,
    private readonly source: BrpChangeSource,
    private readonly brp: BrpPersonen,
    private readonly youthKeys: YouthKeyService,
    private readonly signals: SignalWriter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    super();
    this.changes = metrics.counter(
      'vir_brp_changes_total',
      'Changes of followed youths the BRP reported and the index acted on (moved, deceased)',
      ['change'],
    );
  }

  /** One pass; returns how many youths were asked about. */
  async sweep(): Promise<number> {
    if (!this.config.BRP_URL) return 0;
    await this.startFollowing();
    await this.stopFollowing();
    return this.handleChanges();
  }

  private bsnsOf(youths: FollowedYouth[]): { youth: FollowedYouth; bsn: string }[] {
    return youths.flatMap((youth) => {
      const bsn = this.youthKeys.unsealBsn(youth.bsnSealed, youth.sealVersion);
      return bsn ? [{ youth, bsn }] : [];
    });
  }

  private async startFollowing(): Promise<void> {
    const youths = await this.followed.toFollow(this.dataSource, BATCH);
    if (youths.length === 0) return;
    await this.source.follow(this.bsnsOf(youths).map((y) => y.bsn));
    await this.followed.markFollowed(
      this.dataSource,
      youths.map((y) => y.youthKey),
    );
  }

  private async stopFollowing(): Promise<void> {
    const youths = await this.followed.ending(this.dataSource, BATCH);
    if (youths.length === 0) return;
    await this.source.unfollow(this.bsnsOf(youths).map((y) => y.bsn));
    await this.followed.drop(
      this.dataSource,
      youths.map((y) => y.youthKey),
    );
  }

  private async handleChanges(): Promise<number> {
    const today = todayInAmsterdam(this.clock.now());
    const [feed] = await rows<{ polled_on: string }>(
      this.dataSource,
      sql`SELECT polled_on::text FROM brp_change_feed WHERE id = 1`,
    );
    const changed = await this.source.changedSince(feed?.polled_on ?? today);
    const youths =
      changed === 'everyone'
        ? await this.followed.leastRecentlyChecked(this.dataSource, this.config.BRP_REQUERY_BATCH)
        : await this.followed.ofKeys(
            this.dataSource,
            // During a key rotation a followed youth may still be under an earlier key version.
            changed.flatMap((bsn) => this.youthKeys.allKeys({ bsn })),
          );
    const asked = this.bsnsOf(youths);
    if (asked.length > 0) {
      const persons = await this.brp.persons(
        asked.map((a) => a.bsn),
        ['verification', 'address', 'registration_municipality'],
      );
      const byBsn = new Map(persons.map((p) => [p.bsn, p]));
      for (const { youth, bsn } of asked) await this.act(youth, byBsn.get(bsn));
    }
    if (changed !== 'everyone')
      await rows(
        this.dataSource,
        sql`INSERT INTO brp_change_feed (id, polled_on) VALUES (1, ${today}) ON CONFLICT (id) DO UPDATE SET polled_on = EXCLUDED.polled_on`,
      );
    return asked.length;
  }

  private async act(
    youth: FollowedYouth,
    person:
      | { deceased: boolean; municipalityCode: string | null; addressId: string | null; addressPlace: string | null }
      | undefined,
  ): Promise<void> {
    const change = brpChange(youth.municipalityCode, person);
    if (person && !person.deceased) await this.rehome(youth, person);
    if (change.kind === 'none') return;
    const actor = systemActor();
    await this.dataSource.transaction(async (manager) => {
      if (change.kind === 'deceased') {
        const removed = await this.followed.removeDeceased(manager, youth.youthKey, actor);
        for (const college of removed.colleges)
          await this.audit.record(manager, {
            action: 'death.recorded',
            objectType: 'youth',
            actor,
            municipalityCode: college,
            details: { ...removed, colleges: removed.colleges, source: 'brp' },
          });
        this.changes.inc({ change: 'deceased' });
        return;
      }
      await this.followed.moved(manager, youth.youthKey, change.to);
      if (change.kind === 'moved') await this.signalMove(manager, youth.youthKey, change.from, change.to);
    });
  }

  /** A move within a municipality changes no code, only the address: the address match follows it. */
  private async rehome(
    youth: FollowedYouth,
    person: { municipalityCode: string | null; addressId: string | null; addressPlace: string | null },
  ): Promise<void> {
    const address = youthAddress(person);
    await this.dataSource.transaction((manager) =>
      this.followed.rehome(
        manager,
        youth.youthKey,
        address && { ...address, ...this.youthKeys.addressKeys(address) },
        person.municipalityCode,
        this.youthKeys.version,
      ),
    );
  }

  /** Every registrant of the youth is told; within the region the new college's follow-up officers get a copy. */
  private async signalMove(manager: EntityManager, youthKey: Buffer, from: string, to: string): Promise<void> {
    const registrants = await this.followed.registrants(manager, youthKey);
    if (registrants.length === 0) return;
    const [{ within }] = await rows<{ within: boolean }>(
      manager,
      sql`SELECT ${isCollegeOfRegion(sql`${to}::text`)} AS within`,
    );
    const officers =
      within && to !== from
        ? await rows<{ id: string; organisation_id: string }>(
            manager,
            sql`SELECT f.id, f.organisation_id FROM ${followUpOfficers()} f WHERE f.municipality_code = ${to}`,
          )
        : [];
    const drafts: SignalToWrite[] = [
      ...registrants.map((r): SignalToWrite => ({
        kind: 'move',
        matchId: null,
        movedTo: to,
        triggerRegistrationId: r.registrationId,
        recipientProfessionalId: r.professionalId,
        recipientOrganisationId: r.organisationId,
        recipientRole: 'participant',
        named: [],
      })),
      ...officers.map((o): SignalToWrite => ({
        kind: 'move',
        matchId: null,
        movedTo: to,
        triggerRegistrationId: registrants[0].registrationId,
        recipientProfessionalId: o.id,
        recipientOrganisationId: o.organisation_id,
        recipientRole: 'follow_up_officer',
        named: [...new Set(registrants.map((r) => r.professionalId))],
      })),
    ];
    await this.signals.write(manager, drafts, systemActor());
    await this.audit.record(manager, {
      action: 'youth.moved',
      objectType: 'youth',
      actor: systemActor(),
      municipalityCode: from,
      details: { from, to, withinRegion: within, registrations: registrants.length, source: 'brp' },
    });
    this.changes.inc({ change: 'moved' });
  }
}
