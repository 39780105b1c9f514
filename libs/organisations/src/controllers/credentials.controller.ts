import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems, PageQueryDto } from '@vir/common';
import { IssueCredentialCommand } from '../commands/issue-credential/issue-credential.command';
import { IssueCredentialDto } from '../commands/issue-credential/issue-credential.dto';
import { RevokeCredentialCommand } from '../commands/revoke-credential/revoke-credential.command';
import { ListCredentialsQuery } from '../queries/list-credentials/list-credentials.query';
import { CredentialPage, IssuedCredentialView } from '../views';

@ApiTags('Administratie: sleutels')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('organisations/:organisationId/credentials')
export class CredentialsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Issue a credential; the secret is shown only in this response' })
  @ApiCreatedResponse({ type: IssuedCredentialView })
  @ApiProblems(404, 409, 413, 422)
  issue(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Body() body: IssueCredentialDto,
  ): Promise<IssuedCredentialView> {
    return this.commands.execute(new IssueCredentialCommand(principal, organisationId, body));
  }

  @Get()
  @ApiOperation({ summary: "The organisation's credentials (never their secrets)" })
  @ApiOkResponse({ type: CredentialPage })
  @ApiProblems(404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Query() params: PageQueryDto,
  ): Promise<CredentialPage> {
    return this.queries.execute(new ListCredentialsQuery(principal, organisationId, params));
  }

  @Delete(':credentialId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a credential with immediate effect' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('credentialId') credentialId: string,
  ): Promise<void> {
    await this.commands.execute(new RevokeCredentialCommand(principal, organisationId, credentialId));
  }
}
