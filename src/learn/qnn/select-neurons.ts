/**
 * Cutting a neuron or a layer out of an extracted circuit by its provenance
 * (provenance.ts): the gates labelled `L2.n5` (and `L2.n5.t*`), or all of
 * layer `L2`, become a circuit of their own whose inputs are the signals they
 * read from outside and whose outputs are the selected gates used outside
 * (or driving a circuit output), so find, census-windows and improve can run
 * on one neuron or layer.
 */
import { gateFanins, type Circuit } from '../../core/circuit.js';
import { coneCircuit } from '../../core/cone.js';
import { generatedGateId } from '../../core/node-names.js';
import { benchNodeNames } from '../../io/bench-write.js';
import { UsageError } from '../../errors.js';
import { labelMatches, type ProvenanceJson } from './provenance.js';

/** The subcircuit of the gates whose label matches `selector` (`L2` or `L2.n5`); UsageError when none does. */
export function selectByProvenance(c: Circuit, map: ProvenanceJson, selector: string): Circuit {
  if (!/^L\d+(\.n\d+(\.t\d+)?)?$/.test(selector)) throw new UsageError(`"${selector}" is not a layer (L2), neuron (L2.n5) or comparator (L2.n5.t1) name`, 'bad-param');
  const first = c.numInputs + 1;
  // gate names as the circuit file gave them (a .bench), else as the bench writer would (an AIGER file keeps the node order)
  const written = benchNodeNames(c);
  const selected = new Set<number>();
  for (let g = 0; g < c.numGates; g++) {
    // a name from the file, else the id a reader generates (AIGER), else the .bench writer's name
    const own = c.gateNames.get(g);
    const label = (own !== undefined ? map.gates[own] : undefined) ?? map.gates[generatedGateId(g)] ?? map.gates[written[first + g]!];
    if (label !== undefined && labelMatches(label, selector)) selected.add(first + g);
  }
  if (selected.size === 0) throw new UsageError(`no gate of the circuit is labelled ${selector} in the provenance map (a constant or removed neuron has none)`, 'bad-param');
  const leaves = new Set<number>();
  const usedOutside = new Set<number>();
  for (let g = 0; g < c.numGates; g++) {
    const v = first + g;
    for (const f of gateFanins(c, g)) {
      const u = f >>> 1;
      if (selected.has(v) && !selected.has(u) && u !== 0) leaves.add(u);
      if (!selected.has(v) && selected.has(u)) usedOutside.add(u);
    }
  }
  for (const o of c.outputs) if (selected.has(o >>> 1)) usedOutside.add(o >>> 1);
  const leafList = [...leaves].sort((a, b) => a - b);
  const gates = [...selected].sort((a, b) => a - b);
  const roots = [...usedOutside].sort((a, b) => a - b);
  const nameOf = (v: number): string => (v <= c.numInputs ? c.inputNames[v - 1]! : (c.gateNames.get(v - first) ?? written[v]!));
  return coneCircuit(c, leafList, gates, roots.map((v) => 2 * v), { input: (i) => nameOf(leafList[i]!), output: (k) => nameOf(roots[k]!) });
}
