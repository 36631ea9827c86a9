/**
 * DRAT proof parsing (text and binary), used by `drat-check.ts`.
 *
 * Text DRAT: clauses of DIMACS literals ending in 0, deletions prefixed with
 * `d`, comment lines starting with `c`. Binary DRAT (drat-trim / CaDiCaL
 * `--binary`): each step is a byte `a` (add) or `d` (delete), then literals
 * as unsigned LEB128 varints of `2*var + (negative ? 1 : 0)`, then a 0 byte.
 */

/** A parsed proof: step i adds (kind 0) or deletes (kind 1) the clause lits[starts[i] .. starts[i+1]). */
export interface DratSteps {
  readonly format: 'text' | 'binary';
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly lits: Int32Array;
  /** Largest variable index in the proof. */
  readonly maxVar: number;
}

/** The result of {@link parseDratProof}: the steps, or why the bytes are not a DRAT proof. */
export type DratParseResult = { readonly ok: true; readonly steps: DratSteps } | { readonly ok: false; readonly reason: string };

const MAX_VAR = 0x7ffffffe;

/**
 * Guesses the encoding: binary DRAT always contains 0 bytes (every step ends
 * with one) and text DRAT never does, so any 0 byte means binary.
 */
export function detectDratFormat(bytes: Uint8Array): 'text' | 'binary' {
  return bytes.indexOf(0) >= 0 ? 'binary' : 'text';
}

class StepBuilder {
  kinds = new Uint8Array(1024);
  starts = new Int32Array(1025);
  lits = new Int32Array(4096);
  count = 0;
  size = 0;
  maxVar = 0;

  push(lit: number): void {
    if (this.size === this.lits.length) {
      const next = new Int32Array(this.lits.length * 2);
      next.set(this.lits);
      this.lits = next;
    }
    this.lits[this.size++] = lit;
    const v = lit < 0 ? -lit : lit;
    if (v > this.maxVar) this.maxVar = v;
  }

  end(kind: number): void {
    if (this.count + 1 >= this.kinds.length) {
      const k = new Uint8Array(this.kinds.length * 2);
      k.set(this.kinds);
      this.kinds = k;
      const s = new Int32Array(this.starts.length * 2);
      s.set(this.starts);
      this.starts = s;
    }
    this.kinds[this.count] = kind;
    this.count++;
    this.starts[this.count] = this.size;
  }

  finish(format: 'text' | 'binary'): DratSteps {
    return {
      format,
      count: this.count,
      kinds: this.kinds.subarray(0, this.count),
      starts: this.starts.subarray(0, this.count + 1),
      lits: this.lits.subarray(0, this.size),
      maxVar: this.maxVar,
    };
  }
}

function parseBinary(bytes: Uint8Array): DratParseResult {
  const b = new StepBuilder();
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const tag = bytes[i]!;
    if (tag !== 0x61 && tag !== 0x64) {
      return { ok: false, reason: `binary DRAT: expected 'a' or 'd' at byte ${i}, found 0x${tag.toString(16)}` };
    }
    i++;
    for (;;) {
      let value = 0;
      let scale = 1;
      let byte: number;
      do {
        if (i >= n) return { ok: false, reason: 'binary DRAT: unexpected end of proof inside a step' };
        byte = bytes[i++]!;
        value += (byte & 0x7f) * scale;
        scale *= 128;
        if (value > 2 * MAX_VAR + 1) return { ok: false, reason: `binary DRAT: literal too large at byte ${i - 1}` };
      } while ((byte & 0x80) !== 0);
      if (value === 0) break;
      const v = Math.floor(value / 2);
      if (v === 0) return { ok: false, reason: `binary DRAT: invalid literal code ${value} at byte ${i - 1}` };
      b.push(value % 2 === 1 ? -v : v);
    }
    b.end(tag === 0x64 ? 1 : 0);
  }
  return { ok: true, steps: b.finish('binary') };
}

function parseText(bytes: Uint8Array): DratParseResult {
  const b = new StepBuilder();
  const n = bytes.length;
  let i = 0;
  let line = 1;
  let inClause = false;
  let deletion = false;
  while (i < n) {
    const ch = bytes[i]!;
    if (ch === 0x0a) {
      line++;
      i++;
    } else if (ch === 0x20 || ch === 0x09 || ch === 0x0d) {
      i++;
    } else if (ch === 0x63 && !inClause) {
      // comment line
      while (i < n && bytes[i] !== 0x0a) i++;
    } else if (ch === 0x64 && !inClause) {
      deletion = true;
      inClause = true;
      i++;
    } else if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      let neg = false;
      if (ch === 0x2d) {
        neg = true;
        i++;
      }
      let value = 0;
      const from = i;
      while (i < n && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
        value = value * 10 + (bytes[i]! - 0x30);
        if (value > MAX_VAR) return { ok: false, reason: `text DRAT line ${line}: literal too large` };
        i++;
      }
      if (i === from) return { ok: false, reason: `text DRAT line ${line}: '-' without digits` };
      if (value === 0) {
        if (neg) return { ok: false, reason: `text DRAT line ${line}: '-0' is not a literal` };
        b.end(deletion ? 1 : 0);
        inClause = false;
        deletion = false;
      } else {
        b.push(neg ? -value : value);
        inClause = true;
      }
    } else {
      return { ok: false, reason: `text DRAT line ${line}: unexpected character '${String.fromCharCode(ch)}'` };
    }
  }
  if (inClause) return { ok: false, reason: 'text DRAT: last step is not terminated by 0' };
  return { ok: true, steps: b.finish('text') };
}

/**
 * Parses a DRAT proof. Strings are text DRAT; bytes are text or binary as
 * `format` says (`auto`: see {@link detectDratFormat}).
 */
export function parseDratProof(proof: Uint8Array | string, format: 'auto' | 'text' | 'binary' = 'auto'): DratParseResult {
  const bytes = typeof proof === 'string' ? new TextEncoder().encode(proof) : proof;
  const fmt = typeof proof === 'string' ? 'text' : format === 'auto' ? detectDratFormat(bytes) : format;
  return fmt === 'binary' ? parseBinary(bytes) : parseText(bytes);
}
