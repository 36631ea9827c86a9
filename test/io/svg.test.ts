import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/core/builder.js';
import type { Circuit } from '../../src/core/circuit.js';
import { BackendError } from '../../src/errors.js';
import { parseBench } from '../../src/io/bench.js';
import { writeDot } from '../../src/io/dot.js';
import { renderDotToSvg, renderSvg } from '../../src/io/svg.js';
import { mixedCircuit } from '../helpers/mixed-circuit.js';

const ISCAS = join(import.meta.dirname, '../../circuits/iscas85');
const FIXTURES = join(import.meta.dirname, '../fixtures/dot');

function bench(path: string): Circuit {
  return parseBench(readFileSync(path), { fileName: path });
}

/** The `<title>` of every node group of a Graphviz SVG (the DOT node ids). */
function nodeTitles(svg: string): string[] {
  return [...svg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
}

describe('renderSvg', () => {
  it('draws c17: every input, gate and output once, no bubbles', async () => {
    const svg = await renderSvg(bench(join(ISCAS, 'c17.bench')), { title: 'c17' });
    expect(svg).toContain('<svg');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(nodeTitles(svg).sort()).toEqual(['n1', 'n10', 'n11', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'o0', 'o1']);
    expect(svg.match(/>NAND</g)).toHaveLength(6);
    expect(svg).not.toContain('stroke-dasharray');
  });

  it('draws complemented edges dashed', async () => {
    const c = bench(join(FIXTURES, 'full-adder/input.bench'));
    const svg = await renderSvg(c, { deMorgan: false });
    const dot = writeDot(c, { deMorgan: false });
    const dashedInDot = dot.match(/style=dashed/g)!.length;
    expect(svg.match(/stroke-dasharray="5,2"/g)).toHaveLength(dashedInDot);
  });

  it('is deterministic', async () => {
    const c = mixedCircuit();
    expect(await renderSvg(c)).toBe(await renderSvg(c));
  });

  it('draws the mixed circuit (constant, LUT pin labels)', async () => {
    const svg = await renderSvg(mixedCircuit());
    expect(nodeTitles(svg)).toContain('n0');
    expect(svg).toContain('> LUT 0xd8 <');
    expect(svg).toContain('>x2<');
  });

  it('draws c432 (160 gates) in reasonable time', async () => {
    const c = bench(join(ISCAS, 'c432.bench'));
    const svg = await renderSvg(c, { title: 'c432' });
    expect(nodeTitles(svg)).toHaveLength(c.numInputs + c.numGates + c.outputs.length);
  });

  it('draws an empty circuit', async () => {
    expect(await renderSvg(new CircuitBuilder().build())).toContain('<svg');
  });

  it('reports bad DOT as a BackendError', async () => {
    await expect(renderDotToSvg('digraph { a -> }')).rejects.toBeInstanceOf(BackendError);
  });
});
