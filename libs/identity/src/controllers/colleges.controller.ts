import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { ConnectCollegeCommand, ConnectedCollegeView } from '../commands/connect-college/connect-college.command';
import { ConnectCollegeDto } from '../commands/connect-college/connect-college.dto';

@ApiTags('Beheer van de regio')
@ApiBearerAuth()
@Controller('colleges')
export class CollegesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequireScopes('operator')
  @ApiOperation({
    summary:
      "Connect a college to the regional deployment (operator only: the installation's key): its municipality organisation and a mailed invitation for its first administrator",
  })
  @ApiCreatedResponse({ type: ConnectedCollegeView })
  @ApiProblems(403, 409, 503)
  connect(@CurrentPrincipal() principal: Principal, @Body() body: ConnectCollegeDto): Promise<ConnectedCollegeView> {
    return this.commands.execute(new ConnectCollegeCommand(principal, body));
  }
}
