import { Controller, Get, Injectable, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScopes } from '@vir/auth';
import type { Principal } from '@vir/auth';
import { ApiProblems, ValidationFailedError } from '@vir/common';
import { IsString, Matches } from 'class-validator';
import { DataSource } from 'typeorm';

/** Any count from 1 to 4 is shown as "<5", so no youth or professional can be singled out (Jw 7.1.2.3(1)(h)(2°)). */
export const SUPPRESSED = '<5';
export function suppress(count: number): number | typeof SUPPRESSED {
  return count >= 1 && count <= 4 ? SUPPRESSED : count;
}

/** A month (YYYY-MM) or a date (YYYY-MM-DD) within it. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

export class StatisticsParams {
  @ApiProperty({
    example: '2026-01',
    pattern: MONTH.source,
    maxLength: 10,
    description: 'First month (YYYY-MM; a date YYYY-MM-DD counts as its month)',
  })
  @IsString()
  @Matches(MONTH, { message: 'from must be a month written as YYYY-MM (or a date YYYY-MM-DD)' })
  from: string;

  @ApiProperty({
    example: '2026-12',
    pattern: MONTH.source,
    maxLength: 10,
    description: 'Last month (YYYY-MM or a date in it), at most 36 months after from',
  })
  @IsString()
  @Matches(MONTH, { message: 'to must be a month written as YYYY-MM (or a date YYYY-MM-DD)' })
  to: string;
}

const FIGURES = [
  'registrations',
  'withdrawnRiskGone',
  'withdrawnUnjustified',
  'expired',
  'matches',
  'signals',
  'inContactWithinDeadline',
  'escalated',
] as const;

export class StatisticsRow {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: 'education' }) organisationKind: string;
  @ApiProperty({
    description: 'Number, or "<5" for 1–4',
    oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }],
  })
  registrations: number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) withdrawnRiskGone:
    number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) withdrawnUnjustified:
    number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) expired: number | string;
  @ApiProperty({
    description: 'Matches with a participant of this kind, by the month they were made',
    oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }],
  })
  matches: number | string;
  @ApiProperty({
    description: 'Signals to people of organisations of this kind',
    oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }],
  })
  signals: number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) inContactWithinDeadline:
    number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: [SUPPRESSED] }] }) escalated: number | string;
}

export class StatisticsView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: '0983' }) municipalityCode: string;
  @ApiProperty({ example: 'Counts from 1 to 4 are shown as "<5".' }) suppression: string;
  @ApiProperty({ type: [StatisticsRow] }) rows: StatisticsRow[];
}

/** Aggregates for the yearly evaluation (covenant art. 6.2): per month and organisation kind, no identifiers. */
@Injectable()
export class Statistics {
  constructor(private readonly dataSource: DataSource) {}

  async report(principal: Principal, params: StatisticsParams): Promise<StatisticsView> {
    const from = params.from.slice(0, 7);
    const to = params.to.slice(0, 7);
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5));
    if (months < 0) throw new ValidationFailedError([{ field: 'to', reason: 'to must not be before from' }]);
    if (months >= 36) throw new ValidationFailedError([{ field: 'to', reason: 'at most 36 months at a time' }]);
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `WITH period AS (SELECT $1::date AS start, ($2::date + interval '1 month') AS stop),
       orgs AS (SELECT id, kind FROM organisations WHERE municipality_code = $3),
       figures AS (
         SELECT to_char(r.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS month, o.kind, 'registrations' AS figure, count(*) AS n
           FROM registrations r JOIN orgs o ON o.id = r.organisation_id, period
          WHERE r.created_at >= period.start AND r.created_at < period.stop GROUP BY 1, 2
         UNION ALL
         SELECT to_char(r.removed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), o.kind,
                CASE r.removal_reason WHEN 'risk_gone' THEN 'withdrawnRiskGone' WHEN 'unjustified' THEN 'withdrawnUnjustified' ELSE 'expired' END, count(*)
           FROM registrations r JOIN orgs o ON o.id = r.organisation_id, period
          WHERE r.removal_reason IN ('risk_gone', 'unjustified', 'expired') AND r.removed_at >= period.start AND r.removed_at < period.stop GROUP BY 1, 2, 3
         UNION ALL
         SELECT to_char(m.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), o.kind, 'matches', count(DISTINCT m.id)
           FROM matches m JOIN match_participants mp ON mp.match_id = m.id JOIN orgs o ON o.id = mp.organisation_id, period
          WHERE m.created_at >= period.start AND m.created_at < period.stop GROUP BY 1, 2
         UNION ALL
         SELECT to_char(m.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), o.kind, 'inContactWithinDeadline', count(DISTINCT m.id)
           FROM matches m JOIN match_participants mp ON mp.match_id = m.id JOIN orgs o ON o.id = mp.organisation_id, period
          WHERE m.created_at >= period.start AND m.created_at < period.stop
            AND m.in_contact_at IS NOT NULL AND (m.in_contact_at AT TIME ZONE 'Europe/Amsterdam')::date <= m.escalation_due_on GROUP BY 1, 2
         UNION ALL
         SELECT to_char(m.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), o.kind, 'escalated', count(DISTINCT m.id)
           FROM matches m JOIN match_participants mp ON mp.match_id = m.id JOIN orgs o ON o.id = mp.organisation_id, period
          WHERE m.created_at >= period.start AND m.created_at < period.stop AND m.escalated_at IS NOT NULL GROUP BY 1, 2
         UNION ALL
         SELECT to_char(s.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), o.kind, 'signals', count(*)
           FROM signals s JOIN orgs o ON o.id = s.recipient_organisation_id, period
          WHERE s.created_at >= period.start AND s.created_at < period.stop GROUP BY 1, 2
       )
       SELECT month, kind, figure, sum(n)::int AS n FROM figures GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [`${from}-01`, `${to}-01`, principal.municipalityCode],
    );
    const byKey = new Map<string, StatisticsRow>();
    for (const row of rows) {
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

@ApiTags('Administratie: statistiek')
@ApiBearerAuth()
@RequireScopes('admin')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: Statistics) {}

  @Get()
  @ApiOperation({
    summary: 'Aggregates per month and organisation kind for the organisations of your college; 1–4 shown as "<5"',
  })
  @ApiOkResponse({ type: StatisticsView })
  @ApiProblems()
  report(@CurrentPrincipal() principal: Principal, @Query() params: StatisticsParams): Promise<StatisticsView> {
    return this.statistics.report(principal, params);
  }
}

@Module({ controllers: [StatisticsController], providers: [Statistics] })
export class StatisticsModule {}
