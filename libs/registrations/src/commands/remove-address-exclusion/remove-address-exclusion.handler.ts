import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { isUuid, NotFoundError } from '@vir/common';
import { DataSource } from 'typeorm';
import { AddressExclusions } from '../../address-exclusions';
import { RemoveAddressExclusionCommand } from './remove-address-exclusion.command';

/** Takes an address off the college's register: registrations there take part in the address match again. */
@CommandHandler(RemoveAddressExclusionCommand)
export class RemoveAddressExclusionHandler implements ICommandHandler<RemoveAddressExclusionCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: AddressExclusions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, id }: RemoveAddressExclusionCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!isUuid(id) || !(await this.register.remove(manager, principal.municipalityCode, id)))
        throw new NotFoundError('ADDRESS_EXCLUSION_NOT_FOUND', 'Address exclusion');
      await this.audit.record(manager, {
        action: 'address-exclusion.removed',
        objectType: 'address_exclusion',
        objectId: id,
        actor: actorOf(principal),
      });
    });
  }
}
