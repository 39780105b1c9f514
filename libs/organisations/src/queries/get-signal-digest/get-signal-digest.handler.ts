import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { rows, sql } from '@vir/database';
import { DataSource } from 'typeorm';
import { GetSignalDigestQuery } from './get-signal-digest.query';

@QueryHandler(GetSignalDigestQuery)
export class GetSignalDigestHandler implements IQueryHandler<GetSignalDigestQuery, boolean> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal }: GetSignalDigestQuery): Promise<boolean> {
    if (!principal.person) return false;
    const [found] = await rows<{ signal_digest: boolean }>(
      this.dataSource,
      sql`SELECT signal_digest FROM professionals WHERE id = ${principal.person.id}`,
    );
    return found?.signal_digest ?? false;
  }
}
