/**
 * The explorer page in a real browser: Debian's headless Chromium driven by
 * playwright-core. Skipped, with a message, where /usr/bin/chromium is
 * absent (.ci/run installs it).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CircuitBuilder, writeBench } from '../../src/index.js';
import { ROOT, runWaterloo, tempDir } from '../helpers/cli.js';

/** The page's test API (src/explore/page-script.ts). */
interface Explorer {
  ready: boolean;
  data: { blocks: { gates: number[] }[]; names: string[]; layer: number[]; numInputs: number };
  highlighted(): number[];
  selection(): { index: number };
  screenOf(v: number): { x: number; y: number };
  nodeByName(n: string): number;
  box(label: string): { x: number; y: number; open: boolean } | null;
  scale(): number;
  centre(v: number): void;
}
// the callbacks given to page.evaluate run in the browser; the project compiles without DOM types
declare const window: { explorer?: Explorer };
declare const document: { getElementById(id: string): { dataset: Record<string, string>; width: number; getBoundingClientRect(): { left: number; top: number; width: number }; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } } };
declare function requestAnimationFrame(cb: () => void): number;

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`explore-browser: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

const BITS = 8;

/** An 8-bit ripple-carry adder as a BENCH file: s_i = a_i ^ b_i ^ c_i, c_{i+1} = a_i b_i | c_i (a_i ^ b_i). */
function adderBench(): string {
  const b = new CircuitBuilder();
  const a = b.addInputs(BITS, Array.from({ length: BITS }, (_, i) => `a${i}`));
  const bb = b.addInputs(BITS, Array.from({ length: BITS }, (_, i) => `b${i}`));
  let c = b.addInput('c0');
  for (let i = 0; i < BITS; i++) {
    const t = b.xor(a[i]!, bb[i]!);
    b.nameGate(t, `t${i}`);
    const s = b.xor(t, c);
    b.nameGate(s, `s${i}`);
    b.addOutput(s, `s${i}`);
    const carry = b.or(b.and(a[i]!, bb[i]!), b.and(c, t));
    b.nameGate(carry, `c${i + 1}`);
    c = carry;
  }
  b.addOutput(c, `c${BITS}`);
  return writeBench(b.build());
}

/** Hex colour of the canvas pixel under client point (x, y). */
async function pixelAt(page: Page, x: number, y: number): Promise<string> {
  return page.evaluate(([px, py]) => {
    const canvas = document.getElementById('canvas');
    const r = canvas.getBoundingClientRect();
    const dpr = canvas.width / r.width;
    const d = canvas.getContext('2d').getImageData(Math.round((px! - r.left) * dpr), Math.round((py! - r.top) * dpr), 1, 1).data;
    return '#' + [d[0], d[1], d[2]].map((v) => v!.toString(16).padStart(2, '0')).join('');
  }, [x, y]);
}

describe.skipIf(!HAVE_CHROMIUM)('explorer page in headless Chromium', () => {
  let browser: Browser;
  const dir = tempDir('waterloo-explore-');
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  }, 20_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('ripple-carry adder: every full adder listed, a click lights its gates, a gate click shows its truth table', async () => {
    writeFileSync(join(dir, 'rca8.bench'), adderBench());
    const gen = runWaterloo(['explore', join(dir, 'rca8.bench'), '--find', '--out', join(dir, 'rca8.html')]);
    expect(gen.code, gen.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('file://' + join(dir, 'rca8.html'));
    await page.waitForFunction(() => window.explorer?.ready === true);
    // only the page itself was loaded: nothing fetched at view time
    expect(requests).toEqual(['file://' + join(dir, 'rca8.html')]);

    // every full adder is listed, over its bit's a, b and carry-in
    const fas = (await page.locator('.item.block').allTextContents()).filter((t) => / = FA\(/.test(t));
    expect(fas).toHaveLength(BITS);
    for (let i = 0; i < BITS; i++) {
      const line = fas.find((t) => t.startsWith(`s${i}, c${i + 1} = FA(`));
      expect(line, `FA of bit ${i} in ${fas.join(' | ')}`).toBeDefined();
      expect(line!.replace(/^.*FA\((.*)\)$/, '$1').split(', ').sort()).toEqual([`a${i}`, `b${i}`, `c${i}`].sort());
    }

    // click the full adder of bit 3: exactly its gates light up, drawn in the highlight colour
    await page.locator('.item.block', { hasText: 's3, c4 = FA(' }).click();
    const state = await page.evaluate(() => {
      const ex = window.explorer!;
      const k = ex.selection().index;
      return { lit: ex.highlighted(), gates: ex.data.blocks[k]!.gates, names: ex.highlighted().map((u) => ex.data.names[u]!) };
    });
    expect(state.lit).toEqual([...state.gates].sort((x, y) => x - y));
    expect(state.names).toEqual(expect.arrayContaining(['s3', 'c4', 't3']));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const s = await page.evaluate(() => window.explorer!.scale());
    for (const u of state.gates) {
      const at = await page.evaluate((v) => window.explorer!.screenOf(v), u);
      // sample a point inside the box (46 x 22 units), away from its label
      expect(await pixelAt(page, at.x - 19 * s, at.y - 8 * s), `gate ${u}`).toBe('#60a5fa');
    }
    // and a gate outside the block is not highlighted
    const other = await page.evaluate(() => window.explorer!.nodeByName('s5'));
    const o = await page.evaluate((v) => window.explorer!.screenOf(v), other);
    if (o.x > 370 && o.y > 0 && o.y < 800) expect(await pixelAt(page, o.x - 19 * s, o.y - 8 * s)).not.toBe('#60a5fa');

    // click the gate s3 on the canvas: its truth table over its fanins t3, c3 (XOR: 0 1 1 0)
    const s3 = await page.evaluate(() => window.explorer!.nodeByName('s3'));
    const p = await page.evaluate((v) => window.explorer!.screenOf(v), s3);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((v) => document.getElementById('info').dataset.node === String(v), s3);
    const rows = await page.locator('#info table.tt tr').allTextContents();
    expect(rows).toHaveLength(5);
    const out = await page.locator('#info table.tt td.out').allTextContents();
    expect(out).toEqual(['0', '1', '1', '0']);
    const info = await page.locator('#info').textContent();
    expect(info).toMatch(/s3 = XOR\((t3, c3|c3, t3)\)/);
    expect(info).toContain('NPN class');
    expect(info).toContain('s3, c4 = FA(');
    const shot = join(dir, 'rca8.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    console.log(`explore-browser: screenshot ${shot}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('an extracted network opens at the level of layers and neurons; a click on a neuron opens it', async () => {
    const fa = join(ROOT, 'test', 'fixtures', 'names', 'fa-or.bench');
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ format: 'waterloo-provenance/1', gates: { n3: 'L1.n1', n6: 'L1.n2', n8: 'L1.n2.t1', n7: 'L2.n1', n9: 'L2.n2' } }));
    const gen = runWaterloo(['explore', fa, '--provenance', join(dir, 'map.json'), '--out', join(dir, 'grouped.html')]);
    expect(gen.code, gen.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + join(dir, 'grouped.html'));
    await page.waitForFunction(() => window.explorer?.ready === true);
    const n6 = await page.evaluate(() => window.explorer!.nodeByName('n6'));
    // collapsed: no gate is drawn, every box closed
    expect(await page.evaluate((v) => window.explorer!.screenOf(v), n6)).toBeNull();
    for (const label of ['inputs', 'L1.n1', 'L1.n2', 'L2.n1', 'L2.n2', 'other']) expect((await page.evaluate((l) => window.explorer!.box(l), label))!.open, label).toBe(false);
    const box = (await page.evaluate(() => window.explorer!.box('L1.n2')))!;
    await page.mouse.click(box.x, box.y);
    await page.waitForFunction(() => window.explorer!.box('L1.n2')!.open);
    expect(await page.evaluate((v) => window.explorer!.screenOf(v), n6)).not.toBeNull();
    expect(await page.evaluate(() => window.explorer!.box('L2.n1')!.open)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 20_000);

  it('a ~10,000-gate circuit (EPFL arbiter, 11,839 gates) opens and answers a click within 2 s', async () => {
    const circuit = join(ROOT, 'circuits', 'epfl', 'random_control', 'arbiter.aig');
    const html = join(dir, 'arbiter.html');
    const gen = runWaterloo(['explore', circuit, '--out', html]);
    expect(gen.code, gen.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = performance.now();
    await page.goto('file://' + html);
    await page.waitForFunction(() => window.explorer?.ready === true);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const openMs = performance.now() - t0;
    // a gate of the middle layer, brought into view, then clicked on the canvas
    const target = await page.evaluate(() => {
      const ex = window.explorer!;
      const layers = ex.data.layer;
      const mid = Math.floor(Math.max(...layers) / 2);
      const u = layers.findIndex((l, v) => l === mid && v > ex.data.numInputs);
      ex.centre(u);
      return { u, at: ex.screenOf(u) };
    });
    const t1 = performance.now();
    await page.mouse.click(target.at.x, target.at.y);
    await page.waitForFunction((v) => document.getElementById('info').dataset.node === String(v), target.u);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const clickMs = performance.now() - t1;
    const kib = readFileSync(html).length / 1024;
    console.log(`explore-browser: arbiter (11,839 gates) page ${kib.toFixed(0)} KiB, opened in ${openMs.toFixed(0)} ms, click answered in ${clickMs.toFixed(0)} ms`);
    expect(errors).toEqual([]);
    expect(openMs).toBeLessThan(2000);
    expect(clickMs).toBeLessThan(2000);
    await page.screenshot({ path: join(dir, 'arbiter.png') });
    await page.close();
  }, 30_000);
});
