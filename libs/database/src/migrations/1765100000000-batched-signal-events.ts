import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-signal outbox topics `signal.email` and `signal.webhook` (written before signals were
 * batched per statement) are gone: events of theirs still waiting for the relay become batches of
 * one, which the batch handlers deliver the same way. Published ones are history (the relay prunes
 * them). Before upgrading across this migration, let the delivery queue drain (docs/operations.md).
 */
export class BatchedSignalEvents1765100000000 implements MigrationInterface {
  name = 'BatchedSignalEvents1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE outbox SET topic = 'signals.' || substring(topic FROM 8),
              payload = jsonb_build_object('signalIds', jsonb_build_array(payload->>'signalId'))
        WHERE topic IN ('signal.email', 'signal.webhook') AND published_at IS NULL`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: the batch topics are understood by every version that knows the old ones.
  }
}
