import type { OrganisationKind } from '../entities/organisation.entity';

export interface CovenantParty {
  name: string;
  /** null: signatory of the covenant, but not in a category of Besluit Jeugdwet 7.1.1–7.1.7, so not connected. */
  kind: OrganisationKind | null;
  why?: string;
}

/**
 * Demo mailboxes are on the reserved domain example.org (RFC 2606), never the organisations' real
 * addresses: a demo with SMTP configured must not mail a real breach desk.
 */
export function demoMailbox(local: string, organisation: string): string {
  return `${local}@${slug(organisation)}.example.org`;
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export const COVENANT_REFERENCE = 'Convenant Gelijke Kansen, Zorg & Veiligheid Venlo, art. 4';

/** The signatories of the Venlo covenant (privacy protocol art. 8 lists their breach desks; the demo uses reserved addresses). */
export const VENLO_COVENANT_PARTIES: CovenantParty[] = [
  { name: 'Gemeente Venlo', kind: 'municipality' },
  { name: 'OGVO', kind: 'education' },
  { name: 'Stichting Akkoord!', kind: 'education' },
  { name: 'Stichting Kerobei', kind: 'education' },
  { name: 'Stichting Fortior', kind: 'education' },
  { name: 'Onderwijsgroep Buitengewoon', kind: 'education' },
  { name: 'Basisschool Sint Martinus', kind: 'education' },
  { name: 'Taalbrug Venlo', kind: 'education' },
  { name: 'Basisschool Al Andalous', kind: 'education' },
  { name: 'Rudolf Steiner school', kind: 'education' },
  { name: 'Venlose Montessori School', kind: 'education' },
  { name: 'De Wijnberg', kind: 'education' },
  { name: 'Gilde Opleidingen', kind: 'education' },
  { name: 'GGD Limburg-Noord', kind: 'youth_health_care' },
  { name: 'Incluzio', kind: 'social_support' },
  { name: 'Veilig Thuis Noord- en Midden-Limburg', kind: 'youth_care' },
  { name: 'Stichting Halt Limburg', kind: 'police_and_justice' },
  { name: 'Politie eenheid Limburg', kind: 'police_and_justice' },
  ...[
    'Spring Kinderopvang',
    'Beste Kinderopvang',
    'Van Harte Kinderopvang',
    'Korein',
    'Stichting ISTIA',
    'Kinderdagverblijf Poemelke',
    'Kindercentrum KOM.MIJN',
    'Stichting Kinderopvang Arcen Lomm Velden',
  ].map((name) => ({
    name,
    kind: null,
    why: 'kinderopvang is not a designated category (BJw 7.1.1–7.1.7); it signals through GGD or Veilig Thuis',
  })),
  {
    name: 'Openbaar Ministerie Limburg',
    kind: null,
    why: 'the OM is not a designated instantie (BJw 7.1.7 names police, Halt and the Raad voor de Kinderbescherming)',
  },
];

/** A college of the demo region with its own parties. */
export interface DemoCollege {
  code: string;
  name: string;
  parties: CovenantParty[];
}

/**
 * The neighbouring college of the demo region (Noord-Limburg): Beesel, with a school, a GP practice
 * and its own gemeente staff, so that a match across two colleges can be seen. The names are the
 * demo's own.
 */
export const BEESEL: DemoCollege = {
  code: '0889',
  name: 'Gemeente Beesel',
  parties: [
    { name: 'Gemeente Beesel', kind: 'municipality' },
    { name: 'Basisschool De Wegwijzer Reuver', kind: 'education' },
    { name: 'Huisartsenpraktijk Reuver', kind: 'health_care' },
  ],
};
