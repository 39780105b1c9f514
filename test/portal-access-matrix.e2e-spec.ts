import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { CredentialService } from '../libs/organisations/src/credential.service';
import { launchBrowser } from './support/browser';
import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { PortalProcess, startPortalProcess, startWorker, WorkerProcess } from './support/processes';
import { enrol, logIn } from './support/portal-people';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

type Role = 'professional' | 'coordinator' | 'follow_up_officer' | 'administrator' | 'privacy_officer';
const ROLES: Role[] = ['professional', 'coordinator', 'follow_up_officer', 'administrator', 'privacy_officer'];

/**
 * Every portal page × every person's role, and objects of another organisation and another college:
 * a page of another role says so (403), another's object answers as one that does not exist (404),
 * and without a session every page asks for a login.
 */
describe('access matrix of the portal', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let portal: PortalProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const sessions = new Map<Role, APIRequestContext>();
  const contexts: BrowserContext[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpSink();
    portal = await startPortalProcess();
    api = await startApi({ SMTP_URL: smtp.url, PORTAL_URL: portal.url });
    worker = await startWorker({ PORTAL_URL: portal.url });
    ({ browser, close: closeBrowser } = await launchBrowser());
    await api.reset();
    const school = await anOrganisation(api, { kind: 'education' });
    const gemeente = await anOrganisation(api, { kind: 'municipality' });
    const police = await anOrganisation(api, { kind: 'police_and_justice' });
    const collegeRole = async (role: Role) =>
      (
        await api
          .http()
          .post(`/v1/organisations/${gemeente.id}/professionals`)
          .set(bearer(ADMIN_KEY))
          .send({
            name: `Persoon ${role}`,
            email: `${role.replace(/_/g, '-')}@gemeente.example.org`,
            phone: '+31 77 359 0000',
            role,
          })
          .expect(201)
      ).body.id as string;
    const people: [Role, TestOrganisation, string][] = [
      ['professional', school, school.professionalIds[0]],
      ['coordinator', school, school.coordinatorId],
      ['follow_up_officer', gemeente, await collegeRole('follow_up_officer')],
      ['administrator', gemeente, await collegeRole('administrator')],
      ['privacy_officer', gemeente, await collegeRole('privacy_officer')],
    ];
    for (const [role, organisation, id] of people) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await logIn(page, portal.url, await enrol(api, smtp, page, organisation, id));
      sessions.set(role, context.request);
    }

    // The school's own match, and the police's and another college's objects.
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    ids.ownRegistration = (await aRegistration(api, school, youth)).body.id;
    await aRegistration(api, police, youth);
    const beeselAdmin = 'beesel-admin-secret-0123456789abcdef';
    await api.dataSource.query(
      `INSERT INTO organisations (name, kind, municipality_code, agreement_reference) VALUES ('Gemeente Beesel', 'municipality', '0889', 'eigen')`,
    );
    const [beeselGemeente] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0889'`,
    );
    const [beeselRow] = await api.dataSource.query(`SELECT * FROM organisations WHERE id = $1`, [beeselGemeente.id]);
    await api.dataSource.transaction((manager) =>
      api.app.get(CredentialService).issue(manager, beeselRow, ['admin'], {}, { secret: beeselAdmin }),
    );
    const practice = await anOrganisation(api, {
      kind: 'health_care',
      adminKey: beeselAdmin,
      municipalityCode: '0889',
    });
    const beeselSchool = await anOrganisation(api, {
      kind: 'education',
      adminKey: beeselAdmin,
      municipalityCode: '0889',
    });
    const otherYouth = { bsn: aBsn(), birthDate: bornYearsAgo(9) };
    ids.otherCollegeRegistration = (await aRegistration(api, practice, otherYouth)).body.id;
    ids.ownCollegeOrganisation = school.id;
    ids.ownCoordinator = school.coordinatorId;
    ids.policeProfessional = police.professionalIds[0];
    ids.otherCollegeOrganisation = beeselSchool.id;
    await aRegistration(api, beeselSchool, otherYouth);
    // A youth both colleges' organisations registered: a match that each college follows up.
    const sharedYouth = { bsn: aBsn(), birthDate: bornYearsAgo(15) };
    await aRegistration(api, practice, sharedYouth);
    const policeShared = (await aRegistration(api, police, sharedYouth)).body.id as string;
    await waitUntilSettled(api.dataSource);
    const signalOf = async (organisationId: string) =>
      (
        await api.dataSource.query(
          `SELECT id, match_id FROM signals WHERE recipient_organisation_id = $1 AND recipient_role = 'participant' LIMIT 1`,
          [organisationId],
        )
      )[0] as { id: string; match_id: string };
    const own = await signalOf(school.id);
    ids.ownSignal = own.id;
    ids.ownMatch = own.match_id;
    ids.otherOrganisationSignal = (await signalOf(police.id)).id;
    const otherCollege = await signalOf(beeselSchool.id); // takes part only in the Beesel-only match
    ids.otherCollegeSignal = otherCollege.id;
    ids.otherCollegeMatch = otherCollege.match_id;
    ids.crossCollegeMatch = (
      await api.dataSource.query(`SELECT match_id FROM match_participants WHERE registration_id = $1`, [policeShared])
    )[0].match_id;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeBrowser?.();
    await worker?.kill();
    await portal?.kill();
    await api?.close();
    await smtp?.close();
  });

  const everyone = (status: number): Record<Role, number> =>
    Object.fromEntries(ROLES.map((role) => [role, status])) as Record<Role, number>;
  const only = (allowed: Partial<Record<Role, number>>, otherwise = 403): Record<Role, number> => ({
    ...everyone(otherwise),
    ...allowed,
  });

  // [path, status per role]; {name} is an id of the setup.
  const pages: [string, Record<Role, number>][] = [
    ['/', everyone(200)],
    ['/meldingen/nieuw', only({ professional: 200 })],
    ['/meldingen', only({ professional: 200 })],
    ['/meldingen/{ownRegistration}', only({ professional: 200 })],
    ['/meldingen/{otherCollegeRegistration}', only({ professional: 404 })],
    ['/signalen', only({ professional: 200, coordinator: 200 })],
    ['/signalen/{ownSignal}', only({ professional: 200, coordinator: 200 })],
    ['/signalen/{otherOrganisationSignal}', only({ professional: 404, coordinator: 404 })],
    ['/signalen/{otherCollegeSignal}', only({ professional: 404, coordinator: 404 })],
    // The follow-up officer of the college reads a match of which the college got a copy; a match of
    // Beesel's organisations alone is Beesel's.
    ['/matches/{ownMatch}', only({ professional: 200, coordinator: 200, follow_up_officer: 200 })],
    ['/matches/{otherCollegeMatch}', only({ professional: 404, coordinator: 404, follow_up_officer: 404 })],
    ['/matches/{crossCollegeMatch}', only({ professional: 404, coordinator: 404, follow_up_officer: 200 })],
    ['/werklijst', only({ follow_up_officer: 200 })],
    ['/mijn-email', only({ professional: 200, coordinator: 200, follow_up_officer: 200 })],
    ['/werklijst?filter=overdue', only({ follow_up_officer: 200 })],
    ['/datalekken', only({ privacy_officer: 200 })],
    ['/datalekken/{ownRegistration}', only({ privacy_officer: 404 })],
    ['/datalekken/melden', only({ coordinator: 200, administrator: 200, privacy_officer: 200 })],
    ['/verzoeken', only({ privacy_officer: 200, administrator: 200 })],
    ['/verzoeken/nieuw', only({ privacy_officer: 200, administrator: 200 })],
    ['/verzoeken/{ownRegistration}', only({ privacy_officer: 404, administrator: 404 })],
    ['/medewerkers', only({ coordinator: 200 })],
    ['/logboek', only({ privacy_officer: 200 })],
    ['/klachten', only({ privacy_officer: 200 })],
    ['/klachten?jaar=1', only({ privacy_officer: 400 })],
    ['/klachten/nieuw', only({ privacy_officer: 200 })],
    ['/klachten/{ownRegistration}', only({ privacy_officer: 404 })],
    ['/logboek?van=2026-02-30', only({ privacy_officer: 400 })],
    ['/logboek/controle', only({ privacy_officer: 200 })],
    ['/organisaties', only({ administrator: 200 })],
    ['/instellingen', only({ administrator: 200 })],
    ['/dashboard', only({ administrator: 200 })],
    ['/dashboard/csv', only({ administrator: 200 })],
    ['/dashboard?van=2026-06&tot=2026-01', only({ administrator: 400 })],
    ['/organisaties/nieuw', only({ administrator: 200 })],
    ['/organisaties/{ownCollegeOrganisation}', only({ administrator: 200 })],
    ['/organisaties/{otherCollegeOrganisation}', only({ administrator: 404 })],
    ['/organisaties/{otherCollegeOrganisation}/ontkoppelen', only({ administrator: 404 })],
    ['/organisaties/{ownRegistration}', only({ administrator: 404 })],
    ['/medewerkers/{ownRegistration}/vervanger', only({ coordinator: 404 })],
    ['/medewerkers/{ownRegistration}/gegevens', only({ coordinator: 404 })],
    // Only the administrator signs off a coordinator; another organisation's people are not found.
    ['/medewerkers/{ownCoordinator}/afmelden', only({ coordinator: 404 })],
    ['/medewerkers/{policeProfessional}/afmelden', only({ coordinator: 404 })],
  ];
  const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);

  const cases = pages.flatMap(([path, expected]) => ROLES.map((role) => ({ path, role, expected: expected[role] })));

  it.each(cases)('$path as $role → $expected', async ({ path, role, expected }) => {
    const response = await sessions.get(role)!.get(`${portal.url}${fill(path)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(expected);
    expect(response.headers()['cache-control']).toBe('no-store');
    if (expected === 404) {
      const body = await response.text();
      for (const id of Object.values(ids)) expect(body).not.toContain(id);
    }
  });

  it.each(pages.map(([path]) => path))('asks for a login on %s without a session', async (path) => {
    const response = await fetch(`${portal.url}${fill(path)}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/inloggen/);
  });

  it.each([
    ['/meldingen/nieuw', 'professional'],
    ['/meldingen/{ownRegistration}/intrekken', 'professional'],
    ['/signalen/{ownSignal}/gelezen', 'professional'],
    ['/matches/{ownMatch}/contact', 'professional'],
    ['/matches/{ownMatch}/afhandeling', 'follow_up_officer'],
    ['/medewerkers/{ownRegistration}/vervanger', 'coordinator'],
    ['/medewerkers/{ownRegistration}/gegevens', 'coordinator'],
    ['/medewerkers/{ownRegistration}/bevestigen', 'coordinator'],
    ['/medewerkers/{policeProfessional}/afmelden', 'coordinator'],
    ['/datalekken/melden', 'coordinator'],
    ['/verzoeken/nieuw', 'privacy_officer'],
    ['/klachten/nieuw', 'privacy_officer'],
    ['/organisaties/nieuw', 'administrator'],
    ['/instellingen', 'administrator'],
    ['/instellingen/sluitingsdagen', 'administrator'],
    ['/mijn-email', 'follow_up_officer'],
    ['/organisaties/{ownCollegeOrganisation}/contactpersoon', 'administrator'],
    ['/organisaties/{ownCollegeOrganisation}/ontkoppelen', 'administrator'],
    ['/organisaties/{ownCollegeOrganisation}/sleutel', 'administrator'],
  ] as [string, Role][])('refuses %s without its CSRF token and changes nothing', async (path, role) => {
    const before = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM registrations WHERE status = 'active')::int AS active,
              (SELECT count(*) FROM signals WHERE acknowledged_at IS NOT NULL)::int AS read,
              (SELECT count(*) FROM match_participants WHERE contact_confirmed_at IS NOT NULL)::int AS confirmed,
              (SELECT count(*) FROM incidents)::int AS incidents,
              (SELECT count(*) FROM subject_requests)::int AS requests,
              (SELECT count(*) FROM complaints)::int AS complaints,
              (SELECT count(*) FROM professionals WHERE signal_digest)::int AS digests,
              (SELECT coalesce(sum(cardinality(follow_up_closing_days)), 0)::int FROM organisations) AS closing_days,
              (SELECT count(*) FROM organisations WHERE status = 'connected')::int AS organisations,
              (SELECT count(*) FROM professionals)::int AS people,
              (SELECT count(*) FROM credentials WHERE revoked_at IS NULL)::int AS keys,
              (SELECT count(*) FROM match_escalation_actions)::int AS escalation_actions`,
    );
    const response = await sessions.get(role)!.post(`${portal.url}${fill(path)}`, {
      form: {
        reason: 'unjustified',
        bsn: aBsn(),
        birthDate: bornYearsAgo(8),
        legalGround: 'ja',
        informed: 'before_registering',
        kind: 'access',
        receivedOn: bornYearsAgo(0),
        requestedBy: 'legal_representative',
        youthBirthDate: bornYearsAgo(8),
        name: 'Vervalst',
        email: 'vervalst@example.org',
        phone: '077 000 0000',
        agreementReference: 'OVK-1',
        scopes: 'signals',
        outcome: 'resolved',
        closingDay: '2099-12-29',
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Formulier verlopen');
    const after = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM registrations WHERE status = 'active')::int AS active,
              (SELECT count(*) FROM signals WHERE acknowledged_at IS NOT NULL)::int AS read,
              (SELECT count(*) FROM match_participants WHERE contact_confirmed_at IS NOT NULL)::int AS confirmed,
              (SELECT count(*) FROM incidents)::int AS incidents,
              (SELECT count(*) FROM subject_requests)::int AS requests,
              (SELECT count(*) FROM complaints)::int AS complaints,
              (SELECT count(*) FROM professionals WHERE signal_digest)::int AS digests,
              (SELECT coalesce(sum(cardinality(follow_up_closing_days)), 0)::int FROM organisations) AS closing_days,
              (SELECT count(*) FROM organisations WHERE status = 'connected')::int AS organisations,
              (SELECT count(*) FROM professionals)::int AS people,
              (SELECT count(*) FROM credentials WHERE revoked_at IS NULL)::int AS keys,
              (SELECT count(*) FROM match_escalation_actions)::int AS escalation_actions`,
    );
    expect(after).toEqual(before);
  });
});
