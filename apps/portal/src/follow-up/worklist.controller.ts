import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListMatchesQuery } from '@vir/matching';
import type { MatchView } from '@vir/matching';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PortalPages } from '../portal-pages';
import { worklist, WORKLIST_FILTERS } from './worklist-views';

type Filter = 'open' | 'overdue' | 'escalated' | 'check_due' | 'in_contact' | 'closed';

/** "Werklijst": the follow-up officer's matches of the own college (Jw 7.1.3.2), through the API's use case. */
@Controller('werklijst')
export class WorklistPagesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly pages: PortalPages,
  ) {}

  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const person = await this.pages.person(request, reply, ['follow_up_officer']);
    if (!person) return;
    const asked = (request.query as Record<string, unknown>).filter;
    const filter = (WORKLIST_FILTERS.some(([value]) => value === asked) ? asked : 'open') as Filter;
    const found: { items: MatchView[] } = await this.queryBus.execute(
      new ListMatchesQuery(person.principal, { followUp: filter, limit: 200 }),
    );
    this.pages.send(reply, 200, 'Werklijst', worklist(found.items, filter), person.session, '/werklijst');
  }
}
