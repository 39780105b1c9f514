import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { OutboxRelay, QueueRegistry } from '../libs/queue/src';
import { MovableClock, startWorkerWithClock } from './support/movable-clock';
import { waitFor } from './support/processes';
import { startApi, TestApi } from './support/test-api';

/** The relay polls; a nudge from the worker's own commits publishes at once. */
describe('outbox relay', () => {
  let api: TestApi;
  let worker: TestingModule;

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    // A poll interval far longer than the test: only a nudge can publish in time.
    worker = await startWorkerWithClock(new MovableClock(new Date()), { OUTBOX_POLL_INTERVAL_MS: '60000' });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const publishedAt = async (id: string): Promise<Date | null> =>
    (
      await api.dataSource.query<
        {
          published_at: Date | null;
        }[]
      >(`SELECT published_at FROM outbox WHERE id = $1`, [id])
    )[0].published_at;

  it('publishes committed events at once when nudged, not at the next poll', async () => {
    const registrationId = randomUUID();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the relay's first pass is over: it sleeps
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO outbox (topic, payload) VALUES ('registration.removed', $1) RETURNING id`,
      [JSON.stringify({ registrationId })],
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await publishedAt(id)).toBeNull();

    worker.get(OutboxRelay).nudge();
    await waitFor('the nudged event published', async () => (await publishedAt(id)) !== null, 3000);
    const job = await worker.get(QueueRegistry).get('matching').getJob(`registration-removed-${registrationId}`);
    expect(job?.data).toMatchObject({ registrationId });
  });
});
