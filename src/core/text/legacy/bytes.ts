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
