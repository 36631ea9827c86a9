// Regenerates the explorer screenshots of the README (npm run build first):
//   node results/explorer/screenshots.mjs
// Needs Debian's chromium at /usr/bin/chromium (playwright-core drives it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = (...args) => execFileSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...args], { cwd: root, encoding: 'utf8' });

// a trained full adder: a difflogic gate network (seed 1), extracted and verified by `waterloo train`
const fa = join(here, 'trained-fa.bench');
cli('train', '--task', 'fa', '--model', 'gates', '--seed', '1', '--out', fa);
cli('explore', fa, '--find', '--windows', '--title', 'trained full adder (difflogic, seed 1)', '--out', join(here, 'trained-fa.html'));
writeFileSync(join(here, 'trained-fa.find.json'), cli('find', '--json', fa));
cli('show', fa, '--highlight', join(here, 'trained-fa.find.json'), '--svg', join(here, 'trained-fa-blocks.svg'));
const epfl = join(root, 'circuits', 'epfl', 'random_control', 'int2float.aig');
const epflHtml = join(here, 'epfl-int2float.html');
cli('explore', epfl, '--find', '--windows', '--timeout', '120', '--title', 'EPFL int2float (260 AND gates)', '--out', epflHtml);

// the extracted TFC_1W1A network grouped by layer and neuron (the page is 42 MB: written to a temporary folder)
const tmp = mkdtempSync(join(tmpdir(), 'waterloo-explorer-'));
cli('extract', join(root, 'test', 'fixtures', 'qonnx', 'TFC_1W1A.onnx'), '--out', join(tmp, 'tfc.aig'), '--output', 'argmax', '--provenance', join(tmp, 'tfc.prov.json'), '--check-samples', '0');
cli('explore', join(tmp, 'tfc.aig'), '--provenance', join(tmp, 'tfc.prov.json'), '--out', join(tmp, 'tfc.html'));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto('file://' + join(here, 'trained-fa.html'));
  await page.waitForFunction(() => window.explorer?.ready === true);
  await page.locator('.item.block', { hasText: '= FA(' }).first().click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(here, 'trained-fa.png') });

  await page.goto('file://' + epflHtml);
  await page.waitForFunction(() => window.explorer?.ready === true);
  await page.screenshot({ path: join(here, 'epfl-int2float.png') });
  // the window with the largest saving (first in its list), its smaller circuit in the panel
  await page.locator('.item.window').first().click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(here, 'epfl-int2float-window.png') });

  await page.goto('file://' + join(tmp, 'tfc.html'), { timeout: 120000 });
  await page.waitForFunction(() => window.explorer?.ready === true, null, { timeout: 120000 });
  await page.mouse.move(820, 380);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(100);
  }
  await page.screenshot({ path: join(here, 'tfc-1w1a-neurons.png') });

  const svg = readFileSync(join(here, 'trained-fa-blocks.svg')).toString('base64');
  await page.setViewportSize({ width: 560, height: 520 });
  await page.setContent(`<html><body style="margin:0;background:#fff"><img src="data:image/svg+xml;base64,${svg}"></body></html>`);
  await page.screenshot({ path: join(here, 'trained-fa-blocks.png') });
} finally {
  await browser.close();
}
