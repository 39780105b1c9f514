import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of excluded addresses is looked up by address for every registration with one (by
 * BAG id, or by postcode and house number, in whichever college): its unique indexes now lead by the
 * address, so that lookup is an index probe; each entry is still once per college. Owned by the
 * registrations lib.
 */
export class AddressExclusionLookup1767100000000 implements MigrationInterface {
  name = 'AddressExclusionLookup1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await this.replace(q, '(bag_id, municipality_code)', '(postcode, house_number, municipality_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.replace(q, '(municipality_code, bag_id)', '(municipality_code, postcode, house_number)');
  }

  private async replace(q: QueryRunner, byBagId: string, byPlace: string): Promise<void> {
    await q.query(`DROP INDEX address_exclusions_once_by_bag_id`);
    await q.query(`DROP INDEX address_exclusions_once_by_place`);
    await q.query(
      `CREATE UNIQUE INDEX address_exclusions_once_by_bag_id ON address_exclusions ${byBagId} WHERE bag_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX address_exclusions_once_by_place ON address_exclusions ${byPlace} WHERE postcode IS NOT NULL`,
    );
  }
}
