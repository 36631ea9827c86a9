/**
 * Renders a Vega-Lite spec to SVG in Node: vega-lite compiles it to Vega, and
 * a headless Vega View (renderer 'none') writes the SVG. Both packages are
 * large, so they are imported on first use, not when waterloo starts.
 * The SVG depends only on the spec: without a canvas package Vega estimates
 * text widths from character counts, and the output carries no time.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BackendError } from '../errors.js';

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

let loaded: Promise<{ vega: VegaModule; vegaLite: VegaLiteModule }> | undefined;

function loadVega(): Promise<{ vega: VegaModule; vegaLite: VegaLiteModule }> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')])
    .then(([vega, vegaLite]) => ({ vega, vegaLite }))
    .catch((e: unknown) => {
      loaded = undefined;
      throw new BackendError(`plots need the vega and vega-lite packages: ${(e as Error).message}`, 'unavailable');
    });
  return loaded;
}

/**
 * Vega numbers clip paths and gradients with a process-wide counter, so the
 * same chart rendered twice gets different ids; renumbering them in order of
 * appearance makes the SVG a function of the spec alone.
 */
function renumberIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `${m[1]!.replace(/\d+$/, '')}${ids.size + 1}`);
  if (!ids.size) return svg;
  return svg.replace(/\bid="([^"]+)"|url\(#([^)]+)\)/g, (_whole, def: string | undefined, ref: string | undefined) => {
    if (def !== undefined) return `id="${ids.get(def) ?? def}"`;
    return `url(#${ids.get(ref!) ?? ref})`;
  });
}

/** The SVG text of a Vega-Lite chart. */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return renumberIds(svg) + '\n';
  } finally {
    view.finalize();
  }
}
