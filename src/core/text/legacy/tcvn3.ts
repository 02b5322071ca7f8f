/**
 * TCVN 5712:1993 VN3 ("TCVN3", "ABC"): the code of the `.Vn…` fonts. One byte per letter; the
 * lower-case letters with every tone, and the seven upper-case base letters without tone. Capitals
 * with tones are typed with the same lower-case codes in a capitals-only font (`.VnTimeH`,
 * `.VnArialH`…), so the font decides the case. Written from the TCVN 5712 character chart.
 */
import { byteOf } from './bytes';

/** Code → letter, in chart order: each vowel without tone, then huyền, hỏi, ngã, sắc, nặng. */
const CHART: readonly (readonly [number, string])[] = [
  [0xa0, '\u00A0'],
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];

const DECODE: ReadonlyMap<number, string> = new Map<number, string>(CHART);
const ENCODE: ReadonlyMap<string, number> = new Map<string, number>(CHART.map(([code, ch]) => [ch, code]));

/**
 * The text a TCVN3 font shows for a cell, in Unicode NFC; `upper` for a capitals-only font. Null when
 * a letter in it has no TCVN3 code (it cannot have been typed in TCVN3). Other characters — ASCII,
 * punctuation Excel kept from cp1252 — stay as they are.
 */
export function decodeTcvn3(text: string, upper = false): string | null {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const letter = DECODE.get(byteOf(ch));
    if (letter !== undefined) out += letter;
    else if (/\p{L}/u.test(ch)) return null;
    else out += ch;
  }
  return (upper ? out.toUpperCase() : out).normalize('NFC');
}

/**
 * Unicode → TCVN3 as a clerk would have typed it, read back as Windows-1252 (for tests and examples).
 * Capitals with a tone have no code: with `capitalsFont` every letter is written in lower case (the
 * `.VnTimeH` way); otherwise they give null.
 */
export function encodeTcvn3(text: string, capitalsFont = false): string | null {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = capitalsFont ? ch.toLowerCase() : ch;
    if (c.charCodeAt(0) < 0x80) {
      out += c;
      continue;
    }
    const code = ENCODE.get(c);
    if (code === undefined) return null;
    out += String.fromCharCode(code);
  }
  return out;
}
