/**
 * Finding text typed in a legacy Vietnamese code (DATA-06). The cell's font says it where the host
 * tells us (`.VnTime`, `VNI-Times`); otherwise the characters must say it clearly enough that plain
 * ASCII, real Unicode Vietnamese and Western names ("Café", "Loïc", "Hoà") are never taken for it:
 *
 * - the text must decode (every non-ASCII character is a code of the encoding) and every word the
 *   decoding changes must be a Vietnamese syllable;
 * - and it must carry a *strong* sign: a code that real text would not have there — "¶", "¸", "­" for
 *   TCVN3, a capital inside a lower-case word ("ThÕ"), a VNI mark after a vowel that no Western or
 *   Vietnamese word writes ("aø", "eã"). A cell with only weak signs (Unicode "Lê Tú" decodes as TCVN3
 *   "Lờ Tỳ", "Hoà" as VNI "Hồ") is not taken: only its font can say it is legacy text.
 */
import { presentColumns } from '../../grid';
import { byteOf, isAscii, mayBeLegacy } from './bytes';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';
import { isVietnameseSyllable, wordsOf } from './syllable';

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface LegacyFont {
  readonly encoding: LegacyEncoding;
  /** A capitals-only TCVN3 font (`.VnTimeH`): the codes show as capitals. */
  readonly upper: boolean;
  /** The Unicode font the converted cell gets. */
  readonly unicodeFont: string;
}

const SANS = /arial|helve|univers|avant|tahoma|verdana|swiss|futura|optima|aptima|gothic|black/i;
const MONO = /couri/i;

function unicodeFontFor(name: string): string {
  if (MONO.test(name)) return 'Courier New';
  return SANS.test(name) ? 'Arial' : 'Times New Roman';
}

/** What a font name says: a TCVN3 font (`.Vn…`, capitals when it ends in H), a VNI font (`VNI-…`), or neither. */
export function legacyFont(name: string | null | undefined): LegacyFont | null {
  if (!name) return null;
  const trimmed = name.trim();
  if (/^\.vn/i.test(trimmed)) return { encoding: 'tcvn3', upper: /H$/.test(trimmed), unicodeFont: unicodeFontFor(trimmed) };
  if (/^vni[- ]/i.test(trimmed)) return { encoding: 'vni', upper: false, unicodeFont: unicodeFontFor(trimmed) };
  return null;
}

/** How sure a finding is: the font says so, the text says so clearly, or only faintly. */
export type Evidence = 'font' | 'strong' | 'weak';

export interface LegacyReading {
  readonly encoding: LegacyEncoding;
  /** The text as the legacy font shows it, in Unicode NFC. */
  readonly converted: string;
  readonly evidence: Evidence;
  /** The Unicode font to give the cell, when its font is a legacy one. */
  readonly unicodeFont: string | null;
}

/** Converts text of a known encoding; null when it is not text of that encoding. */
export function decodeLegacy(text: string, encoding: LegacyEncoding, upper = false): string | null {
  return encoding === 'tcvn3' ? decodeTcvn3(text, upper) : decodeVni(text);
}

/** Every word the decoding changed is a syllable, and at least one changed. */
function plausible(original: string, converted: string): boolean {
  if (converted === original.normalize('NFC')) return false;
  const changed = wordsOf(converted).filter((w) => !isAscii(w));
  return changed.length > 0 && changed.every(isVietnameseSyllable);
}

const isLowerLetter = (ch: string): boolean => /\p{Ll}/u.test(ch);
const isUpperLetter = (ch: string): boolean => /\p{Lu}/u.test(ch);

/**
 * TCVN3's strong signs: a code shown as a symbol (0xA1–0xBF, ×, ÷: "¶", "¸", "­"), or shown as a
 * capital right after a lower-case letter ("ThÕ" for "Thế").
 */
function strongTcvn3(text: string): boolean {
  const chars = [...text];
  return chars.some((ch, i) => {
    const b = byteOf(ch);
    if (b >= 0xa1 && b <= 0xbf) return true;
    if (b === 0xd7 || b === 0xf7) return true;
    return b >= 0xc0 && b <= 0xde && isUpperLetter(ch) && i > 0 && isLowerLetter(chars[i - 1]);
  });
}

/** VNI mark bytes that Western and Unicode Vietnamese text do not write after a vowel. */
const VNI_STRONG_MARKS = new Set([0xf8, 0xfb, 0xf5, 0xe5, 0xe4, 0xe3, 0xea, 0xe8, 0xe9, 0xfa, 0xfc, 0xeb, 0xe2, 0xf9]);
/** VNI letters no Vietnamese or common Western name writes: ñ (đ), ö (ư), æ (ỉ), î (ỵ). */
const VNI_STRONG_LETTERS = new Set([0xf1, 0xf6, 0xe6, 0xee]);

function strongVni(text: string): boolean {
  const chars = [...text];
  return chars.some((ch, i) => {
    const b = byteOf(ch);
    const lower = b >= 0xc0 && b <= 0xdf ? b + 0x20 : b;
    if (VNI_STRONG_LETTERS.has(lower)) return true;
    if (!VNI_STRONG_MARKS.has(lower) || i === 0 || !/[aeiouyAEIOUYôöÔÖ]/.test(chars[i - 1])) return false;
    // French "où" is a word of its own; VNI's acute after o is only a faint sign.
    return !(lower === 0xf9 && /[oO]/.test(chars[i - 1]));
  });
}

/** Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the tone-marked ones): no legacy code gives them. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

/**
 * Reads one cell's text. `font` is the cell's font name where known (null: not known). Returns how
 * it reads in a legacy code, or null when it is not legacy text.
 */
export function readLegacyText(text: string, font: string | null = null): LegacyReading | null {
  if (isAscii(text) || UNICODE_VIETNAMESE.test(text)) return null;
  const known = legacyFont(font);
  if (known) {
    const converted = decodeLegacy(text, known.encoding, known.upper);
    // What the font shows is what the clerk reads: no need for the text to look Vietnamese too.
    if (converted === null || converted === text.normalize('NFC')) return null;
    return { encoding: known.encoding, converted, evidence: 'font', unicodeFont: known.unicodeFont };
  }
  const candidates: LegacyReading[] = [];
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const converted = decodeLegacy(text, encoding);
    if (converted === null || !plausible(text, converted)) continue;
    const strong = encoding === 'tcvn3' ? strongTcvn3(text) : strongVni(text);
    candidates.push({ encoding, converted, evidence: strong ? 'strong' : 'weak', unicodeFont: null });
  }
  if (candidates.length === 0) return null;
  return candidates.find((c) => c.evidence === 'strong') ?? candidates[0];
}

/**
 * What the scan makes of a text without a font: its reading when a strong sign shows, else null — weak
 * readings are not flagged anyway. `seen` holds the answers of this scan (labels and answers such as "Có"
 * repeat on every row), so that each text is read once per grid and nothing outlives the scan.
 */
function readingOf(text: string, seen: Map<string, LegacyReading | null>): LegacyReading | null {
  let reading = seen.get(text);
  if (reading === undefined) {
    // Without a font only a strong sign is flagged (see findLegacyCells): text with none is not decoded.
    reading = strongTcvn3(text) || strongVni(text) ? readLegacyText(text, null) : null;
    seen.set(text, reading);
  }
  return reading;
}

export interface LegacyCell {
  /** 0-based sheet coordinates. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly reading: LegacyReading;
}

/**
 * The legacy-text cells of one grid of values (and fonts, parallel to it, where known): those whose
 * font is a legacy one, and those whose characters clearly are. A cell with only faint signs is left
 * alone even among legacy cells: "Có" and "Ghi chú" in a Unicode template filled with TCVN3 names
 * read as TCVN3 "Cú" and "Ghi chỳ", and no column rule tells them apart from TCVN3 "Cã" without the font.
 */
export function findLegacyCells(
  values: readonly (readonly unknown[])[],
  fonts: readonly (readonly (string | null)[])[] | undefined,
  originRow = 0,
  originCol = 0,
): LegacyCell[] {
  const found: LegacyCell[] = [];
  const seen = new Map<string, LegacyReading | null>();
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    // A wide sparse row (a value in column XFD) is walked by its cells, not its width.
    const present = presentColumns(line);
    for (let i = 0, count = present ? present.length : line.length; i < count; i++) {
      const c = present ? present[i] : i;
      const text = line[c];
      if (typeof text !== 'string' || !mayBeLegacy(text)) continue;
      const font = fonts?.[r]?.[c] ?? null;
      const reading = font ? readLegacyText(text, font) : readingOf(text, seen);
      if (reading && reading.evidence !== 'weak') found.push({ row: originRow + r, col: originCol + c, text, reading });
    }
  }
  return found;
}
