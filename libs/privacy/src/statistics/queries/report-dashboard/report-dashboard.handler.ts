import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, todayInAmsterdam } from '@vir/common';
import { rows, sql } from '@vir/database';
import { matchFigures, matchFollowUpFacts } from '@vir/matching';
import { organisationFacts } from '@vir/organisations';
import { hasRegistered, informationTaskFigures, registrationFigures } from '@vir/registrations';
import { signalFigures } from '@vir/signals';
import { DataSource } from 'typeorm';
import { DASHBOARD_COUNTS, DashboardFigures, DashboardView } from '../../dashboard.view';
import { followUpRate, MatchFollowUp, medianDaysToContact } from '../../follow-up-figures';
import { monthRange } from '../../month-range';
import { suppress } from '../../suppression';
import { ReportDashboardQuery } from './report-dashboard.query';

type Level = 'month' | 'kind' | 'organisation' | 'total';
interface CountRow {
  level: Level;
  key: string | null;
  figure: string;
  n: number;
}
interface Organisation {
  id: string;
  name: string;
  kind: string;
  status: string;
  registered: boolean;
}
interface FollowUpFact {
  match_id: string;
  organisation_id: string;
  created_at: Date;
  due_on: string | null;
  in_contact_at: Date | null;
}

/**
 * The dashboard (covenant art. 6.2 and the college's own monitoring): counts of the period per month,
 * per organisation kind and per organisation, the follow-up rate and time to contact, and today's
 * open information tasks. Every count of 1–4 is "<5"; no identifier of a youth or a professional.
 */
@QueryHandler(ReportDashboardQuery)
export class ReportDashboardHandler implements IQueryHandler<ReportDashboardQuery, DashboardView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, params }: ReportDashboardQuery): Promise<DashboardView> {
    const range = monthRange(params);
    const today = todayInAmsterdam(this.clock.now());
    const college = principal.municipalityCode;
    const [organisations, counts, facts] = await Promise.all([
      rows<Organisation>(
        this.dataSource,
        sql`SELECT o.id, o.name, o.kind, o.status, ${hasRegistered(sql`o.id`)} AS registered
              FROM ${organisationFacts()} o WHERE o.municipality_code = ${college} ORDER BY o.name, o.id`,
      ),
      rows<CountRow>(
        this.dataSource,
        sql`WITH events AS (
           ${registrationFigures(range.start, range.stop)}
           UNION ALL
           ${matchFigures(range.start, range.stop)}
           UNION ALL
           ${signalFigures(range.start, range.stop)}
           UNION ALL
           SELECT NULL, t.organisation_id, t.figure, t.subject_id FROM (${informationTaskFigures(today)}) t
         )
         SELECT CASE GROUPING(e.month, o.kind, o.id) WHEN 3 THEN 'month' WHEN 5 THEN 'kind' WHEN 6 THEN 'organisation'
                ELSE 'total' END AS level,
                COALESCE(e.month, o.kind, o.id::text) AS key, e.figure, count(DISTINCT e.subject_id)::int AS n
           FROM events e JOIN ${organisationFacts()} o ON o.id = e.organisation_id
          WHERE o.municipality_code = ${college}
          GROUP BY GROUPING SETS ((e.figure, e.month), (e.figure, o.kind), (e.figure, o.id), (e.figure))`,
      ),
      rows<FollowUpFact>(
        this.dataSource,
        sql`SELECT f.* FROM (${matchFollowUpFacts(range.start, range.stop)}) f
              JOIN ${organisationFacts()} o ON o.id = f.organisation_id WHERE o.municipality_code = ${college}`,
      ),
    ]);

    const counted = new Map(counts.map((c) => [`${c.level}/${c.key}/${c.figure}`, c.n]));
    const count = (level: Level, key: string | null, figure: string) => counted.get(`${level}/${key}/${figure}`) ?? 0;
    const kindOf = new Map(organisations.map((o) => [o.id, o.kind]));
    const followUps = (belongs: (fact: FollowUpFact) => boolean): MatchFollowUp[] => [
      ...new Map(
        facts
          .filter(belongs)
          .map((f) => [f.match_id, { createdAt: f.created_at, dueOn: f.due_on, inContactAt: f.in_contact_at }]),
      ).values(),
    ];
    const figures = (level: Level, key: string | null, matches: MatchFollowUp[]): DashboardFigures => ({
      ...(Object.fromEntries(DASHBOARD_COUNTS.map((f) => [f, suppress(count(level, key, f))])) as Pick<
        DashboardFigures,
        (typeof DASHBOARD_COUNTS)[number]
      >),
      followUpRate: followUpRate(matches, today),
      medianDaysToContact: medianDaysToContact(matches),
    });

    const kinds = [...new Set(organisations.map((o) => o.kind))].sort();
    return {
      from: range.from,
      to: range.to,
      municipalityCode: college,
      today,
      suppression: 'Counts from 1 to 4 are shown as "<5".',
      total: figures(
        'total',
        null,
        followUps(() => true),
      ),
      byMonth: range.months.map((month) => ({
        month,
        registrations: suppress(count('month', month, 'registrations')),
        matches: suppress(count('month', month, 'matches')),
        signals: suppress(count('month', month, 'signals')),
      })),
      byOrganisationKind: kinds.map((kind) => ({
        organisationKind: kind,
        organisations: organisations.filter((o) => o.kind === kind && o.status === 'connected').length,
        ...figures(
          'kind',
          kind,
          followUps((f) => kindOf.get(f.organisation_id) === kind),
        ),
      })),
      byOrganisation: organisations.map((o) => ({
        organisationId: o.id,
        name: o.name,
        organisationKind: o.kind,
        status: o.status,
        neverRegistered: !o.registered,
        ...figures(
          'organisation',
          o.id,
          followUps((f) => f.organisation_id === o.id),
        ),
      })),
    };
  }
}
