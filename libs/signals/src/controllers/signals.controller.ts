import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { AcknowledgeSignalCommand } from '../commands/acknowledge-signal/acknowledge-signal.command';
import { GetSignalQuery } from '../queries/get-signal/get-signal.query';
import { ListSignalsParams, ListSignalsQuery } from '../queries/list-signals/list-signals.query';
import { SignalPage, SignalView } from '../signal-view';

@ApiTags('Signalen')
@ApiBearerAuth()
@RequireScopes('signals', 'follow-up')
@Controller('signals')
export class SignalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's signals, newest first" })
  @ApiOkResponse({ type: SignalPage })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal, @Query() params: ListSignalsParams): Promise<SignalPage> {
    return this.queries.execute(new ListSignalsQuery(principal, params));
  }

  @Get(':signalId')
  @ApiOperation({ summary: 'One signal (reading it is recorded in the audit log; it stays unread until acknowledged)' })
  @ApiOkResponse({ type: SignalView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('signalId') id: string): Promise<SignalView> {
    return this.queries.execute(new GetSignalQuery(principal, id));
  }

  @Post(':signalId/acknowledgement')
  @HttpCode(200)
  @ApiOperation({ summary: 'The recipient has seen the signal and will act; repeating it changes nothing' })
  @ApiOkResponse({ type: SignalView })
  @ApiProblems(404)
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('signalId') id: string): Promise<SignalView> {
    return this.commands.execute(new AcknowledgeSignalCommand(principal, id));
  }
}
