import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { CreateOrganisationCommand } from '../commands/create-organisation/create-organisation.command';
import { CreateOrganisationDto } from '../commands/create-organisation/create-organisation.dto';
import { DisconnectOrganisationCommand } from '../commands/disconnect-organisation/disconnect-organisation.command';
import { UpdateOrganisationCommand } from '../commands/update-organisation/update-organisation.command';
import { UpdateOrganisationDto } from '../commands/update-organisation/update-organisation.dto';
import { GetOrganisationQuery } from '../queries/get-organisation/get-organisation.query';
import {
  ListOrganisationsParams,
  ListOrganisationsQuery,
} from '../queries/list-organisations/list-organisations.query';
import { OrganisationPage, OrganisationView } from '../views';

@ApiTags('Administratie: organisaties')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequireScopes('admin')
  @ApiOperation({ summary: 'Connect an organisation that has a written agreement with your college (Jw 7.1.3.1)' })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiProblems(409, 413, 422)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganisationDto): Promise<OrganisationView> {
    return this.commands.execute(new CreateOrganisationCommand(principal, body));
  }

  @Get()
  @ApiOperation({ summary: 'Organisations of your college (administrator) or your own organisation' })
  @ApiOkResponse({ type: OrganisationPage })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal, @Query() params: ListOrganisationsParams): Promise<OrganisationPage> {
    return this.queries.execute(new ListOrganisationsQuery(principal, params));
  }

  @Get(':organisationId')
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('organisationId') id: string): Promise<OrganisationView> {
    return this.queries.execute(new GetOrganisationQuery(principal, id));
  }

  @Patch(':organisationId')
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Change settings: agreement reference, breach address, webhook, follow-up deadlines (municipality)',
  })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems(404, 409, 413, 422)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.commands.execute(new UpdateOrganisationCommand(principal, id, body));
  }

  @Post(':organisationId/disconnection')
  @HttpCode(200)
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Disconnect an organisation',
    description:
      'Its credentials stop working at once. Its active registrations are removed (not archived) shortly after by the worker, ' +
      'which also closes or shrinks the matches they were part of. Disconnecting twice changes nothing.',
  })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems(404, 422)
  disconnect(@CurrentPrincipal() principal: Principal, @Param('organisationId') id: string): Promise<OrganisationView> {
    return this.commands.execute(new DisconnectOrganisationCommand(principal, id));
  }
}
