import type { OrganisationKind } from '../entities/organisation.entity';

export interface CovenantParty {
  name: string;
  /** null: signatory of the covenant, but not in a category of Besluit Jeugdwet 7.1.1–7.1.7, so not connected. */
  kind: OrganisationKind | null;
  breachNotificationEmail: string;
  why?: string;
}

export const COVENANT_REFERENCE = 'Convenant Gelijke Kansen, Zorg & Veiligheid Venlo, art. 4';

/** The signatories of the Venlo covenant, with the breach addresses of its privacy protocol (art. 8). */
export const VENLO_COVENANT_PARTIES: CovenantParty[] = [
  { name: 'Gemeente Venlo', kind: 'municipality', breachNotificationEmail: 'datalek@venlo.nl' },
  { name: 'OGVO', kind: 'education', breachNotificationEmail: 'info@ogvo.nl' },
  { name: 'Stichting Akkoord!', kind: 'education', breachNotificationEmail: 'info@akkoord-po.nl' },
  { name: 'Stichting Kerobei', kind: 'education', breachNotificationEmail: 'info@korebei.nl' },
  { name: 'Stichting Fortior', kind: 'education', breachNotificationEmail: 'info@fortior.nl' },
  { name: 'Onderwijsgroep Buitengewoon', kind: 'education', breachNotificationEmail: 'info@ogbuitengewoon.nl' },
  { name: 'Basisschool Sint Martinus', kind: 'education', breachNotificationEmail: 'info@martinus-venlo.nl' },
  { name: 'Taalbrug Venlo', kind: 'education', breachNotificationEmail: 'info@taalbrugjunior.nl' },
  { name: 'Basisschool Al Andalous', kind: 'education', breachNotificationEmail: 'info@alandalous.nl' },
  { name: 'Rudolf Steiner school', kind: 'education', breachNotificationEmail: 'info@rudolfsteinereducare.nl' },
  { name: 'Venlose Montessori School', kind: 'education', breachNotificationEmail: 'info@montessorischoolvenlo.nl' },
  { name: 'De Wijnberg', kind: 'education', breachNotificationEmail: 'info@dewijnberg.nl' },
  { name: 'Gilde Opleidingen', kind: 'education', breachNotificationEmail: 'privacy@rocgilde.nl' },
  { name: 'GGD Limburg-Noord', kind: 'youth_health_care', breachNotificationEmail: 'privacy@vrln.nl' },
  { name: 'Incluzio', kind: 'social_support', breachNotificationEmail: 'datalek@includio.nl' },
  { name: 'Veilig Thuis Noord- en Midden-Limburg', kind: 'youth_care', breachNotificationEmail: 'FG@veiligthuisnml.nl' },
  { name: 'Stichting Halt Limburg', kind: 'police_and_justice', breachNotificationEmail: 'info@halt.nl' },
  { name: 'Politie eenheid Limburg', kind: 'police_and_justice', breachNotificationEmail: 'opco.venlo-beesel@politie.nl' },
  ...[
    ['Spring Kinderopvang', 'info@spring-kinderopvang.nl'],
    ['Beste Kinderopvang', 'info@bestekinderopvang.nl'],
    ['Van Harte Kinderopvang', 'info@vanhartekinderopvang.nl'],
    ['Korein', 'info@korein.nl'],
    ['Stichting ISTIA', 'info@istiakinderopvang.nl'],
    ['Kinderdagverblijf Poemelke', 'info@poemelke.nl'],
    ['Kindercentrum KOM.MIJN', 'team@kindercentrumkommijn.nl'],
    ['Stichting Kinderopvang Arcen Lomm Velden', 'info@sko-alv.nl'],
  ].map(([name, email]) => ({
    name,
    kind: null,
    breachNotificationEmail: email,
    why: 'kinderopvang is not a designated category (BJw 7.1.1–7.1.7); it signals through GGD or Veilig Thuis',
  })),
  {
    name: 'Openbaar Ministerie Limburg',
    kind: null,
    breachNotificationEmail: 'kcc-limburg@om.nl',
    why: 'the OM is not a designated instantie (BJw 7.1.7 names police, Halt and the Raad voor de Kinderbescherming)',
  },
];
