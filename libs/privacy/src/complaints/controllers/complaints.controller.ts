import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { RecordComplaintCommand } from '../commands/record-complaint/record-complaint.command';
import { RecordComplaintDto } from '../commands/record-complaint/record-complaint.dto';
import { UpdateComplaintCommand } from '../commands/update-complaint/update-complaint.command';
import { UpdateComplaintDto } from '../commands/update-complaint/update-complaint.dto';
import { ComplaintsSummaryView, ComplaintView } from '../complaint.view';
import { GetComplaintQuery } from '../queries/get-complaint/get-complaint.query';
import { ListComplaintsQuery } from '../queries/list-complaints/list-complaints.query';
import {
  ComplaintsSummaryParams,
  SummariseComplaintsQuery,
} from '../queries/summarise-complaints/summarise-complaints.query';

@ApiTags('Administratie: klachten')
@ApiBearerAuth()
@RequireScopes('admin', 'audit')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a written complaint of the person concerned or the legal representative (privacy protocol art. 5); the response is due six weeks later. Categories and dates only, no text',
  })
  @ApiCreatedResponse({ type: ComplaintView })
  @ApiProblems(409, 413, 422)
  record(@CurrentPrincipal() principal: Principal, @Body() body: RecordComplaintDto): Promise<ComplaintView> {
    return this.commands.execute(new RecordComplaintCommand(principal, body));
  }

  @Get()
  @ApiOperation({ summary: "The college's register of complaints, open ones first by due date" })
  @ApiOkResponse({ type: [ComplaintView] })
  @ApiProblems()
  list(@CurrentPrincipal() principal: Principal): Promise<ComplaintView[]> {
    return this.queries.execute(new ListComplaintsQuery(principal));
  }

  @Get('summary')
  @ApiOperation({ summary: 'A year\'s complaints in counts for the yearly evaluation (covenant 6.2); 1–4 as "<5"' })
  @ApiOkResponse({ type: ComplaintsSummaryView })
  @ApiProblems()
  summary(
    @CurrentPrincipal() principal: Principal,
    @Query() params: ComplaintsSummaryParams,
  ): Promise<ComplaintsSummaryView> {
    return this.queries.execute(new SummariseComplaintsQuery(principal, params));
  }

  @Get(':complaintId')
  @ApiOkResponse({ type: ComplaintView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('complaintId') id: string): Promise<ComplaintView> {
    return this.queries.execute(new GetComplaintQuery(principal, id));
  }

  @Patch(':complaintId')
  @ApiOperation({
    summary:
      "Forwarded to the partner's own procedure (5.2), or the written response sent with its outcome (5.3), which closes it. 409 COMPLAINT_CLOSED after the response",
  })
  @ApiOkResponse({ type: ComplaintView })
  @ApiProblems(404, 409, 413)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('complaintId') id: string,
    @Body() body: UpdateComplaintDto,
  ): Promise<ComplaintView> {
    return this.commands.execute(new UpdateComplaintCommand(principal, id, body));
  }
}
