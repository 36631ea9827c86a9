import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { formatRecordExport, GENERATED_BEGIN, GENERATED_END, publishedInstances, readRecordExport, replaceGeneratedSection } from '../../src/results/index.js';
import { tempDir } from '../helpers/cli.js';
import { RECORDS } from './records.js';

describe('results README section', () => {
  it('replaces only the text between the markers', () => {
    const readme = `# R\n\nintro\n\n${GENERATED_BEGIN}\nold table\n${GENERATED_END}\n\nafter\n`;
    const out = replaceGeneratedSection(readme, 'new table\n');
    expect(out).toBe(`# R\n\nintro\n\n${GENERATED_BEGIN}\nnew table\n${GENERATED_END}\n\nafter\n`);
    expect(replaceGeneratedSection(out, 'new table')).toBe(out);
  });
  it('appends the markers when the README has none', () => {
    expect(replaceGeneratedSection('# R\n', 'x')).toBe(`# R\n\n${GENERATED_BEGIN}\nx\n${GENERATED_END}\n`);
  });
});

describe('record export', () => {
  it('round-trips records in table order, one per line', () => {
    const text = formatRecordExport([...RECORDS].reverse());
    expect(text.split('\n').filter(Boolean)).toHaveLength(RECORDS.length);
    const path = join(tempDir(), 'records.jsonl');
    writeFileSync(path, text);
    const back = readRecordExport(path);
    expect(formatRecordExport(back)).toBe(text);
    expect(back[0]!.problem).toBe('maj:3');
  });
  it('names the line of a broken record', () => {
    const path = join(tempDir(), 'records.jsonl');
    writeFileSync(path, formatRecordExport(RECORDS.slice(0, 1)) + '{"problem":\n');
    expect(() => readRecordExport(path)).toThrow(ValidationError);
    expect(() => readRecordExport(path)).toThrow(/records\.jsonl:2:/);
  });
});

describe('published set', () => {
  it('covers MAJ, THR, EXACT, MOD3 and SUM for small n in B2 and U2', () => {
    const inst = publishedInstances(60);
    const names = new Set(inst.map((i) => i.problem));
    for (const p of ['maj:3', 'maj:5', 'thr:2:0', 'thr:5:5', 'exact:5:2', 'mod3:3:0', 'mod3:5:2', 'sum:2', 'sum:5']) expect(names).toContain(p);
    expect(names).not.toContain('maj:4');
    expect(new Set(inst.map((i) => i.basis))).toEqual(new Set(['B2', 'U2']));
    expect(inst.every((i) => i.timeoutSeconds === 60 && i.encoder === 'ssv')).toBe(true);
    expect(inst).toHaveLength(2 * names.size);
  });
});
