import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { AddIncidentUpdateCommand } from '../commands/add-incident-update/add-incident-update.command';
import { AddIncidentUpdateDto } from '../commands/add-incident-update/add-incident-update.dto';
import { RecordAuthorityDecisionCommand } from '../commands/record-authority-decision/record-authority-decision.command';
import { RecordAuthorityDecisionDto } from '../commands/record-authority-decision/record-authority-decision.dto';
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

  @Post(':incidentId/authority-decision')
  @HttpCode(200)
  @RequireScopes('admin', 'audit')
  @ApiOperation({
    summary:
      'The decision whether the Autoriteit Persoonsgegevens was notified (AVG 33: within 72 hours of discovery), once. 409 AUTHORITY_DECISION_RECORDED',
  })
  @ApiOkResponse({ type: IncidentView })
  @ApiProblems(404, 409, 413)
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('incidentId') id: string,
    @Body() body: RecordAuthorityDecisionDto,
  ): Promise<IncidentView> {
    return this.commands.execute(new RecordAuthorityDecisionCommand(principal, id, body));
  }

  @Post(':incidentId/updates')
  @RequireScopes('admin', 'audit')
  @ApiOperation({
    summary:
      'An update every partner is e-mailed (privacy protocol 8.3): what is new and the measures taken; closes: true ends the incident. 409 INCIDENT_CLOSED',
  })
  @ApiCreatedResponse({ type: IncidentView })
  @ApiProblems(404, 409, 413)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('incidentId') id: string,
    @Body() body: AddIncidentUpdateDto,
  ): Promise<IncidentView> {
    return this.commands.execute(new AddIncidentUpdateCommand(principal, id, body));
  }
}
