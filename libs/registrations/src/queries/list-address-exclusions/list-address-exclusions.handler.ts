import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AddressExclusionListView, AddressExclusions } from '../../address-exclusions';
import { ListAddressExclusionsQuery } from './list-address-exclusions.query';

/** The college's register of excluded addresses, by postcode, with who added each entry. */
@QueryHandler(ListAddressExclusionsQuery)
export class ListAddressExclusionsHandler implements IQueryHandler<
  ListAddressExclusionsQuery,
  AddressExclusionListView
> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: AddressExclusions,
  ) {}

  async execute({ principal }: ListAddressExclusionsQuery): Promise<AddressExclusionListView> {
    return { items: await this.register.list(this.dataSource.manager, principal.municipalityCode) };
  }
}
