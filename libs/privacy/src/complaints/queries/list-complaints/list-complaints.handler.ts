import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@vir/common';
import { DataSource } from 'typeorm';
import { readComplaints } from '../../complaint-reader';
import { ComplaintView } from '../../complaint.view';
import { ListComplaintsQuery } from './list-complaints.query';

/** The college's register of complaints: open ones first, the nearest due date on top. */
@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery, ComplaintView[]> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  execute({ principal }: ListComplaintsQuery): Promise<ComplaintView[]> {
    return readComplaints(this.dataSource, principal.municipalityCode, this.clock.now());
  }
}
