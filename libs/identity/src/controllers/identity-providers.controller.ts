import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { RemoveIdentityProviderCommand } from '../commands/remove-identity-provider/remove-identity-provider.command';
import { SetIdentityProviderCommand } from '../commands/set-identity-provider/set-identity-provider.command';
import {
  IdentityProviderView,
  SetIdentityProviderDto,
} from '../commands/set-identity-provider/set-identity-provider.dto';
import { GetIdentityProviderQuery } from '../queries/get-identity-provider/get-identity-provider.query';

@ApiTags('Administratie: personen')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('organisations/:organisationId/identity-provider')
export class IdentityProvidersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @ApiOperation({ summary: "Connect the organisation's own OpenID Connect provider: its people log in through it" })
  @ApiOkResponse({ type: IdentityProviderView })
  @ApiProblems(404, 413, 422)
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Body() body: SetIdentityProviderDto,
  ): Promise<IdentityProviderView> {
    return this.commands.execute(new SetIdentityProviderCommand(principal, organisationId, body));
  }

  @Get()
  @ApiOperation({ summary: "The organisation's identity provider (never its client secret)" })
  @ApiOkResponse({ type: IdentityProviderView })
  @ApiProblems(404)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
  ): Promise<IdentityProviderView> {
    return this.queries.execute(new GetIdentityProviderQuery(principal, organisationId));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Disconnect the identity provider: its people log in with built-in accounts again' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveIdentityProviderCommand(principal, organisationId));
  }
}
