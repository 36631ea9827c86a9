/** The explorer's data, layout, provenance maps and highlights (Node side; the page itself: explore-browser.test.ts). */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blocksFromFindJson,
  buildPageData,
  CircuitBuilder,
  findFunctions,
  gateFanins,
  layeredLayout,
  levels,
  nodesByName,
  parseBench,
  parseProvenanceMap,
  renderExplorerHtml,
  ValidationError,
  writeBench,
} from '../../src/index.js';
import { randomCircuit } from '../helpers/random-circuit.js';
import { CLI, ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

const FA_FILE = join(ROOT, 'test', 'fixtures', 'names', 'fa-or.bench');
const fa = (): ReturnType<typeof parseBench> => parseBench(readFileSync(FA_FILE, 'utf8'), { fileName: FA_FILE });

describe('layeredLayout', () => {
  it('puts each node on its level and orders every layer as a permutation (seeds 1..30)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const c = randomCircuit(seed, { maxGates: 40 });
      const lay = layeredLayout(c);
      const lv = levels(c);
      for (let v = 1; v < lv.length; v++) expect(lay.layer[v], `seed ${seed} node ${v}`).toBe(lv[v]);
      for (let g = 0; g < c.numGates; g++) for (const f of gateFanins(c, g)) expect(lay.layer[f >>> 1]!).toBeLessThan(lay.layer[c.numInputs + 1 + g]!);
      const seen = new Set<string>();
      for (let v = 0; v < lv.length; v++) seen.add(`${lay.layer[v]}:${lay.order[v]}`);
      expect(seen.size, `seed ${seed}`).toBe(lv.length);
      lay.layers.forEach((nodes, k) => nodes.forEach((v, i) => (expect(lay.layer[v]).toBe(k), expect(lay.order[v]).toBe(i))));
    }
  });
});

describe('buildPageData', () => {
  it('names, drawn labels and functions as the file defines them', async () => {
    const c = fa();
    const r = await findFunctions(c);
    const d = buildPageData(c, { title: 'fa', matches: r.matches, disjointMatches: r.disjointMatches });
    const v7 = nodesByName(c).get('n7')!;
    expect(d.names[v7]).toBe('n7');
    expect(d.negated[v7]).toBe(1);
    // n7 = OR(n6, n8) over n6, n8: the file's OR (e), NPN class of AND (8: the representative of AND/OR)
    expect(d.functions[v7]).toEqual({ signal: 'n7', leaves: ['n6', 'n8'], table: 'e', npn: toNpn('e') });
    expect(d.drawn[v7]).toBe('NAND');
    const fa1 = d.blocks.find((b) => b.entry === 'FA')!;
    expect(fa1.text).toBe('sum, carry = FA(x2, x1, x0)');
    expect(fa1.gates).toHaveLength(7);
    expect(d.ran).toEqual({ find: true, windows: false });
  });

  it('groups gates by layer and neuron from a provenance map', () => {
    const c = fa();
    const map = parseProvenanceMap(JSON.stringify({ format: 'waterloo-provenance/1', gates: { n3: 'L1.n1', n6: 'L1.n2', n8: 'L1.n2.t1', n7: 'L2.n1' } }), c);
    const d = buildPageData(c, { title: 'fa', provenance: map });
    const g = d.groups!;
    expect(g.boxes.map((b) => `${b.label}@${b.row}:${b.gates.length}`)).toEqual(['inputs@0:3', 'L1.n1@1:1', 'L1.n2@1:2', 'L2.n1@2:1', 'other@3:3']);
    // L1.n2 (n6, n8) feeds L2.n1 (n7) twice
    expect(g.links).toContainEqual([2, 3, 2]);
  });

  it('the page inlines everything: no URL is fetched, the data cannot close its script element', () => {
    const b = new CircuitBuilder();
    const [x, y] = b.addInputs(2, ['</script><b>', 'y']) as [number, number];
    b.addOutput(b.and(x, y), 'f');
    const html = renderExplorerHtml(buildPageData(b.build(), { title: 't' }));
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain("default-src 'none'");
  });
});

/** NPN representative of a 2-input hex table, computed by the library itself. */
function toNpn(hex: string): string {
  const c = parseBench('INPUT(a)\nINPUT(b)\nOUTPUT(f)\nf = LUT 0x' + hex + ' (a, b)\n', { fileName: 't.bench' });
  const d = buildPageData(c, { title: '' });
  return d.functions[3]!.npn!;
}

describe('parseProvenanceMap', () => {
  const c = fa();
  const bad = (text: string): unknown => {
    try {
      parseProvenanceMap(text, c, 'm.json');
    } catch (e) {
      return e;
    }
    return null;
  };
  it('refuses what is not a provenance map (class and code)', () => {
    for (const [text, code] of [
      ['{', 'bad-json'],
      ['[]', 'bad-json'],
      ['{"format":"other","gates":{}}', 'bad-json'],
      ['{"format":"waterloo-provenance/1"}', 'bad-json'],
      ['{"format":"waterloo-provenance/1","gates":{"n7":"L0.n1"}}', 'bad-json'],
      ['{"format":"waterloo-provenance/1","gates":{"n7":"L1.n1.x"}}', 'bad-json'],
      ['{"format":"waterloo-provenance/1","gates":{"nope":"L1.n1"}}', 'unknown-node'],
      ['{"format":"waterloo-provenance/1","gates":{"x0":"L1.n1"}}', 'unknown-node'],
    ] as const) {
      const e = bad(text);
      expect(e, text).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code, text).toBe(code);
    }
  });
  it('reads layer, neuron and part', () => {
    const m = parseProvenanceMap('{"format":"waterloo-provenance/1","gates":{"n7":"L2.n10.t3","n3":"L1.n1"}}', c);
    expect(m.get(nodesByName(c).get('n7')!)).toEqual({ layer: 2, neuron: 10, part: 3 });
    expect(m.get(nodesByName(c).get('n3')!)).toEqual({ layer: 1, neuron: 1 });
  });
});

describe('show --highlight and blocksFromFindJson', () => {
  it('draws the disjoint find blocks as labelled clusters', () => {
    const dir = tempDir();
    const find = runWaterloo(['find', '--json', FA_FILE]);
    expect(find.code).toBe(0);
    writeFileSync(join(dir, 'find.json'), find.stdout);
    const r = runWaterloo(['show', FA_FILE, '--highlight', join(dir, 'find.json'), '--dot', join(dir, 'o.dot')]);
    expect(r.code).toBe(0);
    const dot = readFileSync(join(dir, 'o.dot'), 'utf8');
    const clusters = dot.split('\n').filter((l) => l.includes('subgraph cluster_'));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toContain('label="sum, carry = FA(x2, x1, x0)"');
    expect(clusters[0]!.match(/n\d+;/g)).toHaveLength(7);
  });
  it('refuses a report of another circuit, and --highlight without a picture', () => {
    const dir = tempDir();
    const other = new CircuitBuilder();
    const [a, b] = other.addInputs(2, ['p', 'q']) as [number, number];
    other.addOutput(other.xor(other.and(a, b), a), 'f');
    writeFileSync(join(dir, 'other.bench'), writeBench(other.build()));
    const find = runWaterloo(['find', '--json', '--min-cone', '1', join(dir, 'other.bench')]);
    writeFileSync(join(dir, 'find.json'), find.stdout);
    expect(JSON.parse(find.stdout).matches.length).toBeGreaterThan(0);
    expect(() => blocksFromFindJson(find.stdout, fa())).toThrow(ValidationError);
    expect(runWaterloo(['show', FA_FILE, '--highlight', join(dir, 'find.json'), '--dot', join(dir, 'o.dot')]).code).toBe(3);
    expect(runWaterloo(['show', FA_FILE, '--highlight', join(dir, 'find.json')]).code).toBe(2);
    expect(runWaterloo(['show', FA_FILE, '--highlight', join(dir, 'missing.json'), '--dot', join(dir, 'o.dot')]).code).toBe(3);
  });
});

describe('waterloo explore', () => {
  it('writes the page (stdout or --out), exit 2 on bad usage, 3 on bad input', () => {
    const dir = tempDir();
    const r = runWaterloo(['explore', FA_FILE, '--find', '--out', join(dir, 'fa.html')]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'fa.html'), 'utf8');
    expect(html).toContain('"format":"waterloo-explorer/1"');
    expect(runWaterloo(['explore', FA_FILE]).stdout).toMatch(/^<!DOCTYPE html>/);
    expect(runWaterloo(['explore']).code).toBe(2);
    expect(runWaterloo(['explore', FA_FILE, '--port', '70000', '--serve']).code).toBe(2);
    expect(runWaterloo(['explore', 'no/such.bench']).code).toBe(3);
    writeFileSync(join(dir, 'map.json'), '{"format":"waterloo-provenance/1","gates":{"zz":"L1.n1"}}');
    expect(runWaterloo(['explore', FA_FILE, '--provenance', join(dir, 'map.json')]).code).toBe(3);
  });

  it('--serve serves the page on 127.0.0.1 and stops on SIGINT with exit 0', async () => {
    const child = spawn(process.execPath, [CLI, 'explore', FA_FILE, '--serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${err}`)));
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('waterloo-explorer/1');
    expect((await fetch(url + 'other')).status).toBe(404);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  });
});
