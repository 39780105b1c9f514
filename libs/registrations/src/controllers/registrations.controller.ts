import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import type { FastifyReply } from 'fastify';
import { RecordInformationCommand } from '../commands/record-information/record-information.command';
import { RecordInformationDto } from '../commands/record-information/record-information.dto';
import { RegisterYouthCommand } from '../commands/register-youth/register-youth.command';
import { RegisterYouthDto } from '../commands/register-youth/register-youth.dto';
import type { RegistrationResult } from '../commands/register-youth/register-youth.handler';
import { WithdrawRegistrationCommand } from '../commands/withdraw-registration/withdraw-registration.command';
import { WithdrawRegistrationDto } from '../commands/withdraw-registration/withdraw-registration.dto';
import { GetRegistrationQuery } from '../queries/get-registration/get-registration.query';
import {
  ListRegistrationsParams,
  ListRegistrationsQuery,
} from '../queries/list-registrations/list-registrations.query';
import { RegistrationPage, RegistrationReceiptView, RegistrationView } from '../views';

@ApiTags('Meldingen')
@ApiBearerAuth()
@RequireScopes('registrations')
@Controller('registrations')
export class RegistrationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register that a professional of your organisation is involved with a young person (melding)',
    description:
      'No case content: the body is closed, and any other field is refused. The answer is the same whether or not anyone ' +
      'else registered this youth; matches are reported only through signals. Registering the same youth again for the ' +
      'same professional while the registration is active answers 200 with the existing registration.',
  })
  @ApiCreatedResponse({ type: RegistrationReceiptView, description: 'Registered.' })
  @ApiOkResponse({
    type: RegistrationReceiptView,
    description: 'This professional already had an active registration of this youth.',
  })
  @ApiProblems(413, 422, 503)
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterYouthDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result: RegistrationResult = await this.commands.execute(new RegisterYouthCommand(principal, body));
    await reply.status(result.created ? 201 : 200).send(result.view);
  }

  @Get()
  @ApiOperation({ summary: "Your organisation's registrations" })
  @ApiOkResponse({ type: RegistrationPage })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal, @Query() params: ListRegistrationsParams): Promise<RegistrationPage> {
    return this.queries.execute(new ListRegistrationsQuery(principal, params));
  }

  @Get(':registrationId')
  @ApiOperation({ summary: 'One registration of your organisation' })
  @ApiOkResponse({ type: RegistrationView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('registrationId') id: string): Promise<RegistrationView> {
    return this.queries.execute(new GetRegistrationQuery(principal, id));
  }

  @Post(':registrationId/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a registration: the risk is gone, or it was not justified (Jw 7.1.4.5(1))' })
  @ApiOkResponse({ type: RegistrationView })
  @ApiProblems(404, 409, 422)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('registrationId') id: string,
    @Body() body: WithdrawRegistrationDto,
  ): Promise<RegistrationView> {
    return this.commands.execute(new WithdrawRegistrationCommand(principal, id, body));
  }

  @Put(':registrationId/information-task')
  @ApiOperation({
    summary:
      'Record the information task: the youth or legal representative was informed (Jw 7.1.5.1(1)), or it waits on an AVG 14(5) ground until a re-check',
  })
  @ApiOkResponse({ type: RegistrationView })
  @ApiProblems(404, 409, 422)
  recordInformation(
    @CurrentPrincipal() principal: Principal,
    @Param('registrationId') id: string,
    @Body() body: RecordInformationDto,
  ): Promise<RegistrationView> {
    return this.commands.execute(new RecordInformationCommand(principal, id, body));
  }
}
