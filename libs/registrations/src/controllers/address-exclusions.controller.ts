import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { AddressExclusionListView, AddressExclusionView } from '../address-exclusions';
import { AddAddressExclusionCommand } from '../commands/add-address-exclusion/add-address-exclusion.command';
import { AddAddressExclusionDto } from '../commands/add-address-exclusion/add-address-exclusion.dto';
import {
  AddressExclusionImportView,
  ImportAddressExclusionsCommand,
  ImportAddressExclusionsDto,
} from '../commands/import-address-exclusions/import-address-exclusions.command';
import { RemoveAddressExclusionCommand } from '../commands/remove-address-exclusion/remove-address-exclusion.command';
import { ListAddressExclusionsQuery } from '../queries/list-address-exclusions/list-address-exclusions.query';

@ApiTags('Administratie: uitgesloten adressen')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller()
export class AddressExclusionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('address-exclusions')
  @ApiOperation({
    summary:
      "The college's register of excluded addresses (Wet BRP 2.40(3)/(4)): never matched on by the address match",
  })
  @ApiOkResponse({ type: AddressExclusionListView })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal): Promise<AddressExclusionListView> {
    return this.queries.execute(new ListAddressExclusionsQuery(principal));
  }

  @Post('address-exclusions')
  @ApiOperation({
    summary:
      'Exclude an address, by BAG id or by postcode and house number (every address at that number), with a reason',
  })
  @ApiCreatedResponse({ type: AddressExclusionView })
  @ApiProblems(400, 409, 413)
  add(@CurrentPrincipal() principal: Principal, @Body() body: AddAddressExclusionDto): Promise<AddressExclusionView> {
    return this.commands.execute(new AddAddressExclusionCommand(principal, body));
  }

  @Delete('address-exclusions/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Take an address off the register: registrations there take part in the address match again',
  })
  @ApiNoContentResponse()
  @ApiProblems(404)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.commands.execute(new RemoveAddressExclusionCommand(principal, id));
  }

  @Post('address-exclusion-imports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exclude the addresses of a CSV file: every good row in one transaction, each refused row with its reasons',
    description:
      'A file that cannot be read (no header, a column missing, more than 1000 addresses) is refused as a whole with 400 ' +
      '(CSV_UNREADABLE, CSV_COLUMNS_MISSING, CSV_TOO_MANY_ROWS). With dryRun the rows are only checked.',
  })
  @ApiOkResponse({ type: AddressExclusionImportView })
  @ApiProblems(400, 413)
  import(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ImportAddressExclusionsDto,
  ): Promise<AddressExclusionImportView> {
    return this.commands.execute(new ImportAddressExclusionsCommand(principal, body));
  }
}
