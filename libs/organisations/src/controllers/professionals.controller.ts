import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import { AddProfessionalCommand } from '../commands/add-professional/add-professional.command';
import { ConfirmContactDetailsCommand } from '../commands/confirm-contact-details/confirm-contact-details.command';
import { AddProfessionalDto, UpdateContactDetailsDto } from '../commands/add-professional/add-professional.dto';
import { DeactivateProfessionalCommand } from '../commands/deactivate-professional/deactivate-professional.command';
import { DeactivateProfessionalQuery } from '../commands/deactivate-professional/deactivate-professional.dto';
import { UpdateProfessionalCommand } from '../commands/update-professional/update-professional.command';
import { GetProfessionalQuery } from '../queries/get-professional/get-professional.query';
import {
  ListProfessionalsParams,
  ListProfessionalsQuery,
} from '../queries/list-professionals/list-professionals.query';
import { ProfessionalPage, ProfessionalView } from '../views';

@ApiTags('Administratie: medewerkers')
@ApiBearerAuth()
@Controller('organisations/:organisationId/professionals')
export class ProfessionalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequireScopes('admin')
  @ApiOperation({ summary: 'Designate a professional, coordinator or follow-up officer' })
  @ApiCreatedResponse({ type: ProfessionalView })
  @ApiProblems(404, 409, 413, 422)
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Body() body: AddProfessionalDto,
  ): Promise<ProfessionalView> {
    return this.commands.execute(new AddProfessionalCommand(principal, organisationId, body));
  }

  @Get()
  @ApiOperation({ summary: "The organisation's designated people (own organisation, or as administrator)" })
  @ApiOkResponse({ type: ProfessionalPage })
  @ApiProblems(404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Query() params: ListProfessionalsParams,
  ): Promise<ProfessionalPage> {
    return this.queries.execute(new ListProfessionalsQuery(principal, organisationId, params));
  }

  @Get(':professionalId')
  @ApiOperation({ summary: 'One designated person' })
  @ApiOkResponse({ type: ProfessionalView })
  @ApiProblems(404)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
  ): Promise<ProfessionalView> {
    return this.queries.execute(new GetProfessionalQuery(principal, organisationId, professionalId));
  }

  @Patch(':professionalId')
  @RequireScopes('admin', 'contact-details')
  @ApiOperation({ summary: 'Update contact details (administrator, or the coordinator of the own organisation)' })
  @ApiOkResponse({ type: ProfessionalView })
  @ApiProblems(404, 409, 413)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
    @Body() body: UpdateContactDetailsDto,
  ): Promise<ProfessionalView> {
    return this.commands.execute(new UpdateProfessionalCommand(principal, organisationId, professionalId, body));
  }

  @Post(':professionalId/contact-confirmation')
  @HttpCode(200)
  @RequireScopes('admin', 'contact-details')
  @ApiOperation({
    summary:
      "Confirm that the person's contact details are right (the coordinator's periodic check); a change through PATCH confirms them too",
  })
  @ApiOkResponse({ type: ProfessionalView })
  @ApiProblems(403, 404, 409)
  confirmContactDetails(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
  ): Promise<ProfessionalView> {
    return this.commands.execute(new ConfirmContactDetailsCommand(principal, organisationId, professionalId));
  }

  @Delete(':professionalId')
  @RequireScopes('admin', 'contact-details')
  @ApiOperation({
    summary:
      "End the designation (the record stays for history); a leaver's registrations, open matches and follow-up go to the successor. The organisation's coordinator (contact-details) ends those of its professionals",
  })
  @ApiOkResponse({ type: ProfessionalView })
  @ApiProblems(404, 409, 422)
  deactivate(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Param('professionalId') professionalId: string,
    @Query() query: DeactivateProfessionalQuery,
  ): Promise<ProfessionalView> {
    return this.commands.execute(
      new DeactivateProfessionalCommand(principal, organisationId, professionalId, query.successorId),
    );
  }
}
