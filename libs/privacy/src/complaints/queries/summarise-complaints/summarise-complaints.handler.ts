import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { suppress } from '../../../statistics/suppression';
import { COMPLAINT_OUTCOMES, COMPLAINT_TOPICS } from '../../complaint-rules';
import { ComplaintsSummaryView } from '../../complaint.view';
import { SummariseComplaintsQuery } from './summarise-complaints.query';

/** The year's complaints in counts for the evaluation (covenant 6.2), with the statistics' suppression. */
@QueryHandler(SummariseComplaintsQuery)
export class SummariseComplaintsHandler implements IQueryHandler<SummariseComplaintsQuery, ComplaintsSummaryView> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal, params }: SummariseComplaintsQuery): Promise<ComplaintsSummaryView> {
    const found = await rows<{ topic: string; outcome: string | null; in_time: boolean }>(
      this.dataSource,
      sql`SELECT topic, outcome, responded_on <= due_on AS in_time FROM complaints
           WHERE municipality_code = ${principal.municipalityCode}
             AND received_on >= ${`${params.year}-01-01`}::date AND received_on < ${`${params.year + 1}-01-01`}::date`,
    );
    const responded = found.filter((c) => c.outcome !== null);
    return {
      year: params.year,
      received: suppress(found.length),
      responded: suppress(responded.length),
      respondedInTime: suppress(responded.filter((c) => c.in_time).length),
      open: suppress(found.length - responded.length),
      byTopic: COMPLAINT_TOPICS.map((key) => ({ key, count: suppress(found.filter((c) => c.topic === key).length) })),
      byOutcome: COMPLAINT_OUTCOMES.map((key) => ({
        key,
        count: suppress(found.filter((c) => c.outcome === key).length),
      })),
      suppression: 'Counts from 1 to 4 are shown as "<5".',
    };
  }
}
