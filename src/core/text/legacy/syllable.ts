/**
 * The shape of a Vietnamese syllable, to tell decoded legacy text from text that only happens to
 * decode: "B¶o Th¾ng" gives "Bảo Thắng" (two syllables), "Café" gives "Cafộ" (not one).
 */

const TONES: Readonly<Record<string, string>> = { '\u0300': 'huyen', '\u0301': 'sac', '\u0303': 'nga', '\u0309': 'hoi', '\u0323': 'nang' };

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?';
/** Vowel groups that end the syllable (no final consonant after them). */
const OPEN = 'a|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|ui|uê|uy|ưa|ưi|ưu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|iêu|yêu|uơ|ươ';
/** Vowel groups that take a final consonant (ă, â, iê, uô, ươ must). */
const CLOSED = 'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|oa|oă|oe|oo|uâ|uê|uy|iê|yê|uô|ươ|uyê';
const SHAPE = new RegExp(`^${INITIAL}(?:(?:${OPEN})|(?:${CLOSED})(c|ch|m|n|ng|nh|p|t))$`);

/**
 * True for a word that can be one Vietnamese syllable: an initial consonant, a vowel group, a final,
 * at most one tone, and only sắc or nặng before a final c, ch, p or t.
 */
export function isVietnameseSyllable(word: string): boolean {
  // A word of ASCII and Vietnamese letters (what a legacy decoding gives) is taken apart by table.
  let letters = '';
  let tone = '';
  for (let i = 0; i < word.length; i++) {
    const parts = LETTER_PARTS.get(word[i]);
    if (parts === undefined) return syllableByNormalizing(word);
    if (parts.tone) {
      if (tone) return false;
      tone = parts.tone;
    }
    letters += parts.letters;
  }
  return hasShape(letters, tone);
}

/** The definition: lower case, decomposed, the tone marks taken out, the rest composed again. */
export function syllableByNormalizing(word: string): boolean {
  const parts = word.toLowerCase().normalize('NFD');
  let letters = '';
  let tone = '';
  for (const ch of parts) {
    const t = TONES[ch];
    if (t) {
      if (tone) return false;
      tone = t;
    } else letters += ch;
  }
  return hasShape(letters.normalize('NFC'), tone);
}

function hasShape(letters: string, tone: string): boolean {
  const m = SHAPE.exec(letters);
  if (!m) return false;
  const stop = m[1] === 'c' || m[1] === 'ch' || m[1] === 'p' || m[1] === 't';
  return !stop || tone === 'sac' || tone === 'nang';
}

/**
 * Each ASCII letter and each letter of the Vietnamese alphabet, both cases, with every tone it takes →
 * what syllableByNormalizing makes of it alone: its lower-case letter without tone, and its tone. Made
 * by that very definition, letter by letter; test/core/legacy-scan.test.ts compares the two on words.
 */
const LETTER_PARTS: ReadonlyMap<string, { readonly letters: string; readonly tone: string }> = (() => {
  const parts = new Map<string, { readonly letters: string; readonly tone: string }>();
  for (const base of 'abcdefghijklmnopqrstuvwxyzăâđêôơư') {
    for (const mark of ['', ...Object.keys(TONES)]) {
      const lower = (base + mark).normalize('NFC');
      for (const ch of [lower, lower.toUpperCase()]) {
        if (ch.length !== 1 || ch.toLowerCase().length !== 1 || parts.has(ch)) continue;
        let letters = '';
        let tone = '';
        for (const part of ch.toLowerCase().normalize('NFD')) {
          if (TONES[part]) tone = TONES[part];
          else letters += part;
        }
        parts.set(ch, { letters: letters.normalize('NFC'), tone });
      }
    }
  }
  return parts;
})();

/**
 * The words of a text: runs of letters and marks. Matched in one scan: `split` with a Unicode-aware
 * pattern tries the pattern at every position, and was a third of the check of a small workbook.
 */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

const WORD = /[\p{L}\p{M}]+/gu;
