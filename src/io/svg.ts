/**
 * SVG pictures of circuits: the {@link writeDot} graph laid out by Graphviz's
 * `dot` engine, compiled to WebAssembly and shipped inside the npm package
 * `@hpcc-js/wasm-graphviz` (no native Graphviz and no network needed).
 *
 * Meant for small circuits (up to a few hundred gates); larger ones render,
 * but slowly and unreadably. The package is loaded lazily on the first call,
 * so the rest of waterloo works without it; when it is missing
 * {@link renderSvg} throws a BackendError.
 */
import { BackendError } from '../errors.js';
import type { Circuit } from '../core/circuit.js';
import { writeDot, type WriteDotOptions } from './dot.js';

/** Options of {@link renderSvg}: those of {@link writeDot}. */
export type RenderSvgOptions = WriteDotOptions;

interface GraphvizLike {
  dot(dotSource: string, outputFormat?: 'svg'): string;
}

let loading: Promise<GraphvizLike> | undefined;

/** Loads (once) the WASM Graphviz instance. */
async function graphviz(): Promise<GraphvizLike> {
  loading ??= (async () => {
    let mod: { Graphviz: { load(): Promise<GraphvizLike> } };
    try {
      mod = (await import('@hpcc-js/wasm-graphviz')) as unknown as typeof mod;
    } catch (e) {
      loading = undefined;
      throw new BackendError(`SVG rendering needs the npm package @hpcc-js/wasm-graphviz (${(e as Error).message})`, 'unavailable');
    }
    return mod.Graphviz.load();
  })();
  return loading;
}

/** Lays out a DOT graph with Graphviz `dot` and returns the SVG text. */
export async function renderDotToSvg(dot: string): Promise<string> {
  const gv = await graphviz();
  try {
    return gv.dot(dot, 'svg');
  } catch (e) {
    throw new BackendError(`graphviz failed to lay out the graph: ${(e as Error).message}`, 'failed');
  }
}

/**
 * An SVG picture of the circuit (the {@link writeDot} drawing: inputs on
 * top, outputs at the bottom, complemented edges dashed with an open-circle
 * head). Deterministic for a given circuit and package version.
 */
export async function renderSvg(c: Circuit, opts: RenderSvgOptions = {}): Promise<string> {
  return renderDotToSvg(writeDot(c, opts));
}
