import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The address match (Jw 7.1.2.3(1)(d)): youths with active registrations who live at the same
 * residential address in the BRP — never an address of an institution designated under Wet BRP
 * 2.40(3)/(4), and only where the college of the address switched the match on.
 *
 * - `organisations.address_match` (organisations lib): the college's switch, on its gemeente
 *   organisation, off by default.
 * - `registration_addresses` (registrations lib): a verified registration's address as keyed hashes
 *   only — of the BAG id (`address_key`, what matches) and of postcode and house number
 *   (`place_key`, for the register's entries by postcode) — the municipality the address is in, and
 *   whether the register excludes it. Dropped with the registration.
 * - `address_exclusions` (registrations lib): the register of excluded addresses a college keeps (by
 *   BAG id, or postcode and house number: every address at that number), with the reason and who
 *   added it. An institution's address, not a person's: kept as such.
 * - Matches and signals admit the kind `address`.
 */
export class AddressMatch1767000000000 implements MigrationInterface {
  name = 'AddressMatch1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN address_match boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE registration_addresses (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id),
        address_key bytea NOT NULL CHECK (length(address_key) = 32),
        place_key bytea CHECK (length(place_key) = 32),
        key_version smallint NOT NULL,
        municipality_code char(4),
        excluded boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX registration_addresses_by_address ON registration_addresses (address_key)`);
    await q.query(`CREATE INDEX registration_addresses_by_place ON registration_addresses (place_key)`);
    await q.query(`
      CREATE TABLE address_exclusions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(4) NOT NULL,
        bag_id char(16) CHECK (bag_id ~ '^[0-9]{16}$'),
        postcode char(6) CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        house_number integer CHECK (house_number BETWEEN 1 AND 99999),
        reason varchar(200) NOT NULL CHECK (length(trim(reason)) > 0),
        added_at timestamptz NOT NULL DEFAULT ms_now(),
        added_by_professional_id uuid,
        added_by_credential_id uuid,
        CHECK ((bag_id IS NULL) <> (postcode IS NULL AND house_number IS NULL)),
        CHECK ((postcode IS NULL) = (house_number IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX address_exclusions_once_by_bag_id ON address_exclusions (municipality_code, bag_id) WHERE bag_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX address_exclusions_once_by_place ON address_exclusions (municipality_code, postcode, house_number) WHERE postcode IS NOT NULL`,
    );
    await q.query(`ALTER TABLE matches DROP CONSTRAINT matches_kind_check`);
    await q.query(
      `ALTER TABLE matches ADD CONSTRAINT matches_kind_check CHECK (kind IN ('same_youth', 'family', 'address'))`,
    );
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_match_kind_check`);
    await q.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_match_kind_check CHECK (match_kind IN ('same_youth', 'family', 'address'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM match_participants WHERE match_id IN (SELECT id FROM matches WHERE kind = 'address')`);
    await q.query(
      `DELETE FROM signal_deliveries WHERE signal_id IN (SELECT id FROM signals WHERE match_kind = 'address')`,
    );
    await q.query(`DELETE FROM signals WHERE match_kind = 'address'`);
    await q.query(`DELETE FROM matches WHERE kind = 'address'`);
    await q.query(`ALTER TABLE signals DROP CONSTRAINT signals_match_kind_check`);
    await q.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_match_kind_check CHECK (match_kind IN ('same_youth', 'family'))`,
    );
    await q.query(`ALTER TABLE matches DROP CONSTRAINT matches_kind_check`);
    await q.query(`ALTER TABLE matches ADD CONSTRAINT matches_kind_check CHECK (kind IN ('same_youth', 'family'))`);
    await q.query(`DROP TABLE address_exclusions`);
    await q.query(`DROP TABLE registration_addresses`);
    await q.query(`ALTER TABLE organisations DROP COLUMN address_match`);
  }
}
