import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { AppError, validateInput } from '@vir/common';
import { DataSource } from 'typeorm';
import { AddressExclusions } from '../../address-exclusions';
import type { ExclusionEntry } from '../../address-exclusions';
import { AddAddressExclusionDto, exclusionEntry } from '../add-address-exclusion/add-address-exclusion.dto';
import { parseExclusionCsv } from './exclusion-csv';
import type { ExclusionCsvRow } from './exclusion-csv';
import {
  AddressExclusionImportView,
  ExclusionRowProblem,
  ExclusionRowResult,
  ImportAddressExclusionsCommand,
} from './import-address-exclusions.command';

const keyOf = (e: ExclusionEntry) => e.bagId ?? `${e.postcode} ${e.houseNumber}`;

/**
 * Each row is checked as `POST /v1/address-exclusions` checks one address, and against the rows
 * above it; the good rows are added in one transaction (those the register holds already are
 * reported, not changed), refused rows are listed with their reasons.
 */
@CommandHandler(ImportAddressExclusionsCommand)
export class ImportAddressExclusionsHandler implements ICommandHandler<
  ImportAddressExclusionsCommand,
  AddressExclusionImportView
> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: AddressExclusions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ principal, input }: ImportAddressExclusionsCommand): Promise<AddressExclusionImportView> {
    const rows = parseExclusionCsv(input.csv);
    const dryRun = input.dryRun === true;
    const checked = await Promise.all(rows.map((row) => this.check(row)));
    return this.dataSource.transaction(async (manager) => {
      const good = checked.flatMap((c) => (c.entry ? [c.entry] : []));
      const present = await this.register.present(manager, principal.municipalityCode, good);
      const seen = new Map<string, number>();
      const results: ExclusionRowResult[] = [];
      const adding: ExclusionEntry[] = [];
      for (const [i, row] of rows.entries()) {
        const { entry, problems } = checked[i];
        const result: ExclusionRowResult = { ...row, status: 'refused', problems };
        if (entry) {
          const key = keyOf(entry);
          if (seen.has(key))
            problems.push({
              field: entry.bagId ? 'bagId' : 'postcode',
              code: 'DUPLICATE_IN_FILE',
              reason: `the same address as line ${seen.get(key)}`,
            });
          else if (present.has(key)) result.status = 'already_excluded';
          else {
            result.status = dryRun ? 'accepted' : 'imported';
            adding.push(entry);
          }
          seen.set(key, seen.get(key) ?? row.line);
        }
        results.push(result);
      }
      if (!dryRun && adding.length > 0) {
        const ids = await this.register.add(manager, principal, adding);
        await this.audit.record(manager, {
          action: 'address-exclusion.added',
          objectType: 'address_exclusion',
          objectId: null,
          actor: actorOf(principal),
          details: { imported: ids.length, from: 'csv' },
        });
      }
      return {
        dryRun,
        rows: rows.length,
        imported: dryRun ? 0 : adding.length,
        alreadyExcluded: results.filter((r) => r.status === 'already_excluded').length,
        refused: results.filter((r) => r.status === 'refused').length,
        results,
      };
    });
  }

  private async check(
    row: ExclusionCsvRow,
  ): Promise<{ entry: ExclusionEntry | null; problems: ExclusionRowProblem[] }> {
    const plain = {
      ...(row.bagId && { bagId: row.bagId }),
      ...(row.postcode && { postcode: row.postcode }),
      ...(row.houseNumber && {
        houseNumber: /^\d+$/.test(row.houseNumber) ? Number(row.houseNumber) : row.houseNumber,
      }),
      reason: row.reason,
    };
    try {
      return { entry: exclusionEntry(await validateInput(AddAddressExclusionDto, plain)), problems: [] };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        entry: null,
        problems: error.fields.map((f) => ({ field: f.field, code: 'INVALID' as const, reason: f.reason })),
      };
    }
  }
}
