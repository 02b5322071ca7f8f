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
  const m = SHAPE.exec(letters.normalize('NFC'));
  if (!m) return false;
  const stop = m[1] === 'c' || m[1] === 'ch' || m[1] === 'p' || m[1] === 't';
  return !stop || tone === 'sac' || tone === 'nang';
}

/**
 * The words of a text: runs of letters and marks. Matched in one scan: `split` with a Unicode-aware
 * pattern tries the pattern at every position, and was a third of the check of a small workbook.
 */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

const WORD = /[\p{L}\p{M}]+/gu;
