/**
 * VNI-Windows: the code of the `VNI-…` fonts. A vowel with marks is its base letter followed by one
 * byte that the font draws as the marks ("aø" = "à", "eá" = "ế"); the letters that are not a base
 * plus marks (đ, ơ, ư, and i, ỵ with tones) have a byte of their own. Capitals use the same scheme
 * 0x20 lower. Written from the VNI-Windows character chart.
 */
import { byteOf } from './bytes';

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** Lower-case mark bytes → the combining marks they draw (a capital's byte is 0x20 lower). */
const MARKS: readonly (readonly [number, string])[] = [
  [0xf8, GRAVE], [0xf9, ACUTE], [0xfb, HOOK], [0xf5, TILDE], [0xef, DOT],
  [0xe2, CIRCUMFLEX], [0xe0, CIRCUMFLEX + GRAVE], [0xe1, CIRCUMFLEX + ACUTE], [0xe5, CIRCUMFLEX + HOOK], [0xe3, CIRCUMFLEX + TILDE], [0xe4, CIRCUMFLEX + DOT],
  [0xea, BREVE], [0xe8, BREVE + GRAVE], [0xe9, BREVE + ACUTE], [0xfa, BREVE + HOOK], [0xfc, BREVE + TILDE], [0xeb, BREVE + DOT],
];

/** Lower-case letters with a byte of their own. */
const LETTERS: readonly (readonly [number, string])[] = [
  [0xf1, 'đ'], [0xf4, 'ơ'], [0xf6, 'ư'],
  [0xec, 'ì'], [0xed, 'í'], [0xe6, 'ỉ'], [0xf3, 'ĩ'], [0xf2, 'ị'], [0xee, 'ỵ'],
];

const CASE_OFFSET = 0x20;
const MARK_OF: ReadonlyMap<number, { marks: string; upper: boolean }> = new Map(
  MARKS.flatMap(([code, marks]): [number, { marks: string; upper: boolean }][] => [
    [code, { marks, upper: false }],
    [code - CASE_OFFSET, { marks, upper: true }],
  ]),
);
const LETTER_OF: ReadonlyMap<number, string> = new Map(
  LETTERS.flatMap(([code, letter]): [number, string][] => [
    [code, letter],
    [code - CASE_OFFSET, letter.toUpperCase()],
  ]),
);

const TONE_MARKS: ReadonlySet<string> = new Set([GRAVE, ACUTE, HOOK, TILDE, DOT]);
/** Which marks each base takes: circumflex on a, e, o; breve on a; tones on every vowel (i has its own bytes). */
function takes(base: string, marks: string): boolean {
  const b = base.toLowerCase();
  const shape = marks.length === 2 || !TONE_MARKS.has(marks) ? marks[0] : '';
  if (shape === CIRCUMFLEX) return b === 'a' || b === 'e' || b === 'o';
  if (shape === BREVE) return b === 'a';
  return 'aeouyơư'.includes(b);
}

const isLower = (letter: string): boolean => letter === letter.toLowerCase();

/**
 * The text a VNI font shows for a cell, in Unicode NFC. Null when it cannot be VNI: a mark byte with
 * no vowel before it that takes it, or a letter outside the code.
 */
export function decodeVni(text: string): string | null {
  let out = '';
  let base = '';
  const flush = () => {
    out += base;
    base = '';
  };
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      flush();
      base = /[A-Za-z]/.test(ch) ? ch : '';
      if (!base) out += ch;
      continue;
    }
    const byte = byteOf(ch);
    const mark = MARK_OF.get(byte);
    if (mark) {
      if (!base || isLower(base) === mark.upper || !takes(base, mark.marks)) return null;
      out += base + mark.marks;
      base = '';
      continue;
    }
    const letter = LETTER_OF.get(byte);
    if (letter !== undefined) {
      flush();
      // ơ and ư take a tone byte after them, like any base.
      if (letter === 'ơ' || letter === 'ư' || letter === 'Ơ' || letter === 'Ư') base = letter;
      else out += letter;
      continue;
    }
    flush();
    if (/\p{L}/u.test(ch)) return null;
    out += ch;
  }
  flush();
  return out.normalize('NFC');
}

const ENCODE_MARKS: ReadonlyMap<string, number> = new Map(MARKS.map(([code, marks]) => [marks, code]));
const ENCODE_LETTERS: ReadonlyMap<string, number> = new Map(
  LETTERS.flatMap(([code, letter]): [string, number][] => [
    [letter, code],
    [letter.toUpperCase(), code - CASE_OFFSET],
  ]),
);

/** Unicode → VNI as a clerk would have typed it, read back as Windows-1252 (for tests and examples). */
export function encodeVni(text: string): string | null {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const own = ENCODE_LETTERS.get(ch);
    if (own !== undefined) {
      out += String.fromCharCode(own);
      continue;
    }
    const [base, ...rest] = ch.normalize('NFD');
    // ơ and ư keep their horn in NFD: their own byte, then the tone.
    const horn = rest[0] === '\u031B';
    // NFD orders marks by combining class (dot below before the breve); the chart lists shape first.
    const shape = rest.find((m) => m === CIRCUMFLEX || m === BREVE) ?? '';
    const marks = shape + (rest.find((m) => TONE_MARKS.has(m)) ?? '');
    const upper = !isLower(base);
    let head = base;
    if (horn) {
      const code = ENCODE_LETTERS.get((base + '\u031B').normalize('NFC'));
      if (code === undefined) return null;
      head = String.fromCharCode(code);
    }
    if (!marks) {
      if (!horn) return null;
      out += head;
      continue;
    }
    const code = ENCODE_MARKS.get(marks);
    if (code === undefined || !/[A-Za-z]/.test(base)) return null;
    out += head + String.fromCharCode(upper ? code - CASE_OFFSET : code);
  }
  return out;
}
