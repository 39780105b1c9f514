import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import {
  DeliveryPage,
  ListWebhookDeliveriesParams,
  ListWebhookDeliveriesQuery,
} from '../queries/list-deliveries/list-deliveries.query';

import { TestWebhookCommand, WebhookTestView } from '../commands/test-webhook/test-webhook.command';

/** The deliveries of an organisation's signals, for its administrator (under the organisation's path). */
@ApiTags('Administratie: organisaties')
@ApiBearerAuth()
@Controller('organisations')
export class DeliveriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Post(':organisationId/webhook-test')
  @HttpCode(200)
  @RequireScopes('admin')
  @ApiOperation({
    summary:
      'Send the webhook a signed test CloudEvent (type nl.verwijsindex.webhook-test) now and report its answer; nothing is retried',
  })
  @ApiOkResponse({ type: WebhookTestView })
  @ApiProblems(404, 422)
  testWebhook(@CurrentPrincipal() principal: Principal, @Param('organisationId') id: string): Promise<WebhookTestView> {
    return this.commands.execute(new TestWebhookCommand(principal, id));
  }

  @Get(':organisationId/deliveries')
  @RequireScopes('admin')
  @ApiOperation({
    summary: "E-mail and webhook deliveries of the organisation's signals; `status=dead` lists the dead letters",
  })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiProblems(404)
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') id: string,
    @Query() params: ListWebhookDeliveriesParams,
  ): Promise<DeliveryPage> {
    return this.queries.execute(new ListWebhookDeliveriesQuery(principal, id, params));
  }
}
