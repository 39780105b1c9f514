import { Injectable } from '@nestjs/common';
import { databaseNow, rows, sql } from '@vir/database';
import { Metrics } from '@vir/observability';
import { DataSource } from 'typeorm';
import { QueueRegistry } from './queue-registry';
import { QUEUES } from './routes';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Worker gauges read when Prometheus scrapes: jobs per queue and state, and the outbox backlog. */
@Injectable()
export class QueueMetrics {
  constructor(metrics: Metrics, queues: QueueRegistry, dataSource: DataSource) {
    metrics.gauge(
      'vir_queue_jobs',
      'BullMQ jobs per queue and state (failed: given up, kept 30 days for inspection)',
      ['queue', 'state'],
      async (gauge) => {
        for (const name of Object.values(QUEUES)) {
          const counts = await queues.get(name).getJobCounts(...STATES);
          for (const state of STATES) gauge.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    );
    metrics.gauge(
      'vir_outbox_backlog',
      'Outbox events not yet handed to the queue (grows while Redis is unreachable)',
      [],
      async (gauge) => {
        const [row]: { n: number }[] = await dataSource.query(
          `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
        );
        gauge.set(row?.n ?? 0);
      },
    );
    metrics.gauge(
      'vir_outbox_oldest_unpublished_seconds',
      'Age of the oldest outbox event not yet handed to the queue (0 when none)',
      [],
      async (gauge) => {
        const [row] = await rows<{ age: number | null }>(
          dataSource,
          sql`SELECT extract(epoch FROM ${databaseNow} - min(created_at))::float AS age FROM outbox WHERE published_at IS NULL`,
        );
        gauge.set(row?.age ?? 0);
      },
    );
  }
}
