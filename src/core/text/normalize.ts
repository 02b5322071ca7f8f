/**
 * Text folding. Labels and sheet names are matched with every diacritic removed (RULES.md 9.12);
 * people's names keep their letters and tones but not where the tone mark was typed (9.11), so that
 * "Hòa" and "Hoà" are one name while "Nhân" and "Nhẫn" stay two.
 */

/** Zero-width characters, soft hyphen, BOM: invisible in Excel, fatal to string equality. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Non-breaking and other exotic spaces that clerks paste from Word. */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Anything cleanText would change; most cells have none, and testing is cheaper than replacing. */
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n\u2028\u2029\v\f]| {2}|^ | $/;
/** Only spaces and invisible characters: what cleanText turns into ''. */
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]*$/;

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** `cleanText(text) === ''`, without building the cleaned text. */
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

/**
 * Folds a label for comparison: no diacritics (đ → d), lower case, punctuation to spaces, single spaces.
 * "Lần 1 - Hoàn thành tốt nhiệm vụ" and "LAN 1 HOAN THANH TOT NHIEM VU" fold alike.
 *
 * Text whose characters are ASCII, Latin or Vietnamese letters is folded character by character through
 * FOLD (plain ASCII through no table at all); any other text the long way (Unicode normalisation).
 */
export function foldLabel(text: string, memo?: TextMemo): string {
  if (!memo) return foldFast(text) ?? foldSlow(text);
  // Headers, titles and choices repeat in every workbook of a ward: a run folds each text once (the
  // run's memo, run.ts). What it returns never depends on what came before.
  return memo.get(text) ?? memo.set(text, foldFast(text) ?? foldSlow(text));
}

/** A run's memo of texts (run.ts `Memo`): only what foldLabel and nameKey need of it. */
export interface TextMemo {
  get(text: string): string | undefined;
  set(text: string, value: string): string;
}

function foldSlow(text: string): string {
  return cleanText(text)
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Each character of U+0080–U+024F and U+1E00–U+1EFF as `foldSlow` folds it alone: its letters and digits
 * ("đ" → "d", "Ầ" → "a"), or a space for a character with none ("×", "–"); undefined where folding
 * character by character could differ from folding the text (the soft hyphen, which cleaning deletes; a
 * character that keeps a mark outside U+0300–U+036F). A constant, made once from foldSlow's own steps.
 */
const FOLD: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  const add = (code: number): void => {
    if (code === 0xad) return;
    const own = String.fromCharCode(code).normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (/^[a-z0-9]+$/.test(own)) table[code] = own;
    else if (!/[a-z0-9]/.test(own)) table[code] = ' ';
  };
  for (let c = 0x80; c <= 0x24f; c++) add(c);
  for (let c = 0x1e00; c <= 0x1eff; c++) add(c);
  return table;
})();

const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/**
 * foldSlow(text) without normalising: ASCII text by lower-casing it (cleaning changes only what becomes a
 * space anyway), Latin and Vietnamese letters through FOLD; null when the text needs the long way.
 */
function foldFast(text: string): string | null {
  let ascii = true;
  // Already folded: lower-case letters and digits in words one space apart (most choices, many keys).
  let folded = true;
  let previous = 32;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      ascii = false;
      break;
    }
    if (folded && !((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code === 32 && previous !== 32))) folded = false;
    previous = code;
  }
  if (ascii) {
    if (folded && previous !== 32) return text;
    return text.toLowerCase().replace(NOT_ALPHANUMERIC, ' ').trim();
  }
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string | undefined;
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) piece = text[i];
      else if (code >= 65 && code <= 90) piece = String.fromCharCode(code + 32);
      else piece = ' ';
    } else {
      piece = code <= 0x24f || (code >= 0x1e00 && code <= 0x1eff) ? FOLD[code] : undefined;
      if (piece === undefined) return null;
    }
    if (piece === ' ') {
      gap = true;
      continue;
    }
    if (gap && out !== '') out += ' ';
    gap = false;
    out += piece;
  }
  return out;
}

/**
 * A key for a person's name: case, spacing, invisible characters and Unicode form folded; each word's
 * tone mark moved to the end of the word, so its placement ("Hòa"/"Hoà") does not matter.
 */
export function nameKey(name: string, memo?: TextMemo): string {
  if (!memo) return nameKeyFast(name) ?? nameKeyByNormalizing(name);
  // A tally repeats the roll's names: in a run, the second time is a lookup.
  return memo.get(name) ?? memo.set(name, nameKeyFast(name) ?? nameKeyByNormalizing(name));
}

/** The five tone marks (combining): a word's tone is moved to its end. */
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

/**
 * Each character of U+0080–U+024F and U+1E00–U+1EFF, lower case, taken apart as nameKeyByNormalizing
 * takes it apart: its letter without tone (NFC, one character) and its tone; undefined where that is not
 * one character (the name then goes the long way). A constant, made once from the definition's steps.
 */
const NAME_PARTS: readonly ({ readonly base: string; readonly tone: string } | undefined)[] = (() => {
  const table: ({ readonly base: string; readonly tone: string } | undefined)[] = [];
  const add = (code: number): void => {
    let base = '';
    let tone = '';
    for (const part of String.fromCharCode(code).normalize('NFD')) {
      if (TONE_MARKS.includes(part)) tone = part;
      else base += part;
    }
    base = base.normalize('NFC');
    if (base.length === 1) table[code] = { base, tone };
  };
  for (let c = 0x80; c <= 0x24f; c++) add(c);
  for (let c = 0x1e00; c <= 0x1eff; c++) add(c);
  return table;
})();

/**
 * nameKeyByNormalizing without normalising the whole name: ASCII as it is, Latin and Vietnamese letters
 * through NAME_PARTS, each word's last tone composed onto its last letter as NFC would; null for a name
 * with any other character (a combining mark typed apart, another script), which goes the long way.
 * test/perf/fastPaths.test.ts compares the two.
 */
function nameKeyFast(name: string): string | null {
  const lower = cleanText(name).toLowerCase();
  let out = '';
  let word = '';
  let tone = '';
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (code === 32) {
      if (word !== '') {
        const key = tone === '' ? word : word.slice(0, -1) + (word[word.length - 1] + tone).normalize('NFC');
        out = out === '' ? key : `${out} ${key}`;
      }
      word = '';
      tone = '';
    } else if (code < 0x80) {
      word += lower[i];
    } else {
      const parts = code <= 0x24f || (code >= 0x1e00 && code <= 0x1eff) ? NAME_PARTS[code] : undefined;
      if (parts === undefined) return null;
      word += parts.base;
      if (parts.tone !== '') tone = parts.tone;
    }
  }
  return out;
}

/** The definition (RULES.md 9.11): the name decomposed, each word's last tone mark after its letters, composed again. */
export function nameKeyByNormalizing(name: string): string {
  // The five tone marks are U+0300, U+0301, U+0303, U+0309 and U+0323 (combining).
  // One pass over the decomposed name (a roll of 100,000 names comes through here): letters are copied
  // in runs, each word's tone mark is held back and written after the word's last letter; a word of no
  // letters is dropped.
  const decomposed = cleanText(name).toLowerCase().normalize('NFD');
  let out = '';
  let tone = '';
  let word = '';
  let run = 0;
  for (let i = 0; i <= decomposed.length; i++) {
    const code = i < decomposed.length ? decomposed.charCodeAt(i) : 32;
    if (code === 32) {
      word += decomposed.slice(run, i);
      if (word !== '') out = out === '' ? word + tone : `${out} ${word}${tone}`;
      word = '';
      tone = '';
      run = i + 1;
    } else if (code === 0x300 || code === 0x301 || code === 0x303 || code === 0x309 || code === 0x323) {
      word += decomposed.slice(run, i);
      tone = decomposed[i];
      run = i + 1;
    }
  }
  return out.normalize('NFC');
}

/** Word multiset equality of two folded labels, for header fields typed in another order. */
export function sameWords(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const wa = a.split(' ').sort();
  const wb = b.split(' ').sort();
  return wa.every((w, i) => w === wb[i]);
}

/**
 * A key for a chi bộ's name: folded like a label (RULES.md 9.12) and without a leading "Chi bộ", so
 * "Chi bộ trường Mầm Non", "Trường Mầm non" and "TRUONG MAM NON" are one chi bộ.
 */
export function chiBoKey(name: string, memo?: TextMemo): string {
  return foldLabel(name, memo).replace(/^chi bo\b\s*/, '');
}
