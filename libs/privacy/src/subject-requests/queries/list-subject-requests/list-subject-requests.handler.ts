import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@vir/common';
import { DataSource } from 'typeorm';
import { readSubjectRequests } from '../../subject-request-reader';
import { SubjectRequestView } from '../../subject-request.view';
import { ListSubjectRequestsQuery } from './list-subject-requests.query';

/** The college's register: open requests first, the nearest due date on top. */
@QueryHandler(ListSubjectRequestsQuery)
export class ListSubjectRequestsHandler implements IQueryHandler<ListSubjectRequestsQuery, SubjectRequestView[]> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  execute({ principal }: ListSubjectRequestsQuery): Promise<SubjectRequestView[]> {
    return readSubjectRequests(this.dataSource, principal.municipalityCode, this.clock.now());
  }
}
