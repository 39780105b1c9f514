import { Batcher, BatchOutcome } from './batcher';

/** A run whose batches stay open until released, recording what each batch held. */
function gatedRun() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: number[]): Promise<BatchOutcome<number>[]> => {
    batches.push(items);
    await new Promise<void>((release) => gates.push(release));
    return items.map((n) => (n < 0 ? { ok: false, error: new Error(`negative ${n}`) } : { ok: true, value: n * 10 }));
  };
  const releaseAll = async () => {
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, run, releaseAll };
}

describe('Batcher', () => {
  it('runs a lone call at once, and gathers the calls that arrive meanwhile into the next batch', async () => {
    const { batches, run, releaseAll } = gatedRun();
    const batcher = new Batcher(run, { parallel: 1, maxSize: 100 });
    const results = [1, 2, 3, 4].map((n) => batcher.submit(n));
    expect(batches).toEqual([[1]]);
    await releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('runs up to `parallel` batches at once and no batch above `maxSize`', async () => {
    const { batches, run, releaseAll } = gatedRun();
    const batcher = new Batcher(run, { parallel: 2, maxSize: 2 });
    const results = [1, 2, 3, 4, 5, 6, 7].map((n) => batcher.submit(n));
    expect(batches).toEqual([[1], [2]]);
    await releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...batches.map((b) => b.length))).toBe(2);
  });

  it('fails only the item whose outcome is an error', async () => {
    const { run, releaseAll } = gatedRun();
    const batcher = new Batcher(run, { parallel: 1, maxSize: 10 });
    const settled = Promise.allSettled([0, 5, -1].map((n) => batcher.submit(n)));
    await releaseAll();
    const [, good, bad] = await settled;
    expect(good).toEqual({ status: 'fulfilled', value: 50 });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('negative -1') });
  });

  it('fails every item of a batch whose run throws, and keeps serving later calls', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      (items) => {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error('connection lost'));
        return Promise.resolve(items.map((n) => ({ ok: true as const, value: n })));
      },
      { parallel: 1, maxSize: 10 },
    );
    await expect(batcher.submit(1)).rejects.toThrow('connection lost');
    await expect(batcher.submit(2)).resolves.toBe(2);
  });

  it('treats a run that answers the wrong number of outcomes as a failure of the batch', async () => {
    const batcher = new Batcher<number, number>(() => Promise.resolve([]), { parallel: 1, maxSize: 10 });
    await expect(batcher.submit(1)).rejects.toThrow('batch of 1 answered 0 outcomes');
  });
});
