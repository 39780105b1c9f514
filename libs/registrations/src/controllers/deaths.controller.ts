import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { RecordDeathCommand } from '../commands/record-death/record-death.command';
import { DeathRecordedView, RecordDeathDto } from '../commands/record-death/record-death.dto';

@ApiTags('Administratie: bewaartermijnen')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('deaths')
export class DeathsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Death notice: remove every registration and archive entry of the youth at once (Jw 7.1.4.5(2)(c))',
  })
  @ApiOkResponse({ type: DeathRecordedView })
  @ApiProblems(413, 422)
  record(@CurrentPrincipal() principal: Principal, @Body() body: RecordDeathDto): Promise<DeathRecordedView> {
    return this.commands.execute(new RecordDeathCommand(principal, body));
  }
}
