import type { TestApi } from './test-api';
import { bearer } from './test-api';
import { cliWithEnv } from './processes';
import { ADMIN_KEY } from './test-config';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

export interface TestOrganisation {
  id: string;
  name: string;
  kind: string;
  secret: string;
  coordinatorId: string;
  professionalIds: string[];
}

/**
 * A connected organisation with a coordinator, `professionals` professionals and one
 * credential carrying `scopes`, all made through the administration API.
 */
export async function anOrganisation(
  api: TestApi,
  options: {
    kind?: string;
    scopes?: string[];
    professionals?: number;
    adminKey?: string;
    municipalityCode?: string;
  } = {},
): Promise<TestOrganisation> {
  const admin = bearer(options.adminKey ?? ADMIN_KEY);
  const name = `Organisatie ${unique()}`;
  const kind = options.kind ?? 'youth_care';
  const created = await api
    .http()
    .post('/v1/organisations')
    .set(admin)
    .send({ name, kind, municipalityCode: options.municipalityCode ?? '0983', agreementReference: `CONV-${unique()}` })
    .expect(201);
  const id = created.body.id as string;
  const person = async (role: string, index: number) =>
    (
      await api
        .http()
        .post(`/v1/organisations/${id}/professionals`)
        .set(admin)
        .send({
          name: `${role} ${index} ${name}`,
          email: `${role}${index}.${unique()}@example.nl`,
          phone: '+31 77 123 4567',
          role,
        })
        .expect(201)
    ).body.id as string;
  const coordinatorId = await person('coordinator', 0);
  const professionalIds: string[] = [];
  for (let i = 0; i < (options.professionals ?? 1); i += 1) professionalIds.push(await person('professional', i));
  const credential = await api
    .http()
    .post(`/v1/organisations/${id}/credentials`)
    .set(admin)
    .send({ scopes: options.scopes ?? ['registrations', 'signals'] })
    .expect(201);
  return { id, name, kind, secret: credential.body.secret as string, coordinatorId, professionalIds };
}

/** A follow-up officer (regievoerder) in a municipality organisation; returns the professional id. */
export async function aFollowUpOfficer(
  api: TestApi,
  municipalityOrganisationId: string,
  adminKey = ADMIN_KEY,
): Promise<string> {
  const response = await api
    .http()
    .post(`/v1/organisations/${municipalityOrganisationId}/professionals`)
    .set(bearer(adminKey))
    .send({
      name: 'Regievoerder',
      email: `regie.${unique()}@venlo.example`,
      phone: '+31 77 359 6666',
      role: 'follow_up_officer',
    })
    .expect(201);
  return response.body.id as string;
}

/**
 * A registration of `youth` by the organisation's `professional`-th professional through the API,
 * expected to be accepted (201); answers the response.
 */
export function aRegistration(api: TestApi, organisation: TestOrganisation, youth: unknown, professional = 0) {
  return api
    .http()
    .post('/v1/registrations')
    .set(bearer(organisation.secret))
    .send({ professionalId: organisation.professionalIds[professional], youth })
    .expect(201);
}

/** A designated person as the administration API shows them. */
export async function aPersonOf(
  api: TestApi,
  organisation: TestOrganisation,
  id: string,
  adminKey = ADMIN_KEY,
): Promise<{ id: string; name: string; email: string }> {
  return (
    await api.http().get(`/v1/organisations/${organisation.id}/professionals/${id}`).set(bearer(adminKey)).expect(200)
  ).body as { id: string; name: string; email: string };
}

/** The neighbouring college Beesel (0889), made with the CLI as an operator does: its administrator's key. */
export async function theBeeselCollege(): Promise<string> {
  const created = await cliWithEnv(
    { VIR_MUNICIPALITY_CODE: '0889', VIR_MUNICIPALITY_NAME: 'Gemeente Beesel' },
    'admin',
    'create',
    'beheerder Beesel',
  );
  return /Secret \(shown once\): (\S+)/.exec(created.stdout)?.[1] as string;
}

/**
 * A follow-up officer in the gemeente of college `municipalityCode` and a `follow-up` credential of
 * that gemeente, made by the college's administrator: the credential's secret.
 */
export async function aFollowUpDesk(api: TestApi, municipalityCode: string, adminKey = ADMIN_KEY): Promise<string> {
  const [{ id }] = await api.dataSource.query(
    `SELECT id FROM organisations WHERE municipality_code = $1 AND kind = 'municipality'`,
    [municipalityCode],
  );
  await aFollowUpOfficer(api, id, adminKey);
  const issued = await api
    .http()
    .post(`/v1/organisations/${id}/credentials`)
    .set(bearer(adminKey))
    .send({ scopes: ['follow-up'] })
    .expect(201);
  return issued.body.secret as string;
}
