import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { SendInvitationCommand, SentInvitationView } from '../commands/send-invitation/send-invitation.command';

@ApiTags('Administratie: personen')
@ApiBearerAuth()
@Controller('organisations/:organisationId/professionals/:professionalId/invitation')
export class InvitationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @RequireScopes('admin', 'contact-details')
  @ApiOperation({
    summary:
      'Mail the person a one-time link to the portal, to set a password and TOTP (first login, or a reset that ends the old ones)',
  })
  @ApiAcceptedResponse({ type: SentInvitationView })
  @ApiProblems(404, 503)
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
  ): Promise<SentInvitationView> {
    return this.commands.execute(new SendInvitationCommand(principal, organisationId, professionalId));
  }
}
