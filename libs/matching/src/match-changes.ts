import type { Principal } from '@vir/auth';
import { isUuid } from '@vir/common';
import { DataSource, EntityManager } from 'typeorm';
import { MatchReader, MatchRow } from './match-reader';
import { MatchView } from './match-view';
import { matchNotFound, matchClosed } from './match-errors';

/** Locks a visible, not closed match, applies `change` in the same transaction, and answers with the match as it is then. */
export async function changeOpenMatch(
  dataSource: DataSource,
  reader: MatchReader,
  principal: Principal,
  matchId: string,
  change: (manager: EntityManager) => Promise<void>,
): Promise<MatchView> {
  if (!isUuid(matchId)) throw matchNotFound();
  const row = await dataSource.transaction(async (manager) => {
    const match = await reader.findVisible(principal, matchId, manager, true);
    if (!match) throw matchNotFound();
    if (match.status === 'closed') throw matchClosed();
    await change(manager);
    return reader.findVisible(principal, matchId, manager);
  });
  const [view] = await reader.render([row as MatchRow]);
  return view;
}
