import { runUnits, type Unit } from './batch';

function fakeContext(limit: number) {
  let queued = 0;
  const applied: number[] = [];
  let pending: number[] = [];
  const ctx = {
    syncs: 0,
    add(id: number, bytes: number) {
      queued += bytes;
      pending.push(id);
    },
    async sync() {
      ctx.syncs++;
      const q = queued;
      const p = pending;
      queued = 0;
      pending = [];
      if (q > limit) throw Object.assign(new Error('payload'), { code: 'RequestPayloadSizeLimitExceeded' });
      applied.push(...p);
    },
    applied,
  };
  return ctx;
}

const unit = (ctx: ReturnType<typeof fakeContext>, id: number, bytes: number, actual = bytes): Unit => ({
  bytes,
  queue: () => ctx.add(id, actual),
});

describe('runUnits', () => {
  test('packs units into as few syncs as the budget allows, in order', async () => {
    const ctx = fakeContext(1e9);
    const units = Array.from({ length: 100 }, (_, i) => unit(ctx, i, 100));
    const syncs = await runUnits(ctx as unknown as Excel.RequestContext, units, { budget: 2500 });
    expect(syncs).toBe(4);
    expect(ctx.applied).toEqual(units.map((_, i) => i));
  });

  test('an under-estimated batch refused for payload is retried in halves; nothing is lost or doubled', async () => {
    const ctx = fakeContext(1000);
    const units = Array.from({ length: 20 }, (_, i) => unit(ctx, i, 10, 300)); // estimate 10, really 300
    await runUnits(ctx as unknown as Excel.RequestContext, units, { budget: 10_000 });
    expect(ctx.applied).toEqual(units.map((_, i) => i));
  });

  test('a single unit too large is split, or the payload error is thrown', async () => {
    const ctx = fakeContext(1000);
    const big: Unit = { bytes: 10, queue: () => ctx.add(1, 5000), split: () => [unit(ctx, 2, 10, 500), unit(ctx, 3, 10, 500)] };
    await runUnits(ctx as unknown as Excel.RequestContext, [big], { budget: 10_000 });
    expect(ctx.applied).toEqual([2, 3]);
    await expect(runUnits(ctx as unknown as Excel.RequestContext, [unit(ctx, 9, 10, 5000)], { budget: 10_000 })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  test('stops when cancelled', async () => {
    const ctx = fakeContext(1e9);
    await expect(runUnits(ctx as unknown as Excel.RequestContext, [unit(ctx, 1, 1)], { budget: 10, cancel: { cancelled: true } })).rejects.toThrow('Operación cancelada.');
  });
});
