import { Injectable, Logger } from '@nestjs/common';
import type { IsoDate } from '@vir/common';
import { AppConfig } from '@vir/config';
import { Metrics } from '@vir/observability';
import type { Counter, Histogram } from 'prom-client';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IPolicy,
  retry,
  wrap,
} from 'cockatiel';
import { BrpError, brpInvalidAnswer, brpRefused, brpUnavailable } from './brp-errors';
import { BrpPerson, readAnswer } from './brp-person';
import { BrpTokens } from './brp-tokens';

/** What the index asks the BRP for; each use asks only for the fields it needs. */
export type BrpUse = 'verification' | 'family' | 'address' | 'registration_municipality';

export const BRP_FIELDS: Record<BrpUse, string[]> = {
  verification: ['burgerservicenummer', 'geboorte.datum', 'overlijden.datum'],
  family: ['ouders.burgerservicenummer'],
  address: [
    'verblijfplaats.adresseerbaarObjectIdentificatie',
    'verblijfplaats.verblijfadres.postcode',
    'verblijfplaats.verblijfadres.huisnummer',
  ],
  registration_municipality: ['gemeenteVanInschrijving'],
};

/** A search for a youth whose reporter may not use the BSN (Jw 7.1.4.2(3)). */
export interface BrpNameSearch {
  surname: string;
  prefix?: string;
  birthDate: IsoDate;
  sex?: 'M' | 'V' | 'O';
  /** Where a name and birth date are not unique: the address's postcode and house number. */
  postcode?: string;
  houseNumber?: number;
}

/** A BSN of the official test set of the BRP (RvIG): no real person has it. */
const CHECK_BSN = '999993653';

/** Personen API v2 raadpleeg takes at most 20 BSNs per request. */
const MAX_BSNS = 20;
/** More persons than this for one name search is an answer we do not trust. */
const MAX_FOUND = 100;

const isTransient = (error: unknown) => error instanceof BrpError && error.reason === 'unavailable';

/**
 * The Haal Centraal BRP Personen API v2 (POST {BRP_URL}/personen) of the gemeente's gateway: an API
 * key or OAuth2 client credentials, a timeout per attempt, bounded retries of transient failures,
 * and a circuit breaker shared by every request of the process. Every answer is checked before use.
 */
@Injectable()
export class BrpPersonen {
  private readonly logger = new Logger(BrpPersonen.name);
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policy: IPolicy;
  private readonly requests: Counter<'type' | 'outcome'>;
  private readonly durations: Histogram<'type'>;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: BrpTokens,
    metrics: Metrics,
  ) {
    this.requests = metrics.counter('vir_brp_requests_total', 'BRP queries by query type and outcome', [
      'type',
      'outcome',
    ]);
    this.durations = metrics.histogram(
      'vir_brp_request_duration_seconds',
      'Time of one HTTP request to the BRP (each attempt), by query type: the BRP gateway as the index sees it',
      ['type'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    );
    metrics.gauge('vir_brp_available', '1 while the BRP is called; 0 while the breaker keeps it out', [], (gauge) => {
      gauge.set(this.available ? 1 : 0);
      return Promise.resolve();
    });
    this.breaker = circuitBreaker(handleWhen(isTransient), {
      halfOpenAfter: config.BRP_BREAKER_RESET_MS,
      breaker: new ConsecutiveBreaker(config.BRP_BREAKER_FAILURES),
    });
    const retries = retry(handleWhen(isTransient), {
      maxAttempts: config.BRP_RETRIES,
      backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 2_000 }),
    });
    this.policy = wrap(retries, this.breaker);
    this.breaker.onStateChange((state) =>
      this.logger.warn({ breaker: CircuitState[state].toLowerCase() }, 'BRP circuit breaker changed state'),
    );
  }

  /** False while requests are refused because the BRP failed too often (the gauge `vir_brp_available`). */
  get available(): boolean {
    return this.breaker.state !== CircuitState.Open && this.breaker.state !== CircuitState.Isolated;
  }

  /**
   * Whether the gateway answers as the specification says, for an operator connecting it: a query
   * for a BSN of the official test set (found or not, a valid answer is what counts). Resolves with
   * the time it took in milliseconds.
   */
  async check(): Promise<number> {
    const started = performance.now();
    await this.persons([CHECK_BSN], ['verification']);
    return Math.round(performance.now() - started);
  }

  /** The persons of these BSNs that the BRP knows (deceased ones too), with the fields of `uses`. */
  async persons(bsns: string[], uses: BrpUse[]): Promise<BrpPerson[]> {
    const fields = [...new Set(uses.flatMap((use) => BRP_FIELDS[use]))];
    if (!fields.includes('burgerservicenummer')) fields.unshift('burgerservicenummer');
    const found: BrpPerson[] = [];
    for (let i = 0; i < bsns.length; i += MAX_BSNS) {
      const batch = bsns.slice(i, i + MAX_BSNS);
      const type = 'RaadpleegMetBurgerservicenummer';
      const persons = await this.query(type, { burgerservicenummer: batch, fields }, batch.length, (answer) => {
        if (answer.some((p) => !batch.includes(p.bsn))) throw brpInvalidAnswer('personen (a BSN not asked for)');
      });
      found.push(...persons);
    }
    return found;
  }

  /** The BSNs of the living persons that fit the search (as many as the BRP found, up to 100). */
  async search(search: BrpNameSearch): Promise<string[]> {
    const fields = ['burgerservicenummer'];
    const byAddress = search.postcode !== undefined && search.houseNumber !== undefined;
    const persons = byAddress
      ? await this.query(
          'ZoekMetPostcodeEnHuisnummer',
          {
            postcode: search.postcode,
            huisnummer: search.houseNumber,
            geslachtsnaam: search.surname,
            geboortedatum: search.birthDate,
            fields,
          },
          MAX_FOUND,
        )
      : await this.query(
          'ZoekMetGeslachtsnaamEnGeboortedatum',
          {
            geslachtsnaam: search.surname,
            geboortedatum: search.birthDate,
            ...(search.prefix ? { voorvoegsel: search.prefix } : {}),
            ...(search.sex ? { geslacht: search.sex } : {}),
            fields,
          },
          MAX_FOUND,
        );
    return persons.map((p) => p.bsn);
  }

  private async query(
    type: string,
    parameters: Record<string, unknown>,
    maxPersons: number,
    check: (persons: BrpPerson[]) => void = () => undefined,
  ): Promise<BrpPerson[]> {
    if (!this.config.BRP_URL) throw brpUnavailable('no BRP is configured (BRP_URL)');
    try {
      const persons = await this.policy.execute(async () => {
        const stop = this.durations.startTimer({ type });
        const body = await this.post({ type, ...parameters }).finally(stop);
        const answer = readAnswer(body, type, maxPersons);
        check(answer);
        return answer;
      });
      this.requests.inc({ type, outcome: 'ok' });
      return persons;
    } catch (caught) {
      const error =
        caught instanceof BrokenCircuitError ? brpUnavailable('too many recent failures (circuit open)') : caught;
      if (!(error instanceof BrpError)) throw error;
      this.requests.inc({ type, outcome: error.reason });
      this.logger.warn({ brp: error.reason, type }, error.message);
      throw error;
    }
  }

  private async post(body: Record<string, unknown>): Promise<unknown> {
    const headers = await this.tokens.headers();
    let response: Response;
    try {
      response = await fetch(`${(this.config.BRP_URL as string).replace(/\/$/, '')}/personen`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.BRP_TIMEOUT_MS),
      });
    } catch (error) {
      throw brpUnavailable((error as Error).name === 'TimeoutError' ? 'timeout' : 'network error');
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw brpUnavailable(`HTTP ${response.status}`);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      if (response.status === 401) this.tokens.forget();
      throw brpRefused(response.status);
    }
    if (!/^application\/json/.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel();
      throw brpInvalidAnswer('content-type');
    }
    try {
      return await response.json();
    } catch {
      throw brpInvalidAnswer('the body (not JSON)');
    }
  }
}
