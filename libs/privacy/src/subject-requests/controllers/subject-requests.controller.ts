import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { AnswerSubjectRequestCommand } from '../commands/answer-subject-request/answer-subject-request.command';
import { AnswerSubjectRequestDto } from '../commands/answer-subject-request/answer-subject-request.dto';
import { RecordSubjectRequestCommand } from '../commands/record-subject-request/record-subject-request.command';
import { RecordSubjectRequestDto } from '../commands/record-subject-request/record-subject-request.dto';
import { UpdateSubjectRequestCommand } from '../commands/update-subject-request/update-subject-request.command';
import { UpdateSubjectRequestDto } from '../commands/update-subject-request/update-subject-request.dto';
import { GetSubjectRequestQuery } from '../queries/get-subject-request/get-subject-request.query';
import { ListSubjectRequestsQuery } from '../queries/list-subject-requests/list-subject-requests.query';
import { SubjectRequestAnswerView, SubjectRequestView } from '../subject-request.view';

@ApiTags('Administratie: rechten van betrokkenen')
@ApiBearerAuth()
@RequireScopes('admin', 'audit')
@Controller('subject-requests')
export class SubjectRequestsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a written request of the youth or the legal representative; due four weeks later (privacy protocol 4.3). 422 REQUESTER_NOT_ENTITLED when filed by someone the age rule does not name (Jw 7.1.5.1(2))',
  })
  @ApiCreatedResponse({ type: SubjectRequestView })
  @ApiProblems(409, 413, 422)
  record(@CurrentPrincipal() principal: Principal, @Body() body: RecordSubjectRequestDto): Promise<SubjectRequestView> {
    return this.commands.execute(new RecordSubjectRequestCommand(principal, body));
  }

  @Get()
  @ApiOperation({ summary: "The college's register of subject requests, open ones first by due date" })
  @ApiOkResponse({ type: [SubjectRequestView] })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal): Promise<SubjectRequestView[]> {
    return this.queries.execute(new ListSubjectRequestsQuery(principal));
  }

  @Get(':requestId')
  @ApiOkResponse({ type: SubjectRequestView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('requestId') id: string): Promise<SubjectRequestView> {
    return this.queries.execute(new GetSubjectRequestQuery(principal, id));
  }

  @Patch(':requestId')
  @ApiOperation({ summary: "When the reporter's advice was asked and received (Jw 7.1.5.2)" })
  @ApiOkResponse({ type: SubjectRequestView })
  @ApiProblems(404, 409, 413)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('requestId') id: string,
    @Body() body: UpdateSubjectRequestDto,
  ): Promise<SubjectRequestView> {
    return this.commands.execute(new UpdateSubjectRequestCommand(principal, id, body));
  }

  @Post(':requestId/answer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The college's decision, carried out: access returns what the index holds for the letter, erasure and objection remove without archiving. The youth is named again; nothing of it is stored",
  })
  @ApiOkResponse({ type: SubjectRequestAnswerView })
  @ApiProblems(404, 409, 413, 422)
  answer(
    @CurrentPrincipal() principal: Principal,
    @Param('requestId') id: string,
    @Body() body: AnswerSubjectRequestDto,
  ): Promise<SubjectRequestAnswerView> {
    return this.commands.execute(new AnswerSubjectRequestCommand(principal, id, body));
  }
}
