/** What a batch run answers for one item: its result, or the error that item alone ends with. */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: Error };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: Error) => void;
}

/**
 * Gathers calls that arrive while earlier batches are running into one batch. Under light load
 * every call runs at once on its own; under heavy load the calls waiting for a free slot run
 * together, so fixed costs (round trips, transactions, commits) are paid once per batch instead of
 * once per item. At most `parallel` batches run at a time, each of at most `maxSize` items.
 *
 * `run` answers one outcome per item, in the order given; when it throws, every item of the
 * batch fails with that error.
 */
export class Batcher<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private running = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<BatchOutcome<R>[]>,
    private readonly options: { parallel: number; maxSize: number },
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.options.parallel && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxSize);
      this.running += 1;
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        this.drain();
      });
    }
  }

  private async runBatch(batch: Waiting<T, R>[]): Promise<void> {
    let outcomes: BatchOutcome<R>[];
    try {
      outcomes = await this.run(batch.map((w) => w.item));
      if (outcomes.length !== batch.length)
        throw new Error(`batch of ${batch.length} answered ${outcomes.length} outcomes`);
    } catch (error) {
      for (const w of batch) w.reject(error as Error);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  }
}
