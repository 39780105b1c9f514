'use strict';
// The local BRP: the Haal Centraal BRP Personen API v2 (POST /personen) and BRP Update API v1
// (/volgindicaties, /wijzigingen) on loopback, answering from a JSON file of persons in the Personen
// response shape ({ "personen": [ … ] }). For development and tests only — it holds demo persons,
// never real ones.
//   node scripts/local-brp.js [port]
// Settings (environment): BRP_DEV_PERSONAS (the persons file; default the Venlo demo file beside this
// script), BRP_DEV_API_KEY (when set, every request must carry it in the X-API-KEY header).
// The file is read again when it changes, so a test changes a person by writing the file; every
// followed person whose data changed is then listed by GET /wijzigingen (volgindicaties are kept in
// memory: a restart forgets them, as a new subscription would).
const { readFileSync, watchFile } = require('node:fs');
const { createServer } = require('node:http');
const { join, resolve } = require('node:path');

const FILE = resolve(process.env.BRP_DEV_PERSONAS || join(__dirname, 'local-brp.personas.json'));
const API_KEY = process.env.BRP_DEV_API_KEY || '';
const port = Number(process.argv[2] ?? 5010);

/** The fields the Personen API always delivers when present; asking for them is a bad request. */
const AUTOMATIC = ['geheimhoudingPersoonsgegevens', 'inOnderzoek', 'opschortingBijhouding', 'rni', 'verificatie'];
const FIELD = /^[a-zA-Z0-9._]{1,200}$/;
const BSN = /^[0-9]{9}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAME = /^[a-zA-Z0-9À-ž .\-']{1,200}$|^[a-zA-Z0-9À-ž .\-']{3,199}\*$/;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const OBJECT_ID = /^(?!0{16})[0-9]{16}$/;

let persons = [];
/** BSN → person, for the lookups by BSN. */
let byBsn = new Map();
/** BSN → { begindatum, einddatum? } of the subscriber (the index). */
const followed = new Map();
/** BSN → the last day its data changed, for followed persons. */
const changedOn = new Map();

const today = () => new Date().toISOString().slice(0, 10);
const following = (bsn) => {
  const f = followed.get(bsn);
  return f !== undefined && (!f.einddatum || f.einddatum > today());
};

function load() {
  try {
    const parsed = JSON.parse(readFileSync(FILE, 'utf8'));
    if (!Array.isArray(parsed.personen)) throw new Error('the file has no "personen" array');
    const before = new Map(persons.map((p) => [p.burgerservicenummer, JSON.stringify(p)]));
    const after = new Map(parsed.personen.map((p) => [p.burgerservicenummer, JSON.stringify(p)]));
    for (const bsn of new Set([...before.keys(), ...after.keys()]))
      if (before.get(bsn) !== after.get(bsn) && following(bsn)) changedOn.set(bsn, today());
    persons = parsed.personen;
    byBsn = new Map(persons.map((p) => [p.burgerservicenummer, p]));
    log(`local BRP: ${persons.length} persons loaded`);
  } catch (error) {
    // A file half-written by an editor or a test: keep what was loaded and say why (no personal data).
    log(`local BRP: persons file not loaded (${error.message.slice(0, 120)})`);
  }
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

function problem(request, response, status, code, title, invalidParams) {
  const instance = `http://${request.headers.host ?? '127.0.0.1'}${request.url}`;
  const body = { type: 'https://developer.rvig.nl/brp-api/', title, status, code, instance };
  if (invalidParams) body.invalidParams = invalidParams;
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify(body));
}

/** Keeps only the dot-paths asked for (an array keeps its elements, each cut to the rest of the path). */
function pick(value, paths) {
  if (Array.isArray(value)) return value.map((item) => pick(item, paths));
  if (value === null || typeof value !== 'object' || paths.some((p) => p.length === 0)) return value;
  const out = {};
  const byHead = new Map();
  for (const [head, ...rest] of paths) byHead.set(head, [...(byHead.get(head) ?? []), rest]);
  for (const [head, rests] of byHead) if (value[head] !== undefined) out[head] = pick(value[head], rests);
  // A polymorphic object (a verblijfplaats, a datum) always says which kind it is.
  if (typeof value.type === 'string') out.type = value.type;
  return out;
}

function shaped(person, fields) {
  const out = pick(
    person,
    fields.map((f) => f.split('.')),
  );
  for (const field of AUTOMATIC) if (person[field] !== undefined) out[field] = person[field];
  return out;
}

const deceased = (person) => Boolean(person.overlijden);
const lower = (s) => String(s ?? '').toLowerCase();
function nameMatches(pattern, value) {
  const p = lower(pattern);
  return p.endsWith('*') ? lower(value).startsWith(p.slice(0, -1)) : lower(value) === p;
}

/** The parameters of each search type the local BRP answers: [name, pattern, required]. */
const SEARCHES = {
  RaadpleegMetBurgerservicenummer: {
    params: [['burgerservicenummer', 'bsnList', true]],
    find: (q) => [...new Set(q.burgerservicenummer)].flatMap((bsn) => (byBsn.has(bsn) ? [byBsn.get(bsn)] : [])),
  },
  ZoekMetGeslachtsnaamEnGeboortedatum: {
    params: [
      ['geslachtsnaam', NAME, true],
      ['geboortedatum', DATE, true],
      ['geslacht', /^[MmVvOo]$/, false],
      ['voorvoegsel', /^[a-zA-Z ']{1,10}$/, false],
      ['voornamen', /^[a-zA-Z0-9À-ž .\-']{1,199}\*?$/, false],
      ['inclusiefOverledenPersonen', 'boolean', false],
    ],
    find: (q) =>
      persons.filter(
        (p) =>
          nameMatches(q.geslachtsnaam, p.naam?.geslachtsnaam) &&
          p.geboorte?.datum?.datum === q.geboortedatum &&
          (!q.geslacht || lower(p.geslacht?.code) === lower(q.geslacht)) &&
          (!q.voorvoegsel || lower(p.naam?.voorvoegsel) === lower(q.voorvoegsel)) &&
          (!q.voornamen || nameMatches(q.voornamen, p.naam?.voornamen)) &&
          (q.inclusiefOverledenPersonen || !deceased(p)),
      ),
  },
  ZoekMetPostcodeEnHuisnummer: {
    params: [
      ['postcode', POSTCODE, true],
      ['huisnummer', 'huisnummer', true],
      ['geboortedatum', DATE, false],
      ['geslachtsnaam', NAME, false],
      ['inclusiefOverledenPersonen', 'boolean', false],
    ],
    find: (q) =>
      persons.filter((p) => {
        const address = p.verblijfplaats?.verblijfadres;
        return (
          lower(address?.postcode).replace(' ', '') === lower(q.postcode).replace(' ', '') &&
          address?.huisnummer === q.huisnummer &&
          (!q.geboortedatum || p.geboorte?.datum?.datum === q.geboortedatum) &&
          (!q.geslachtsnaam || nameMatches(q.geslachtsnaam, p.naam?.geslachtsnaam)) &&
          (q.inclusiefOverledenPersonen || !deceased(p))
        );
      }),
  },
  ZoekMetAdresseerbaarObjectIdentificatie: {
    params: [
      ['adresseerbaarObjectIdentificatie', OBJECT_ID, true],
      ['inclusiefOverledenPersonen', 'boolean', false],
    ],
    find: (q) =>
      persons.filter(
        (p) =>
          p.verblijfplaats?.adresseerbaarObjectIdentificatie === q.adresseerbaarObjectIdentificatie &&
          (q.inclusiefOverledenPersonen || !deceased(p)),
      ),
  },
};

function invalidParam(name, code, reason) {
  return { type: 'https://developer.rvig.nl/brp-api/', name, code, reason };
}

function check(value, rule) {
  if (rule === 'boolean') return typeof value === 'boolean';
  if (rule === 'huisnummer') return Number.isInteger(value) && value >= 1 && value <= 99999;
  if (rule === 'bsnList')
    return Array.isArray(value) && value.length >= 1 && value.length <= 20 && value.every((v) => BSN.test(String(v)));
  return typeof value === 'string' && rule.test(value);
}

function answer(request, query, response) {
  const search = SEARCHES[query.type];
  if (!search)
    return problem(request, response, 400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [
      invalidParam('type', 'value', 'Waarde wordt niet ondersteund.'),
    ]);
  const invalid = [];
  const fields = query.fields;
  if (!Array.isArray(fields) || fields.length < 1 || fields.length > 130)
    invalid.push(invalidParam('fields', 'array', 'Parameter is verplicht, 1 tot 130 velden.'));
  else
    for (const field of fields) {
      if (typeof field !== 'string' || !FIELD.test(field))
        invalid.push(invalidParam('fields', 'pattern', 'Waarde voldoet niet aan patroon.'));
      else if (AUTOMATIC.includes(field.split('.')[0]))
        invalid.push(invalidParam('fields', 'field', 'Parameter bevat een automatisch geleverd veld.'));
    }
  const known = new Set(['type', 'fields', 'gemeenteVanInschrijving', ...search.params.map(([name]) => name)]);
  for (const name of Object.keys(query))
    if (!known.has(name)) invalid.push(invalidParam(name, 'unknownParam', 'Parameter is niet verwacht.'));
  for (const [name, rule, required] of search.params) {
    if (query[name] === undefined) {
      if (required) invalid.push(invalidParam(name, 'required', 'Parameter is verplicht.'));
    } else if (!check(query[name], rule)) invalid.push(invalidParam(name, 'pattern', 'Waarde is niet geldig.'));
  }
  if (query.gemeenteVanInschrijving !== undefined && !/^[0-9]{4}$/.test(String(query.gemeenteVanInschrijving)))
    invalid.push(invalidParam('gemeenteVanInschrijving', 'pattern', 'Waarde voldoet niet aan patroon.'));
  if (invalid.length > 0)
    return problem(
      request,
      response,
      400,
      'paramsValidation',
      'Een of meerdere parameters zijn niet correct.',
      invalid,
    );
  const found = search
    .find(query)
    .filter((p) => !query.gemeenteVanInschrijving || p.gemeenteVanInschrijving?.code === query.gemeenteVanInschrijving);
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ type: query.type, personen: found.map((p) => shaped(p, fields)) }));
}

function send(response, status, contentType, body) {
  response.writeHead(status, { 'content-type': contentType, 'api-version': '1.0.0' });
  response.end(JSON.stringify(body));
}

function volgindicatie(bsn) {
  const f = followed.get(bsn);
  return { burgerservicenummer: bsn, begindatum: f.begindatum, ...(f.einddatum ? { einddatum: f.einddatum } : {}) };
}

/** The BRP Update API: follow a person (volgindicatie) and ask who changed since a day. */
function update(request, response, url, body) {
  const path = url.pathname;
  if (request.method === 'GET' && path === '/volgindicaties')
    return send(response, 200, 'application/json', {
      volgindicaties: [...followed.keys()].filter(following).map(volgindicatie),
    });
  const one = /^\/volgindicaties\/([^/]*)$/.exec(path);
  if (one) {
    const bsn = decodeURIComponent(one[1]);
    if (!BSN.test(bsn))
      return problem(request, response, 400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [
        invalidParam('burgerservicenummer', 'pattern', 'Waarde voldoet niet aan patroon.'),
      ]);
    if (request.method === 'GET')
      return followed.has(bsn)
        ? send(response, 200, 'application/json', volgindicatie(bsn))
        : problem(request, response, 404, 'notFound', 'Opgevraagde resource bestaat niet.');
    if (request.method === 'PUT') {
      let input;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return problem(request, response, 400, 'paramsValidation', 'De request body is geen geldige JSON.');
      }
      const einddatum = input?.einddatum;
      if (einddatum !== undefined && !(typeof einddatum === 'string' && DATE.test(einddatum)))
        return problem(request, response, 400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [
          invalidParam('einddatum', 'date', 'Waarde is geen geldige datum.'),
        ]);
      const known = followed.has(bsn);
      followed.set(bsn, { begindatum: followed.get(bsn)?.begindatum ?? today(), einddatum });
      return send(response, known ? 200 : 201, known ? 'application/json' : 'application/hal+json', volgindicatie(bsn));
    }
  }
  if (request.method === 'GET' && path === '/wijzigingen') {
    const vanaf = url.searchParams.get('vanaf');
    if (vanaf !== null && !DATE.test(vanaf))
      return problem(request, response, 400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', [
        invalidParam('vanaf', 'date', 'Waarde is geen geldige datum.'),
      ]);
    const changed = [...changedOn].filter(([bsn, on]) => following(bsn) && (!vanaf || on >= vanaf)).map(([bsn]) => bsn);
    return send(response, 200, 'application/hal+json', {
      _links: { self: { href: `http://${request.headers.host}${request.url}` } },
      burgerservicenummers: changed,
    });
  }
  return problem(request, response, 404, 'notFound', 'Opgevraagde resource bestaat niet.');
}

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    return response.end(JSON.stringify({ status: 'UP', persons: persons.length }));
  }
  if (API_KEY && request.headers['x-api-key'] !== API_KEY)
    return problem(request, response, 401, 'authentication', 'Niet correct geauthenticeerd.');
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname !== '/personen') {
    const body = [];
    request.on('data', (chunk) => body.length < 64 && body.push(chunk));
    request.on('end', () => update(request, response, url, Buffer.concat(body).toString('utf8')));
    return;
  }
  if (request.method !== 'POST')
    return problem(request, response, 404, 'notFound', 'Opgevraagde resource bestaat niet.');
  if (!/^application\/json/.test(request.headers['content-type'] ?? ''))
    return problem(request, response, 415, 'unsupported', 'Media Type wordt niet ondersteund.');
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > 64 * 1024) request.destroy();
    else chunks.push(chunk);
  });
  request.on('end', () => {
    let query;
    try {
      query = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return problem(request, response, 400, 'paramsValidation', 'De request body is geen geldige JSON.');
    }
    if (!query || typeof query !== 'object' || Array.isArray(query))
      return problem(request, response, 400, 'paramsValidation', 'De request body is geen object.');
    answer(request, query, response);
  });
});

load();
watchFile(FILE, { interval: 200 }, load);
server.listen(port, '127.0.0.1', () => log(`local BRP on http://127.0.0.1:${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
