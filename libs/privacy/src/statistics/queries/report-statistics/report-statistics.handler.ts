import { rows, sql } from '@vir/database';
import { matchFigures } from '@vir/matching';
import { organisationFacts } from '@vir/organisations';
import { registrationFigures } from '@vir/registrations';
import { signalFigures } from '@vir/signals';
import { DataSource } from 'typeorm';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FIGURES, StatisticsRow, StatisticsView } from '../../statistics.view';
import { monthRange } from '../../month-range';
import { suppress } from '../../suppression';
import { ReportStatisticsQuery } from './report-statistics.query';

/** Aggregates for the yearly evaluation (covenant art. 6.2): per month and organisation kind, no identifiers. */
@QueryHandler(ReportStatisticsQuery)
export class ReportStatisticsHandler implements IQueryHandler<ReportStatisticsQuery, StatisticsView> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal, params }: ReportStatisticsQuery): Promise<StatisticsView> {
    const { from, to, start, stop } = monthRange(params);
    const figures = await rows<Record<string, string | number>>(
      this.dataSource,
      sql`WITH events AS (
         ${registrationFigures(start, stop)}
         UNION ALL
         ${matchFigures(start, stop)}
         UNION ALL
         ${signalFigures(start, stop)}
       )
       SELECT e.month, o.kind, e.figure, count(DISTINCT e.subject_id)::int AS n
         FROM events e JOIN ${organisationFacts()} o ON o.id = e.organisation_id
        WHERE o.municipality_code = ${principal.municipalityCode}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const byKey = new Map<string, StatisticsRow>();
    for (const row of figures) {
      const key = `${row.month}/${row.kind}`;
      const entry =
        byKey.get(key) ??
        ({
          month: row.month,
          organisationKind: row.kind,
          ...Object.fromEntries(FIGURES.map((f) => [f, 0])),
        } as unknown as StatisticsRow);
      (entry as unknown as Record<string, number>)[row.figure as string] = Number(row.n);
      byKey.set(key, entry);
    }
    return {
      from,
      to,
      municipalityCode: principal.municipalityCode,
      suppression: 'Counts from 1 to 4 are shown as "<5".',
      rows: [...byKey.values()].map((row) => ({
        ...row,
        ...Object.fromEntries(FIGURES.map((f) => [f, suppress((row as unknown as Record<string, number>)[f])])),
      })),
    };
  }
}
