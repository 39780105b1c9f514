import { Injectable } from '@nestjs/common';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { standInsToday } from './stand-ins';

/** Who takes a person's signals today and until when (a stand-in, vervanger): shown to the others as acting "namens" the person. */
export interface StandInCard {
  professionalId: string;
  name: string;
  email: string;
  phone: string;
  until: string;
}

/** Identification and contact details of a designated person, as a signal may show them (Jw 7.1.4.3(2)). */
export interface ContactCard {
  professionalId: string;
  name: string;
  organisation: string;
  organisationId: string;
  email: string;
  phone: string;
  role: string;
  standIn: StandInCard | null;
}

/**
 * Reads current contact details (kept up to date by the coordinators) for signals and matches.
 * Plain SQL on purpose: used from the api and the worker, without the administration module.
 */
@Injectable()
export class ContactDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async cards(professionalIds: string[]): Promise<Map<string, ContactCard>> {
    if (professionalIds.length === 0) return new Map();
    const found: (Omit<ContactCard, 'standIn'> &
      Partial<Record<'siId' | 'siName' | 'siEmail' | 'siPhone' | 'siUntil', string>>)[] = await rows(
      this.dataSource,
      sql`SELECT p.id AS "professionalId", p.name, o.name AS organisation, o.id AS "organisationId", p.email, p.phone, p.role,
                sp.id AS "siId", sp.name AS "siName", sp.email AS "siEmail", sp.phone AS "siPhone", si.ends_on::text AS "siUntil"
           FROM professionals p JOIN organisations o ON o.id = p.organisation_id
           LEFT JOIN ${standInsToday()} si ON si.professional_id = p.id
           LEFT JOIN professionals sp ON sp.id = si.stand_in_id
          WHERE p.id = ANY(${[...new Set(professionalIds)]}::uuid[])`,
    );
    return new Map(
      found.map(({ siId, siName, siEmail, siPhone, siUntil, ...card }) => [
        card.professionalId,
        {
          ...card,
          standIn: siId
            ? {
                professionalId: siId,
                name: siName ?? '',
                email: siEmail ?? '',
                phone: siPhone ?? '',
                until: siUntil ?? '',
              }
            : null,
        },
      ]),
    );
  }

  /** The active coordinators of these organisations. */
  async coordinators(organisationIds: string[]): Promise<Omit<ContactCard, 'standIn'>[]> {
    if (organisationIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT p.id AS "professionalId", p.name, o.name AS organisation, o.id AS "organisationId", p.email, p.phone, p.role
         FROM professionals p JOIN organisations o ON o.id = p.organisation_id
        WHERE p.organisation_id = ANY($1) AND p.role = 'coordinator' AND p.active ORDER BY o.name, p.name`,
      [[...new Set(organisationIds)]],
    );
  }

  /** The names of these organisations, by id. */
  async organisationNames(organisationIds: string[]): Promise<Map<string, string>> {
    if (organisationIds.length === 0) return new Map();
    const found = await rows<{ id: string; name: string }>(
      this.dataSource,
      sql`SELECT id, name FROM organisations WHERE id = ANY(${[...new Set(organisationIds)]}::uuid[])`,
    );
    return new Map(found.map((o) => [o.id, o.name]));
  }

  /** The organisations with an agreement with this college (connected or not), by name: to choose one from. */
  async organisationsOfCollege(municipalityCode: string): Promise<{ id: string; name: string; status: string }[]> {
    return rows<{ id: string; name: string; status: string }>(
      this.dataSource,
      sql`SELECT id, name, status FROM organisations WHERE municipality_code = ${municipalityCode} ORDER BY name, id`,
    );
  }
}
