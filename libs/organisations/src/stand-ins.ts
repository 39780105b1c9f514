import { Injectable } from '@nestjs/common';
import { databaseNow, rows, sql, type Sql } from '@vir/database';
import { DataSource, EntityManager } from 'typeorm';
import { StandInView } from './views';

/** Today in the Netherlands, as the database sees it: a stand-in's period is in Dutch calendar days. */
const todayInDatabase = sql`(${databaseNow} AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * The stand-ins (vervangers) whose period includes today, as a from-item of (professional_id,
 * stand_in_id, ends_on): only active colleagues, so a stand-in who left stops receiving at once.
 */
export function standInsToday(): Sql {
  return sql`(SELECT si.professional_id, si.stand_in_id, si.ends_on FROM stand_ins si
                JOIN professionals sp ON sp.id = si.stand_in_id AND sp.active
               WHERE si.starts_on <= ${todayInDatabase} AND si.ends_on >= ${todayInDatabase})`;
}

interface StandInRow {
  professional_id: string;
  stand_in_id: string;
  starts_on: string;
  ends_on: string;
  active: boolean;
  name: string;
  email: string;
  phone: string;
}

/** Reads and writes the one stand-in a designated person may have at a time. */
@Injectable()
export class StandIns {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    professionalId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StandInView | undefined> {
    const [row] = await rows<StandInRow>(
      manager,
      sql`SELECT si.professional_id, si.stand_in_id, si.starts_on::text, si.ends_on::text,
                 EXISTS (SELECT 1 FROM ${standInsToday()} t WHERE t.professional_id = si.professional_id) AS active,
                 sp.name, sp.email, sp.phone
            FROM stand_ins si JOIN professionals sp ON sp.id = si.stand_in_id
           WHERE si.professional_id = ${professionalId}`,
    );
    return row ? view(row) : undefined;
  }

  /** Sets (or replaces) the person's stand-in. */
  async set(
    manager: EntityManager,
    professionalId: string,
    standInId: string,
    from: string,
    until: string,
  ): Promise<StandInView> {
    await rows(
      manager,
      sql`INSERT INTO stand_ins (professional_id, stand_in_id, starts_on, ends_on)
          VALUES (${professionalId}, ${standInId}, ${from}::date, ${until}::date)
          ON CONFLICT (professional_id) DO UPDATE
             SET stand_in_id = EXCLUDED.stand_in_id, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, created_at = ${databaseNow}`,
    );
    return (await this.find(professionalId, manager)) as StandInView;
  }

  /** Ends the person's stand-in; false when there was none. */
  async end(manager: EntityManager, professionalId: string): Promise<boolean> {
    const ended = await rows(manager, sql`DELETE FROM stand_ins WHERE professional_id = ${professionalId} RETURNING 1`);
    return ended.length > 0;
  }

  /** A leaver neither has nor is a stand-in any more; returns how many arrangements ended. */
  async endAllOf(manager: EntityManager, professionalId: string): Promise<number> {
    const ended = await rows(
      manager,
      sql`DELETE FROM stand_ins WHERE professional_id = ${professionalId} OR stand_in_id = ${professionalId} RETURNING 1`,
    );
    return ended.length;
  }
}

function view(row: StandInRow): StandInView {
  return {
    professionalId: row.professional_id,
    standIn: { professionalId: row.stand_in_id, name: row.name, email: row.email, phone: row.phone },
    from: row.starts_on,
    until: row.ends_on,
    active: row.active,
  };
}
