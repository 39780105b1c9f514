import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Identification and contact details of a designated person, as a signal may show them (Jw 7.1.4.3(2)). */
export interface ContactCard {
  professionalId: string;
  name: string;
  organisation: string;
  organisationId: string;
  email: string;
  phone: string;
  role: string;
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
    const rows: ContactCard[] = await this.dataSource.query(
      `SELECT p.id AS "professionalId", p.name, o.name AS organisation, o.id AS "organisationId", p.email, p.phone, p.role
         FROM professionals p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ANY($1)`,
      [[...new Set(professionalIds)]],
    );
    return new Map(rows.map((row) => [row.professionalId, row]));
  }

  /** The active coordinators of these organisations. */
  async coordinators(organisationIds: string[]): Promise<ContactCard[]> {
    if (organisationIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT p.id AS "professionalId", p.name, o.name AS organisation, o.id AS "organisationId", p.email, p.phone, p.role
         FROM professionals p JOIN organisations o ON o.id = p.organisation_id
        WHERE p.organisation_id = ANY($1) AND p.role = 'coordinator' AND p.active ORDER BY o.name, p.name`,
      [[...new Set(organisationIds)]],
    );
  }
}
