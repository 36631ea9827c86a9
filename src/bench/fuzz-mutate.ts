/**
 * Seeded mutators for fuzzing the readers: text mutations (character and
 * line edits, dictionary tokens) and byte mutations (flips, truncation,
 * line and digit edits). Deterministic for a given {@link Rng} stream, so a
 * failing mutant is reproduced from its seed and index.
 */
import type { Rng } from '../util/rng.js';

function textLines(t: string): string[] {
  return t.split(/(?<=\n)/);
}

/** One random mutation of `text` (BENCH, BLIF, truth tables, JSON): character edits, line edits, or a dictionary token. */
export function mutateText(text: string, rng: Rng, dictionary: readonly string[]): string {
  const at = (): number => rng.below(text.length + 1);
  switch (rng.below(10)) {
    case 0: {
      // replace a character by a random printable or control character
      const i = at();
      return text.slice(0, i) + String.fromCharCode(rng.below(128)) + text.slice(i + 1);
    }
    case 1: {
      // delete a short run
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + rng.below(4));
    }
    case 2:
      return text.slice(0, at());
    case 3: {
      const ls = textLines(text);
      ls.splice(rng.below(ls.length), 1);
      return ls.join('');
    }
    case 4: {
      const ls = textLines(text);
      const k = rng.below(ls.length);
      if (ls.length) ls.splice(rng.below(ls.length), 0, ls[k]!);
      return ls.join('');
    }
    case 5: {
      const ls = textLines(text);
      if (ls.length > 1) {
        const i = rng.below(ls.length);
        const j = rng.below(ls.length);
        [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      }
      return ls.join('');
    }
    case 6: {
      // change a digit
      const digits: number[] = [];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits.push(i);
      if (!digits.length) return text;
      const i = digits[rng.below(digits.length)]!;
      return text.slice(0, i) + String(rng.below(10)) + text.slice(i + 1);
    }
    case 7: {
      // rename every use of one word to another word of the file (creates undefined signals, cycles, redefinitions)
      const words = text.match(/[A-Za-z0-9_[\]$.]+/g) ?? [];
      if (words.length < 2) return text;
      const a = words[rng.below(words.length)]!;
      const b = words[rng.below(words.length)]!;
      const i = text.indexOf(a, at());
      return i < 0 ? text : text.slice(0, i) + b + text.slice(i + a.length);
    }
    default: {
      const i = at();
      return text.slice(0, i) + dictionary[rng.below(dictionary.length)]! + text.slice(i);
    }
  }
}

function lines(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let s = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) (out.push(b.subarray(s, i + 1)), (s = i + 1));
  if (s < b.length) out.push(b.subarray(s));
  return out;
}

const concat = (parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

/** One random mutation of the bytes `b` (AIGER, ONNX): byte and bit flips, truncation, line edits, digit changes, insertions, deletions. */
export function mutateBytes(b: Uint8Array, rng: Rng): Uint8Array {
  const m = new Uint8Array(b);
  const at = (): number => rng.below(Math.max(1, m.length));
  switch (rng.below(9)) {
    case 0: // byte flip to a random value
      if (m.length) m[at()] = rng.below(256);
      return m;
    case 1: // bit flip
      if (m.length) m[at()]! ^= 1 << rng.below(8);
      return m;
    case 2: // truncation
      return m.subarray(0, rng.below(m.length + 1));
    case 3: {
      // line deletion
      const ls = lines(m);
      ls.splice(rng.below(ls.length), 1);
      return concat(ls);
    }
    case 4: {
      // line duplication
      const ls = lines(m);
      const k = rng.below(ls.length);
      if (ls.length) ls.splice(k, 0, ls[k]!);
      return concat(ls);
    }
    case 5: {
      // digit change (header numbers, literals, symbol positions)
      const digits: number[] = [];
      for (let i = 0; i < m.length; i++) if (m[i]! >= 48 && m[i]! <= 57) digits.push(i);
      if (digits.length) m[digits[rng.below(digits.length)]!] = 48 + rng.below(10);
      return m;
    }
    case 6: {
      // swap two lines
      const ls = lines(m);
      if (ls.length > 1) {
        const i = rng.below(ls.length);
        const j = rng.below(ls.length);
        [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      }
      return concat(ls);
    }
    case 7: {
      // insert a random byte (often a digit, space or new line)
      const pick = [48 + rng.below(10), 32, 10, 13, rng.below(256)][rng.below(5)]!;
      const k = rng.below(m.length + 1);
      return concat([m.subarray(0, k), Uint8Array.of(pick), m.subarray(k)]);
    }
    default: {
      // delete a byte range
      const k = at();
      return concat([m.subarray(0, k), m.subarray(Math.min(m.length, k + 1 + rng.below(8)))]);
    }
  }
}
