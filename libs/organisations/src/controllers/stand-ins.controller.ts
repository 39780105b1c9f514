import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { EndStandInCommand } from '../commands/end-stand-in/end-stand-in.command';
import { SetStandInCommand } from '../commands/set-stand-in/set-stand-in.command';
import { SetStandInDto } from '../commands/set-stand-in/set-stand-in.dto';
import { GetStandInQuery } from '../queries/get-stand-in/get-stand-in.query';
import { StandInView } from '../views';

@ApiTags('Administratie: medewerkers')
@ApiBearerAuth()
@Controller('organisations/:organisationId/professionals/:professionalId/stand-in')
export class StandInsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @RequireScopes('admin', 'contact-details')
  @ApiOperation({
    summary:
      "Set a stand-in (vervanger) for a period: the person's new signals also go to the colleague, who may act on the person's matches",
  })
  @ApiOkResponse({ type: StandInView })
  @ApiProblems(403, 404, 409, 422)
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
    @Body() body: SetStandInDto,
  ): Promise<StandInView> {
    return this.commands.execute(new SetStandInCommand(principal, organisationId, professionalId, body));
  }

  @Get()
  @ApiOperation({ summary: "The person's stand-in and its period" })
  @ApiOkResponse({ type: StandInView })
  @ApiProblems(404)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
  ): Promise<StandInView> {
    return this.queries.execute(new GetStandInQuery(principal, organisationId, professionalId));
  }

  @Delete()
  @HttpCode(204)
  @RequireScopes('admin', 'contact-details')
  @ApiOperation({ summary: 'End the stand-in now' })
  @ApiNoContentResponse()
  @ApiProblems(403, 404)
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
  ): Promise<void> {
    await this.commands.execute(new EndStandInCommand(principal, organisationId, professionalId));
  }
}
