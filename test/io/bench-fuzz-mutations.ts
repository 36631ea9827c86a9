/** Text mutations (shared by bench-fuzz and blif-fuzz) for fuzzing the line-based readers (BENCH, BLIF). Seeded, no Math.random. */
import type { Rng } from '../../src/util/rng.js';

function lines(t: string): string[] {
  return t.split(/(?<=\n)/);
}

/** One random mutation of `text`: character edits, line edits, or a dictionary token. */
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
      const ls = lines(text);
      ls.splice(rng.below(ls.length), 1);
      return ls.join('');
    }
    case 4: {
      const ls = lines(text);
      const k = rng.below(ls.length);
      if (ls.length) ls.splice(rng.below(ls.length), 0, ls[k]!);
      return ls.join('');
    }
    case 5: {
      const ls = lines(text);
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
