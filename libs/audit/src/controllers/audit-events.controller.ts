import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import {
  AuditEventPage,
  AuditEventsParams,
  ListAuditEventsQuery,
} from '../queries/list-audit-events/list-audit-events.query';

@ApiTags('Administratie: logboek')
@ApiBearerAuth()
@RequireScopes('admin', 'audit')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "The college's audit log (logboek, Jw 7.1.2.3(1)(f)): who registered, withdrew, received or read what, and when. " +
      'The whole log with scope audit (the privacy officer); with admin alone only administrative events',
  })
  @ApiOkResponse({ type: AuditEventPage })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal, @Query() params: AuditEventsParams): Promise<AuditEventPage> {
    return this.queries.execute(new ListAuditEventsQuery(principal, params));
  }
}
