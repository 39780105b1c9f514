import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems } from '@vir/common';
import {
  ImportProfessionalsCommand,
  ImportProfessionalsDto,
  ProfessionalImportView,
} from '../commands/import-professionals/import-professionals.command';

@ApiTags('Administratie: medewerkers')
@ApiBearerAuth()
@Controller('organisations/:organisationId/professional-imports')
export class ProfessionalImportsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Designate the people of a CSV file: every good row in one transaction, each refused row with its reasons',
    description:
      'A file that cannot be read (no header, a column missing, more than 500 people) is refused as a whole with 400 ' +
      '(CSV_UNREADABLE, CSV_COLUMNS_MISSING, CSV_TOO_MANY_ROWS). With dryRun the rows are only checked.',
  })
  @ApiOkResponse({ type: ProfessionalImportView })
  @ApiProblems(400, 404, 409, 413)
  import(
    @CurrentPrincipal() principal: Principal,
    @Param('organisationId') organisationId: string,
    @Body() body: ImportProfessionalsDto,
  ): Promise<ProfessionalImportView> {
    return this.commands.execute(new ImportProfessionalsCommand(principal, organisationId, body));
  }
}
