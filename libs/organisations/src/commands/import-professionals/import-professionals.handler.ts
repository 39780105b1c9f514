import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { AppError, validateInput } from '@vir/common';
import { OutboxWriter } from '@vir/queue';
import { DataSource } from 'typeorm';
import type { OrganisationEntity } from '../../entities/organisation.entity';
import { ProfessionalEntity } from '../../entities/professional.entity';
import type { ProfessionalRole } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { assertConnected, assertRoleFits, designateProfessional } from '../../professional-designation';
import { AddProfessionalDto } from '../add-professional/add-professional.dto';
import {
  ImportProfessionalsCommand,
  ImportRowProblem,
  ImportRowResult,
  ProfessionalImportView,
} from './import-professionals.command';
import { ImportRow, parseProfessionalCsv } from './professional-csv';

const FIELDS = ['name', 'email', 'phone', 'role'] as const;

/**
 * Each row is checked as `POST …/professionals` checks one person, and against the organisation's
 * people and the rows above it (an e-mail address once). The good rows are designated in one
 * transaction, so a failure leaves no part of the file behind; refused rows are listed with their reasons.
 */
@CommandHandler(ImportProfessionalsCommand)
export class ImportProfessionalsHandler implements ICommandHandler<ImportProfessionalsCommand, ProfessionalImportView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ principal, organisationId, input }: ImportProfessionalsCommand): Promise<ProfessionalImportView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    assertConnected(organisation);
    const rows = parseProfessionalCsv(input.csv);
    const dryRun = input.dryRun === true;
    return this.dataSource.transaction(async (manager) => {
      const present = await manager
        .getRepository(ProfessionalEntity)
        .find({ select: { email: true }, where: { organisationId: organisation.id, active: true } });
      const taken = new Map<string, number | 'organisation'>(
        present.map((p) => [p.email.toLowerCase(), 'organisation'] as const),
      );
      const results: ImportRowResult[] = [];
      for (const row of rows) {
        const problems = await this.problemsOf(row, organisation, taken);
        taken.set(row.email.toLowerCase(), taken.get(row.email.toLowerCase()) ?? row.line);
        const result: ImportRowResult = { ...row, status: 'refused', professionalId: null, problems };
        if (problems.length === 0) {
          result.status = dryRun ? 'accepted' : 'imported';
          if (!dryRun) {
            const input = { name: row.name, email: row.email, phone: row.phone, role: row.role as ProfessionalRole };
            const professional = await designateProfessional(
              manager,
              { audit: this.audit, outbox: this.outbox },
              principal,
              organisation,
              input,
            );
            result.professionalId = professional.id;
          }
        }
        results.push(result);
      }
      const imported = results.filter((r) => r.status === 'imported').length;
      if (!dryRun)
        await this.audit.record(manager, {
          action: 'professionals.imported',
          objectType: 'organisation',
          objectId: organisation.id,
          actor: actorOf(principal),
          details: { rows: rows.length, imported, refused: rows.length - imported },
        });
      return {
        dryRun,
        rows: rows.length,
        imported,
        refused: results.filter((r) => r.status === 'refused').length,
        results,
      };
    });
  }

  private async problemsOf(
    row: ImportRow,
    organisation: Pick<OrganisationEntity, 'kind'>,
    taken: Map<string, number | 'organisation'>,
  ): Promise<ImportRowProblem[]> {
    const problems: ImportRowProblem[] = [];
    try {
      await validateInput(AddProfessionalDto, { name: row.name, email: row.email, phone: row.phone, role: row.role });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const field of FIELDS) {
        const reasons = error.fields.filter((f) => f.field === field).map((f) => f.reason);
        if (reasons.length > 0) problems.push({ field, code: 'INVALID', reason: reasons.join('; ') });
      }
    }
    const before = taken.get(row.email.toLowerCase());
    if (before === 'organisation')
      problems.push({
        field: 'email',
        code: 'ALREADY_DESIGNATED',
        reason: 'a person with this e-mail address is already designated in this organisation',
      });
    else if (before !== undefined)
      problems.push({
        field: 'email',
        code: 'DUPLICATE_IN_FILE',
        reason: `the same e-mail address is on line ${before}`,
      });
    if (!problems.some((p) => p.field === 'role')) {
      try {
        assertRoleFits(organisation, row.role as ProfessionalRole);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push({ field: 'role', code: 'ROLE_NOT_ALLOWED', reason: error.detail ?? error.title });
      }
    }
    return problems;
  }
}
