import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, isUuid, NotFoundError } from '@vir/common';
import { sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { readComplaints } from '../../complaint-reader';
import { ComplaintView } from '../../complaint.view';
import { GetComplaintQuery } from './get-complaint.query';

/** One complaint of the college's register; another college's answers as unknown. */
@QueryHandler(GetComplaintQuery)
export class GetComplaintHandler implements IQueryHandler<GetComplaintQuery, ComplaintView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, id }: GetComplaintQuery): Promise<ComplaintView> {
    const [found] = isUuid(id)
      ? await readComplaints(this.dataSource, principal.municipalityCode, this.clock.now(), sql`c.id = ${id}`)
      : [];
    if (!found) throw new NotFoundError('COMPLAINT_NOT_FOUND', 'Complaint');
    return found;
  }
}
