import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { ReportIncidentCommand } from '../commands/report-incident/report-incident.command';
import { ReportIncidentDto } from '../commands/report-incident/report-incident.dto';
import { IncidentView } from '../incident.view';
import { GetIncidentQuery } from '../queries/get-incident/get-incident.query';

@ApiTags('Administratie: beveiligingsincidenten')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Report a data breach: every connected organisation's breach address is e-mailed (privacy protocol art. 8)",
  })
  @ApiCreatedResponse({ type: IncidentView })
  @ApiProblems(413)
  report(@CurrentPrincipal() principal: Principal, @Body() body: ReportIncidentDto): Promise<IncidentView> {
    return this.commands.execute(new ReportIncidentCommand(principal, body));
  }

  @Get(':incidentId')
  @ApiOperation({
    summary: 'An incident with the time each organisation was notified (to show the 24-hour duty was met)',
  })
  @ApiOkResponse({ type: IncidentView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('incidentId') id: string): Promise<IncidentView> {
    return this.queries.execute(new GetIncidentQuery(principal, id));
  }
}
