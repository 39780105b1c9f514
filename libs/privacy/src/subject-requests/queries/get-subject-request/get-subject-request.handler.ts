import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, isUuid, NotFoundError } from '@vir/common';
import { sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { readSubjectRequests } from '../../subject-request-reader';
import { SubjectRequestView } from '../../subject-request.view';
import { GetSubjectRequestQuery } from './get-subject-request.query';

/** One request of the college's register; another college's answers as unknown. */
@QueryHandler(GetSubjectRequestQuery)
export class GetSubjectRequestHandler implements IQueryHandler<GetSubjectRequestQuery, SubjectRequestView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, id }: GetSubjectRequestQuery): Promise<SubjectRequestView> {
    const [found] = isUuid(id)
      ? await readSubjectRequests(this.dataSource, principal.municipalityCode, this.clock.now(), sql`id = ${id}`)
      : [];
    if (!found) throw new NotFoundError('SUBJECT_REQUEST_NOT_FOUND', 'Subject request');
    return found;
  }
}
