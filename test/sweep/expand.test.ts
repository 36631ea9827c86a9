import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { expandSweep, parseRange, parseShard, shardOf } from '../../src/sweep/expand.js';

const names = (p: Parameters<typeof expandSweep>[0]) => expandSweep(p).map((i) => `${i.problem}/${i.basis}/${i.encoder}`);

describe('sweep expansion', () => {
  it('expands families over n and every valid later parameter, in a fixed order', () => {
    expect(names({ problem: 'maj', n: '2..7', basis: 'b2' })).toEqual(['maj:3/B2/ssv', 'maj:5/B2/ssv', 'maj:7/B2/ssv']);
    expect(names({ problem: 'thr', n: '2..3', basis: 'b2' }).map((s) => s.split('/')[0])).toEqual([
      'thr:2:0', 'thr:2:1', 'thr:2:2', 'thr:3:0', 'thr:3:1', 'thr:3:2', 'thr:3:3',
    ]);
    expect(names({ problem: 'mod3', n: '4', basis: 'b2' }).map((s) => s.split('/')[0])).toEqual(['mod3:4:0', 'mod3:4:1', 'mod3:4:2']);
    // mod:m:n:r: m is given, n from --n, r over 0..m-1
    expect(names({ problem: 'mod:2', n: '3', basis: 'b2' }).map((s) => s.split('/')[0])).toEqual(['mod:2:3:0', 'mod:2:3:1']);
    // families without n: --n is their first parameter
    expect(names({ problem: 'add', n: '1..2', basis: 'b2' }).map((s) => s.split('/')[0])).toEqual(['add:1', 'add:2']);
  });

  it('takes full names (with aliases canonicalised), single-instance families, and crosses bases then encoders', () => {
    expect(names({ problem: 'maj:5,fa,parity:3', basis: 'u2,b2', encoder: 'ssv,fence' })).toEqual([
      'maj:5/U2/ssv', 'maj:5/U2/fence', 'maj:5/B2/ssv', 'maj:5/B2/fence',
      'fa/U2/ssv', 'fa/U2/fence', 'fa/B2/ssv', 'fa/B2/fence',
      'xor:3/U2/ssv', 'xor:3/U2/fence', 'xor:3/B2/ssv', 'xor:3/B2/fence',
    ]);
    // duplicates (xor:3 twice, through an alias and the family) are dropped
    expect(names({ problem: 'xor:3,parity', n: '3..4', basis: 'b2' })).toEqual(['xor:3/B2/ssv', 'xor:4/B2/ssv']);
    // a table is a full name (canonical spelling); the family alone is not expanded over tables
    expect(names({ problem: 'tt:3:E8,tt:4:1', basis: 'b2' })).toEqual(['tt:3:e8/B2/ssv', 'tt:4:0001/B2/ssv']);
    expect(() => expandSweep({ problem: 'tt', n: '3', basis: 'b2' })).toThrow(/not expanded over its HEX parameter/);
    expect(expandSweep({ problem: 'maj:3', basis: 'b2', timeoutSeconds: 5 })[0]).toEqual({ problem: 'maj:3', basis: 'B2', encoder: 'ssv', timeoutSeconds: 5 });
  });

  it('the MIG, MC and LUT3 models sweep with their own encoders unless --encoder names one', () => {
    expect(names({ problem: 'maj:3', basis: 'b2,mig,mc,lut3' })).toEqual(['maj:3/B2/ssv', 'maj:3/MIG/kgate', 'maj:3/MC/mc', 'maj:3/LUT3/kgate']);
    expect(names({ problem: 'maj:3', basis: 'b2', encoder: 'fence' })).toEqual(['maj:3/B2/fence']);
  });

  it('refuses what it cannot expand with UsageErrors', () => {
    const bad = [
      { problem: 'frob', n: '3', basis: 'b2' },
      { problem: 'maj', basis: 'b2' }, // no --n
      { problem: 'mod', n: '3', basis: 'b2' }, // mod needs m
      { problem: 'maj', n: '5..3', basis: 'b2' },
      { problem: 'maj', n: 'x', basis: 'b2' },
      { problem: 'maj', n: '3', basis: 'ops:8,6' }, // custom bases: sizes need not be NPN-invariant, the store keys by NPN class
      { problem: 'maj', n: '3', basis: 'b2', encoder: 'frob' },
      { problem: 'maj', n: '4', basis: 'b2' }, // nothing valid
      { problem: 'maj:4', basis: 'b2' },
    ];
    for (const p of bad) expect(() => expandSweep(p), JSON.stringify(p)).toThrow(UsageError);
    expect(parseRange('3..5,8,4')).toEqual([3, 4, 5, 8]);
    for (const s of ['0/3', '4/3', '1/0', 'a/b', '1']) expect(() => parseShard(s)).toThrow(UsageError);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
  });

  const SEED = 812013;
  it(`shards partition the expansion: disjoint, complete, order kept, sizes within one (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), (len, count) => {
        const items = Array.from({ length: len }, (_, i) => `i${i}`);
        const shards = Array.from({ length: count }, (_, k) => shardOf(items, { index: k + 1, count }));
        const all = shards.flat();
        expect(all.length).toBe(len);
        expect(new Set(all).size).toBe(len);
        for (const s of shards) expect(s).toEqual(items.filter((x) => s.includes(x)));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
