import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATALOG_MAX_INPUTS, catalogInstanceNames, parseProblem, renderProblemCatalog, writeProblemCatalog } from '../../src/problems/index.js';
import { specFromJson, specToJson } from '../../src/tt/spec.js';
import { BASES } from '../../src/core/basis.js';

const DIR = 'problems';

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listJson(p) : p.endsWith('.json') ? [p] : [];
  });
}

describe('problems/ catalog files (golden)', () => {
  it('the files on disk are exactly what writeProblemCatalog generates', () => {
    if (process.env['WATERLOO_UPDATE_PROBLEMS'] === '1') writeProblemCatalog(DIR);
    const files = renderProblemCatalog();
    const onDisk = listJson(DIR).map((p) => relative(DIR, p)).filter((p) => p !== 'catalog.json').sort();
    expect(onDisk).toEqual([...files.keys()].sort());
    for (const [rel, text] of files) expect(readFileSync(join(DIR, rel), 'utf8'), rel).toBe(text);
  });

  it('every file parses back to the same spec, within the size limit', () => {
    for (const name of catalogInstanceNames()) {
      const p = parseProblem(name);
      expect(p.spec.numInputs).toBeLessThanOrEqual(CATALOG_MAX_INPUTS);
      const file = JSON.parse(readFileSync(join(DIR, p.family, `${name.replaceAll(':', '_')}.json`), 'utf8'));
      expect(specToJson(specFromJson(file.spec))).toEqual(specToJson(p.spec));
    }
  });
});

describe('problems/catalog.json (known minimum sizes)', () => {
  const cat = JSON.parse(readFileSync(join(DIR, 'catalog.json'), 'utf8')) as {
    sources: Record<string, string>;
    entries: { problem: string; basis: string; size: number; sources: string[]; note?: string }[];
  };
  it('entries are well-formed and cite known sources or explain themselves', () => {
    expect(cat.entries.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    for (const e of cat.entries) {
      expect(() => parseProblem(e.problem), e.problem).not.toThrow();
      expect(Object.keys(BASES)).toContain(e.basis);
      expect(Number.isInteger(e.size) && e.size >= 0).toBe(true);
      for (const s of e.sources) expect(cat.sources[s], s).toBeDefined();
      expect(e.sources.length > 0 || (e.note ?? '').length > 0, e.problem).toBe(true);
      const key = `${e.problem}/${e.basis}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });
  it('spot values', () => {
    const size = (p: string, b: string): number | undefined => cat.entries.find((e) => e.problem === p && e.basis === b)?.size;
    expect(size('maj:3', 'B2')).toBe(4);
    expect(size('xor:5', 'B2')).toBe(4);
    expect(size('xor:5', 'U2')).toBe(12);
    expect(size('fa', 'B2')).toBe(5);
    expect(size('fa', 'U2')).toBe(7);
    expect([size('mod3:4:0', 'B2'), size('mod3:4:1', 'B2'), size('mod3:4:2', 'B2')]).toEqual([7, 7, 6]);
    expect(existsSync(join(DIR, 'README.md'))).toBe(true);
  });
});
