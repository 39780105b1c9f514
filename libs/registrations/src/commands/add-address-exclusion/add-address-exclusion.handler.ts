import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { ConflictError } from '@vir/common';
import { DataSource } from 'typeorm';
import { AddressExclusions, AddressExclusionView } from '../../address-exclusions';
import { AddAddressExclusionCommand } from './add-address-exclusion.command';
import { exclusionEntry } from './add-address-exclusion.dto';

/** Adds an address to the college's register; from then on no address match is made on it, and the open ones take no one new. */
@CommandHandler(AddAddressExclusionCommand)
export class AddAddressExclusionHandler implements ICommandHandler<AddAddressExclusionCommand, AddressExclusionView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: AddressExclusions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, input }: AddAddressExclusionCommand): Promise<AddressExclusionView> {
    const entry = exclusionEntry(input);
    return this.dataSource.transaction(async (manager) => {
      const [id] = await this.register.add(manager, principal, [entry]);
      if (!id)
        throw new ConflictError(
          'ADDRESS_ALREADY_EXCLUDED',
          'Address already excluded',
          'The register of this college already holds this address.',
          entry.bagId ? 'bagId' : 'postcode',
        );
      await this.audit.record(manager, {
        action: 'address-exclusion.added',
        objectType: 'address_exclusion',
        objectId: id,
        actor: actorOf(principal),
        details: { by: entry.bagId ? 'bag_id' : 'postcode_house_number' },
      });
      const [view] = await this.register.list(manager, principal.municipalityCode, id);
      return view;
    });
  }
}
