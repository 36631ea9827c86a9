/** What travels through Redis: job ids from instance keys, and the checks on data read back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { verifiedRecord } from '../store/verified-record.js';
import { instanceJobId, parseJobData, parseJobResult } from '../../src/queue/index.js';

const SEED = 8;

describe('queue job payloads', () => {
  it(`job ids are free of colons (BullMQ refuses them) and injective on keys (seed ${SEED})`, () => {
    console.log(`fast-check seed ${SEED}`);
    expect(instanceJobId({ problem: 'mod3:5:1', basis: 'B2', encoder: 'ssv' })).not.toContain(':');
    expect(instanceJobId({ problem: 'a|b', basis: 'B2', encoder: 'ssv' })).not.toBe(instanceJobId({ problem: 'a', basis: 'b|B2', encoder: 'ssv' }));
    const key = fc.record({ problem: fc.string(), basis: fc.string(), encoder: fc.string() });
    fc.assert(
      fc.property(key, key, (a, b) => {
        const same = a.problem === b.problem && a.basis === b.basis && a.encoder === b.encoder;
        expect(instanceJobId(a) === instanceJobId(b)).toBe(same);
        expect(instanceJobId(a)).not.toContain(':');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('refuses job data that is not an instance, and return values that are not records', () => {
    expect(parseJobData({ problem: 'maj:3', basis: 'B2', encoder: 'ssv', timeoutSeconds: 5 }, 'j')).toEqual({ problem: 'maj:3', basis: 'B2', encoder: 'ssv', timeoutSeconds: 5 });
    for (const bad of [null, 'maj:3', { problem: 'maj:3', basis: 'B2' }, { problem: '', basis: 'B2', encoder: 'ssv' }, { problem: 'maj:3', basis: 'B2', encoder: 'ssv', timeoutSeconds: -1 }]) {
      expect(() => parseJobData(bad, 'j')).toThrow(ValidationError);
    }
    const record = verifiedRecord('maj:3', 'optimal', 4);
    expect(parseJobResult(record, 'j')).toBe(record);
    for (const bad of [undefined, 42, { ...record, status: 'solved' }, { ...record, lowerBound: 1.5 }, { ...record, attempts: undefined }]) {
      expect(() => parseJobResult(bad, 'j')).toThrow(expect.objectContaining({ code: 'bad-result' }));
    }
  });
});
