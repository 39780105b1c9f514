import { Injectable } from '@nestjs/common';
import { Batcher, BatchOutcome } from '@vir/common';
import { AppConfig } from '@vir/config';
import { rows } from '@vir/database';
import { OutboxRelay } from '@vir/queue';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { lockBatch, readCopies, readGroupStates, readYouthStates } from './match-batch-lock';
import { planGroups, planYouths } from './match-batch-plan';
import { checkAlone } from './match-statements';
import { MatchWriter } from './match-writer';

export interface MatchOutcome {
  matchId: string | null;
  /** Signals created for this registration's joining (and its archive signal). */
  signals: number;
}

interface MatchRequest {
  registrationId: string;
  correlationId: string | null;
}

const NOTHING: MatchOutcome = { matchId: null, signals: 0 };

/**
 * Detects matches under per-youth PostgreSQL locks and writes them with their signals and outbox
 * events in one transaction. Unique constraints make a repeated run harmless, so a retried,
 * duplicated or re-published job never produces a second match or signal.
 *
 * The match jobs running at the same time in this process are handled together (see Batcher): one
 * transaction and a fixed number of statements serve every registration of a batch, so the cost per
 * registration falls as the load rises. A registration that no longer exists fails alone; any other
 * error fails the batch, whose jobs are then retried one by one by BullMQ.
 */
@Injectable()
export class MatchingService {
  private readonly batcher: Batcher<MatchRequest, MatchOutcome>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: MatchWriter,
    private readonly relay: OutboxRelay,
    config: AppConfig,
  ) {
    this.batcher = new Batcher((requests) => this.matchBatch(requests), {
      parallel: config.MATCH_BATCHES,
      maxSize: config.MATCH_CONCURRENCY,
    });
  }

  onRegistrationCreated(registrationId: string, correlationId?: string | null): Promise<MatchOutcome> {
    return this.batcher.submit({ registrationId, correlationId: correlationId ?? null });
  }

  private async matchBatch(requests: MatchRequest[]): Promise<BatchOutcome<MatchOutcome>[]> {
    const ids = [...new Set(requests.map((r) => r.registrationId))];
    const alone = await this.checkAlone(ids);
    const rest = ids.filter((id) => !alone.has(id));
    const outcomes =
      rest.length > 0 ? await this.matchLocked(rest, requests) : new Map<string, BatchOutcome<MatchOutcome>>();
    // The signals' delivery events are committed: hand them to the relay now, not at its next poll.
    if ([...outcomes.values()].some((o) => o.ok && o.value.signals > 0)) this.relay.nudge();
    return requests.map((r) => outcomes.get(r.registrationId) ?? { ok: true, value: NOTHING });
  }

  /**
   * Most registrations are the only one of their youth: those with no other active registration,
   * open match or archive entry are marked checked in one statement, without a transaction or lock.
   */
  private async checkAlone(ids: string[]): Promise<Set<string>> {
    const alone = await rows<{ id: string }>(this.dataSource, checkAlone(ids));
    return new Set(alone.map((row) => row.id));
  }

  /**
   * The rest, in one transaction: lock their youths, read the youths' states and copy recipients,
   * plan each youth (pure), write the plans. Returns each registration's outcome.
   */
  private matchLocked(ids: string[], requests: MatchRequest[]): Promise<Map<string, BatchOutcome<MatchOutcome>>> {
    return this.dataSource.transaction(async (manager) => {
      const outcomes = new Map<string, BatchOutcome<MatchOutcome>>();
      const { found, keys, youthOf, parents, addresses } = await lockBatch(manager, ids);
      for (const id of ids) {
        if (!found.has(id))
          outcomes.set(id, { ok: false, error: new UnrecoverableError(`registration ${id} does not exist`) });
      }
      if (keys.size === 0) return outcomes;

      const states = await readYouthStates(manager, [...keys.values()]);
      const families = await readGroupStates(manager, 'family', parents);
      const sharedAddresses = await readGroupStates(manager, 'address', addresses);
      const matching = states.filter((s) => s.active.length >= 2 || s.match_id !== null);
      const copies = await readCopies(manager, [
        ...matching.flatMap((s) => s.active.map((r) => r.organisationId)),
        ...[...families, ...sharedAddresses].flatMap((f) => f.active.map((r) => r.organisationId)),
      ]);
      // A youth's events carry the correlation id of the first request of the batch about it.
      const correlationOf = new Map(requests.map((r) => [r.registrationId, r.correlationId]));
      const correlationOfYouth = new Map<string, string | null>();
      for (const [id, key] of youthOf)
        if (!correlationOfYouth.has(key)) correlationOfYouth.set(key, correlationOf.get(id) ?? null);

      const plans = [
        ...planYouths(states, copies, correlationOfYouth),
        ...planGroups('family', families, copies, correlationOfYouth),
        ...planGroups('address', sharedAddresses, copies, correlationOfYouth),
      ];
      const written = await this.writer.write(manager, plans, copies, correlationOf);

      const signalsOf = new Map<string, number>();
      for (const signal of written) {
        if (signal.triggerRegistrationId)
          signalsOf.set(signal.triggerRegistrationId, (signalsOf.get(signal.triggerRegistrationId) ?? 0) + 1);
      }
      const matchOf = new Map(plans.filter((p) => p.kind === 'same_youth').map((p) => [p.key, p.matchId]));
      for (const id of found) {
        const key = youthOf.get(id);
        outcomes.set(id, {
          ok: true,
          value: key ? { matchId: matchOf.get(key) ?? null, signals: signalsOf.get(id) ?? 0 } : NOTHING,
        });
      }
      return outcomes;
    });
  }
}
