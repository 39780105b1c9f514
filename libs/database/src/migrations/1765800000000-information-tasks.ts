import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The information task of a registration (Jw 7.1.5.1(1), AVG 14): whom to inform, by when, and
 * whether that was done or postponed on a ground of AVG 14(5) until a re-check. Registrations made
 * before this version have no task (inform_target NULL).
 */
export class InformationTasks1765800000000 implements MigrationInterface {
  name = 'InformationTasks1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE registrations
         ADD COLUMN inform_target varchar(40) CHECK (inform_target IN ('legal_representative','youth_and_legal_representative','youth')),
         ADD COLUMN inform_due_on date,
         ADD COLUMN informed_on date,
         ADD COLUMN inform_deferral_ground varchar(40),
         ADD COLUMN inform_recheck_on date,
         ADD CONSTRAINT registrations_information_task CHECK (
           (inform_deferral_ground IS NULL) = (inform_recheck_on IS NULL)
           AND NOT (informed_on IS NOT NULL AND inform_deferral_ground IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE registrations DROP CONSTRAINT registrations_information_task, DROP COLUMN inform_recheck_on,
         DROP COLUMN inform_deferral_ground, DROP COLUMN informed_on, DROP COLUMN inform_due_on, DROP COLUMN inform_target`,
    );
  }
}
