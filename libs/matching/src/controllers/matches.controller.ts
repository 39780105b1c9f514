import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { ChooseLeadCommand } from '../commands/choose-lead/choose-lead.command';
import { ConfirmContactCommand } from '../commands/confirm-contact/confirm-contact.command';
import { ConfirmContactDto } from '../commands/confirm-contact/confirm-contact.dto';
import { ProfessionalRefDto } from '../commands/professional-ref.dto';
import { RecordEscalationActionCommand } from '../commands/record-escalation-action/record-escalation-action.command';
import { RecordEscalationActionDto } from '../commands/record-escalation-action/record-escalation-action.dto';
import { MatchPage, MatchView } from '../match-view';
import { GetMatchQuery } from '../queries/get-match/get-match.query';
import { ListMatchesParams, ListMatchesQuery } from '../queries/list-matches/list-matches.query';

@ApiTags('Matches en opvolging')
@ApiBearerAuth()
@Controller('matches')
export class MatchesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @RequireScopes('follow-up', 'signals')
  @ApiOperation({ summary: 'Matches you take part in, or — as follow-up officer — that your gemeente follows up' })
  @ApiOkResponse({ type: MatchPage })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal, @Query() params: ListMatchesParams): Promise<MatchPage> {
    return this.queries.execute(new ListMatchesQuery(principal, params));
  }

  @Get(':matchId')
  @RequireScopes('follow-up', 'signals')
  @ApiOperation({ summary: 'Participants, lead and follow-up state of one match; nothing about the youth' })
  @ApiOkResponse({ type: MatchView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('matchId') id: string): Promise<MatchView> {
    return this.queries.execute(new GetMatchQuery(principal, id));
  }

  @Post(':matchId/contact-confirmation')
  @HttpCode(200)
  @RequireScopes('signals')
  @ApiOperation({
    summary: '"I have been in touch with the others" — by a participating professional of your organisation',
  })
  @ApiOkResponse({ type: MatchView })
  @ApiProblems(404, 409, 422)
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('matchId') id: string,
    @Body() body: ConfirmContactDto,
  ): Promise<MatchView> {
    return this.commands.execute(new ConfirmContactCommand(principal, id, body.professionalId, body.outcome));
  }

  @Post(':matchId/lead')
  @HttpCode(200)
  @RequireScopes('signals', 'follow-up')
  @ApiOperation({ summary: 'Choose who coordinates the help (one family, one plan, one coordinator)' })
  @ApiOkResponse({ type: MatchView })
  @ApiProblems(404, 409, 422)
  lead(
    @CurrentPrincipal() principal: Principal,
    @Param('matchId') id: string,
    @Body() body: ProfessionalRefDto,
  ): Promise<MatchView> {
    return this.commands.execute(new ChooseLeadCommand(principal, id, body.professionalId));
  }

  @Post(':matchId/escalation-actions')
  @HttpCode(201)
  @RequireScopes('follow-up')
  @ApiOperation({
    summary:
      'The follow-up officer records handling an escalated match: whom they contacted, and resolved or looked at again on a day',
  })
  @ApiCreatedResponse({ type: MatchView })
  @ApiProblems(404, 409, 422)
  handleEscalation(
    @CurrentPrincipal() principal: Principal,
    @Param('matchId') id: string,
    @Body() body: RecordEscalationActionDto,
  ): Promise<MatchView> {
    return this.commands.execute(new RecordEscalationActionCommand(principal, id, body));
  }
}
