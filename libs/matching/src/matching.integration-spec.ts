import { randomBytes, randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { AuditModule } from '@vir/audit';
import { ClockModule } from '@vir/common';
import { ConfigModule } from '@vir/config';
import { DatabaseModule } from '@vir/database';
import { OutboxRelay } from '@vir/queue';
import { SignalWriter } from '@vir/signals';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/support/test-config';
import { FollowUpService } from './follow-up.service';
import { MatchWriter } from './match-writer';
import { MatchingService } from './matching.service';

/**
 * The middle tier: matching's own providers against real PostgreSQL, without HTTP, Redis or worker
 * processes (the relay, which only hands events to Redis, is left out). What crosses processes stays
 * with the e2e suites.
 */
// A college of this suite's own, without a follow-up officer, whatever other suites left behind.
const COLLEGE = '0998';

describe('MatchingService against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let matching: MatchingService;
  let db: DataSource;
  let organisationId: string;
  const professionals: string[] = [];

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig()), ClockModule, DatabaseModule, AuditModule],
      providers: [
        MatchingService,
        MatchWriter,
        SignalWriter,
        FollowUpService,
        { provide: OutboxRelay, useValue: { nudge: () => undefined } },
      ],
    }).compile();
    await moduleRef.init();
    matching = moduleRef.get(MatchingService);
    db = moduleRef.get(DataSource);
    const [organisation] = await db.query<{ id: string }[]>(
      `INSERT INTO organisations (name, kind, municipality_code, agreement_reference)
       VALUES ($1, 'youth_care', $2, 'convenant') RETURNING id`,
      [`Jeugdzorg ${randomUUID()}`, COLLEGE],
    );
    organisationId = organisation.id;
    for (const role of ['professional', 'professional', 'professional', 'coordinator']) {
      const [person] = await db.query<{ id: string }[]>(
        `INSERT INTO professionals (organisation_id, name, email, phone, role)
         VALUES ($1, $2, 'someone@example.org', '077 000 0000', $3) RETURNING id`,
        [organisationId, `${role} ${professionals.length}`, role],
      );
      professionals.push(person.id);
    }
  });

  afterAll(() => moduleRef.close());

  const register = async (youthKey: Buffer, professional: string): Promise<string> => {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO registrations (youth_key, key_version, professional_id, organisation_id, created_at, planned_removal_date)
       VALUES ($1, 1, $2, $3, now(), current_date + 365) RETURNING id`,
      [youthKey, professional, organisationId],
    );
    return row.id;
  };

  it('marks a registration alone with its youth as checked, with no match and no signal', async () => {
    const id = await register(randomBytes(32), professionals[0]);
    await expect(matching.onRegistrationCreated(id)).resolves.toEqual({ matchId: null, signals: 0 });
    const [row] = await db.query(`SELECT match_checked_at IS NOT NULL AS checked FROM registrations WHERE id = $1`, [
      id,
    ]);
    expect(row.checked).toBe(true);
  });

  it('makes one match for two registrations of one youth, whichever job runs, and signals each party once', async () => {
    const youth = randomBytes(32);
    const first = await register(youth, professionals[0]);
    const second = await register(youth, professionals[1]);
    const [a, b] = await Promise.all([matching.onRegistrationCreated(first), matching.onRegistrationCreated(second)]);
    expect(a.matchId ?? b.matchId).toEqual(expect.any(String));
    const matches = await db.query(`SELECT id FROM matches WHERE youth_key = $1`, [youth]);
    expect(matches).toHaveLength(1);
    const signals = await db.query<{ recipient_professional_id: string; kind: string }[]>(
      `SELECT recipient_professional_id, kind FROM signals WHERE match_id = $1 ORDER BY recipient_professional_id`,
      [matches[0].id],
    );
    // Both professionals and the organisation's coordinator; this college has no follow-up officer.
    expect(signals.map((s) => s.recipient_professional_id).sort()).toEqual(
      [professionals[0], professionals[1], professionals[3]].sort(),
    );

    // Run again (a retried job): nothing new.
    await matching.onRegistrationCreated(second);
    const again = await db.query(`SELECT count(*)::int AS n FROM signals WHERE match_id = $1`, [matches[0].id]);
    expect(again[0].n).toBe(signals.length);
  });

  it('fails a registration that does not exist on its own, and still matches the rest of its batch', async () => {
    const youth = randomBytes(32);
    const first = await register(youth, professionals[0]);
    const second = await register(youth, professionals[2]);
    const missing = randomUUID();
    const results = await Promise.allSettled([
      matching.onRegistrationCreated(first),
      matching.onRegistrationCreated(missing),
      matching.onRegistrationCreated(second),
    ]);
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: { message: `registration ${missing} does not exist` },
    });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const matches = await db.query(`SELECT id FROM matches WHERE youth_key = $1`, [youth]);
    expect(matches).toHaveLength(1);
  });
});
