import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { IncidentView } from '../../incident.view';
import { GetIncidentQuery } from '../get-incident/get-incident.query';
import { ListIncidentsQuery } from './list-incidents.query';

/** The register of the college's breaches, each with its notifications and deadlines. */
@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery, IncidentView[]> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: QueryBus,
  ) {}

  async execute({ principal }: ListIncidentsQuery): Promise<IncidentView[]> {
    const found = await rows<{ id: string }>(
      this.dataSource,
      sql`SELECT id FROM incidents WHERE municipality_code = ${principal.municipalityCode}
           ORDER BY reported_at DESC, id DESC LIMIT 100`,
    );
    const incidents: IncidentView[] = [];
    for (const { id } of found) incidents.push(await this.queries.execute(new GetIncidentQuery(principal, id)));
    return incidents;
  }
}
