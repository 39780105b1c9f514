import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import {
  DeliveryPage,
  ListWebhookDeliveriesParams,
  ListWebhookDeliveriesQuery,
} from '../queries/list-deliveries/list-deliveries.query';

/** The deliveries of an organisation's signals, for its administrator (under the organisation's path). */
@ApiTags('Administratie: organisaties')
@ApiBearerAuth()
@Controller('organisations')
export class DeliveriesController {
  constructor(private readonly queries: QueryBus) {}

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
