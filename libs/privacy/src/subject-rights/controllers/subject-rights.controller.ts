import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { EraseYouthCommand } from '../commands/erase-youth/erase-youth.command';
import { SubjectErasureDto } from '../commands/erase-youth/erase-youth.dto';
import {
  AnswerSubjectAccessQuery,
  SubjectAccessDto,
} from '../queries/answer-subject-access/answer-subject-access.query';
import { SubjectAccessView, SubjectErasureView } from '../subject-rights.view';

@ApiTags('Administratie: rechten van betrokkenen')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller()
export class SubjectRightsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('subject-access-requests')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What the index holds about one youth: registrations, archive entries, signals (AVG 15, Jw 7.1.2.3(1)(i))',
  })
  @ApiOkResponse({ type: SubjectAccessView })
  @ApiProblems(413, 422)
  access(@CurrentPrincipal() principal: Principal, @Body() body: SubjectAccessDto): Promise<SubjectAccessView> {
    return this.queries.execute(new AnswerSubjectAccessQuery(principal, body.youth));
  }

  @Post('subject-erasures')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erasure or objection decided by the college: remove without archiving (AVG 17, 21)' })
  @ApiOkResponse({ type: SubjectErasureView })
  @ApiProblems(413, 422)
  erase(@CurrentPrincipal() principal: Principal, @Body() body: SubjectErasureDto): Promise<SubjectErasureView> {
    return this.commands.execute(new EraseYouthCommand(principal, body));
  }
}
