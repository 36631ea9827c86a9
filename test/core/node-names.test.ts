/**
 * One naming and polarity convention (core/node-names.ts) across the listing,
 * find, census-windows, correspond and show, pinned on a BENCH full adder
 * whose `n7 = OR(n6, n8)` is an XOR stored as the complement of an AND gate,
 * and whose carry output is such a complemented gate too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CircuitBuilder,
  findFunctions,
  formatListing,
  literalName,
  nodeNames,
  nodesByName,
  nodeValueName,
  parseBench,
  resolveNodes,
  writeDot,
} from '../../src/index.js';
import { ROOT, runWaterloo } from '../helpers/cli.js';

const FILE = join(ROOT, 'test', 'fixtures', 'names', 'fa-or.bench');
const fa = (): ReturnType<typeof parseBench> => parseBench(readFileSync(FILE, 'utf8'), { fileName: FILE });

describe('node names and polarities', () => {
  it('names a node by the file, with the polarity the file gives it', () => {
    const c = fa();
    const v7 = nodesByName(c).get('n7')!;
    // n7 = OR(n6, n8) is stored as an AND gate whose complement is n7
    expect(nodeNames(c).negated[v7]).toBe(1);
    expect(nodeValueName(c, v7)).toBe('!n7');
    expect(literalName(c, 2 * v7 + 1)).toBe('n7');
    expect(formatListing(c)).toContain('n7 = !AND(!n6, !n8)\n');
    expect(formatListing(c)).toContain('carry = !AND(!n3, !n9)\n');
  });

  it('find says n7 = XOR_2 (as the file defines it) and names the carry output', async () => {
    const r = await findFunctions(fa());
    const line = (m: (typeof r.matches)[number]): string => `${m.outputSignals.join(', ')} = ${m.name}(${m.inputSignals.join(', ')})`;
    const lines = r.matches.map(line);
    expect(lines).toContain('n7 = XOR_2(x0, x1)');
    expect(lines).toContain('carry = MAJ_3(x0, x1, x2)');
    expect(lines.some((l) => /^sum, carry = FA\(/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/XNOR|!carry|!n10|\bn10\b/);
    const maj = r.matches.find((m) => m.name === 'MAJ_3')!;
    expect(maj.leafNames).toEqual(['x0', 'x1', 'x2']);
  });

  it('the find CLI prints signals and leaves by name', () => {
    const r = runWaterloo(['find', FILE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}n7 = XOR_2\(x0, x1\) {2}\[leaves x0, x1; 3 gates\]$/m);
    expect(r.stdout).toMatch(/^ {2}sum, carry = FA\(x2, x1, x0\) {2}\[leaves x0, x1, x2; 7 gates\]$/m);
    expect(r.stdout).toMatch(/^ {2}output carry \(node \d+\): MAJ_3 of its 3 inputs$/m);
  });

  it('show --dot labels a gate drawn as OR with the file name it has (not its complement)', () => {
    const c = fa();
    const v7 = nodesByName(c).get('n7')!;
    const line = writeDot(c).split('\n').find((l) => l.startsWith(`  n${v7} [`))!;
    // every reference to the stored AND is complemented, so it is drawn as NAND(!n6,!n8) = OR: the file's n7
    expect(line).toContain('>n7<');
    const vc = nodesByName(c).get('carry')!;
    expect(writeDot(c).split('\n').find((l) => l.startsWith(`  n${vc} [`))).toContain('>carry<');
  });

  it('census-windows names a window root by the file name and polarity', () => {
    const r = runWaterloo(['census-windows', '--k', '2', FILE]);
    expect(r.code).toBe(0);
    // the window computing the stored AND of n7 is the complement of the file's n7
    expect(r.stdout).toMatch(/^ {2}!n7 over \[x0,x1\]: size 3/m);
  });

  it('correspond states each pair with the file names of both sides', () => {
    const r = runWaterloo(['correspond', FILE, FILE, '--limit', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A n7 = B n7$/m);
    expect(r.stdout).toMatch(/^A carry = B carry$/m);
  });

  it('a gate without a name gets g<index>; a generated id never takes a file name', () => {
    const b = new CircuitBuilder({ strash: false });
    const [x, y] = b.addInputs(2) as [number, number];
    const g0 = b.and(x, y);
    const g1 = b.xor(g0, x);
    b.nameGate(g1 ^ 1, 'g0');
    const g2 = b.and(g1, y);
    b.addOutput(g2, 'f');
    const c = b.build();
    expect(nodeNames(c).name.slice(3)).toEqual(["g0'", 'g0', 'g2']);
    expect(nodeValueName(c, 4)).toBe('!g0');
    expect(formatListing(c)).toBe(["inputs: x0 x1", "g0' = AND(x0, x1)", "g0 = !XOR(g0', x0)", 'g2 = AND(!g0, x1)', 'output f = g2', ''].join('\n'));
    // names resolve to the literal they denote; a generated id to its node
    expect(resolveNodes(c, ['g0', "g0'", 'g2'], 'node')).toEqual([9, 6, 10]);
  });
});
