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
 */
export function foldLabel(text: string): string {
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = cleanText(text)
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    // Headers, titles and choices repeat in every workbook of a ward: fold each text once. Bounded,
    // since rolls also pass names through here.
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, string>();

/** The five Vietnamese tone marks, as combining characters. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * A key for a person's name: case, spacing, invisible characters and Unicode form folded; each word's
 * tone mark moved to the end of the word, so its placement ("Hòa"/"Hoà") does not matter.
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    // A tally repeats the roll's names: the second time is a lookup. Bounded, as a ward's names do not repeat.
    if (nameKeys.size >= FOLD_CACHE_LIMIT) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

const nameKeys = new Map<string, string>();

function computeNameKey(name: string): string {
  // One pass over the decomposed name (a roll of 100,000 names comes through here): letters are copied,
  // each word's tone mark is held back and written after the word's last letter.
  const decomposed = cleanText(name).toLowerCase().normalize('NFD');
  let out = '';
  let tone = '';
  let wordHasLetters = false;
  for (let i = 0; i < decomposed.length; i++) {
    const ch = decomposed[i];
    if (ch === ' ') {
      if (wordHasLetters) out += `${tone} `;
      tone = '';
      wordHasLetters = false;
    } else if (TONES.has(ch)) {
      tone = ch;
    } else {
      out += ch;
      wordHasLetters = true;
    }
  }
  out = wordHasLetters ? out + tone : out.slice(0, -1);
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
export function chiBoKey(name: string): string {
  return foldLabel(name).replace(/^chi bo\b\s*/, '');
}
