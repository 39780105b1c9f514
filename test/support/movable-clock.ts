import { Test, TestingModule } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Clock } from '../../libs/common/src';
import { testConfig } from './test-config';

/** A clock the test moves. */
export class MovableClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now(): Date {
    return this.current;
  }
  /** 09:00 in Amsterdam (winter time) on the given date. */
  set(date: string): void {
    this.current = new Date(`${date}T08:00:00Z`);
  }
}

/** The real worker module in this process with a movable clock; a new instance is a restart. */
export async function startWorkerWithClock(
  clock: Clock,
  overrides: Record<string, string> = {},
): Promise<TestingModule> {
  const worker = await Test.createTestingModule({
    imports: [WorkerModule.forRoot(testConfig({ OUTBOX_POLL_INTERVAL_MS: '20', ...overrides }))],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await worker.init();
  return worker;
}
