/**
 * Legacy Vietnamese text reaches a workbook as 8-bit codes that Windows read in its Western code page:
 * the byte 0xB6 became "¶". To decode it, each character is turned back into the byte it came from.
 * Windows-1252 and Latin-1 agree from 0xA0 up; 0x80–0x9F are cp1252's letters and punctuation ("€",
 * "ƒ", "Ÿ") when Excel typed them, and bare C1 controls when something decoded the bytes as Latin-1.
 * Both come back to the same byte.
 */

const CP1252_HIGH: Readonly<Record<string, number>> = {
  '\u20AC': 0x80, '\u201A': 0x82, '\u0192': 0x83, '\u201E': 0x84, '\u2026': 0x85, '\u2020': 0x86, '\u2021': 0x87,
  '\u02C6': 0x88, '\u2030': 0x89, '\u0160': 0x8a, '\u2039': 0x8b, '\u0152': 0x8c, '\u017D': 0x8e,
  '\u2018': 0x91, '\u2019': 0x92, '\u201C': 0x93, '\u201D': 0x94, '\u2022': 0x95, '\u2013': 0x96, '\u2014': 0x97,
  '\u02DC': 0x98, '\u2122': 0x99, '\u0161': 0x9a, '\u203A': 0x9b, '\u0153': 0x9c, '\u017E': 0x9e, '\u0178': 0x9f,
};

/** The Windows-1252 (or Latin-1) byte a character was read from; -1 when no single byte gives it. */
export function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code <= 0xff) return code;
  return CP1252_HIGH[ch] ?? -1;
}

/** True when every character of the text is one Windows-1252 byte: the only way legacy text can look. */
export function isSingleByteText(text: string): boolean {
  for (const ch of text) if (byteOf(ch) < 0) return false;
  return true;
}

/** Plain ASCII reads the same in every encoding: nothing legacy to find in it. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * What the scan for legacy text looks at: text that is not plain ASCII and holds no letter that no single
 * byte shows (ă, ơ, đ, ễ …: Latin Extended letters other than cp1252's own Œ, Š, Ÿ, ƒ …). Both decoders
 * give up on such a letter, so text typed in Unicode Vietnamese — nearly every name of a roll — is
 * passed over without decoding it.
 */
export function mayBeLegacy(text: string): boolean {
  // Two scans the regular-expression engine makes at native speed, instead of a loop over every character.
  return NOT_ASCII.test(text) && !NO_SINGLE_BYTE.test(text);
}

const NOT_ASCII = /[^\x00-\x7f]/;
/** Latin Extended and Vietnamese letters that no Windows-1252 byte shows (all but Œ œ Š š Ÿ Ž ž ƒ). */
const NO_SINGLE_BYTE = /[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u0179-\u017c\u017f-\u0191\u0193-\u024f\u1e00-\u1eff]/;
