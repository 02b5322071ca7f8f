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
import { byteOf, isAscii } from './bytes';
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
export function strongTcvn3(text: string): boolean {
  const chars = [...text];
  return chars.some((ch, i) => {
    const b = byteOf(ch);
    if (b >= 0xa1 && b <= 0xbf) return true;
    if (b === 0xd7 || b === 0xf7) return true;
    return b >= 0xc0 && b <= 0xde && isUpperLetter(ch) && i > 0 && isLowerLetter(chars[i - 1]);
  });
}

/** VNI mark bytes that Western and Unicode Vietnamese text do not write after a vowel. */
const VNI_STRONG_MARKS: ReadonlySet<number> = new Set([0xf8, 0xfb, 0xf5, 0xe5, 0xe4, 0xe3, 0xea, 0xe8, 0xe9, 0xfa, 0xfc, 0xeb, 0xe2, 0xf9]);
/** VNI letters no Vietnamese or common Western name writes: ñ (đ), ö (ư), æ (ỉ), î (ỵ). */
const VNI_STRONG_LETTERS: ReadonlySet<number> = new Set([0xf1, 0xf6, 0xe6, 0xee]);

/** The characters a VNI mark byte is strong after, and those its acute is not (French "où"). */
const VNI_VOWEL = /[aeiouyAEIOUYôöÔÖ]/;
const VNI_O = /[oO]/;

export function strongVni(text: string): boolean {
  const chars = [...text];
  return chars.some((ch, i) => {
    const b = byteOf(ch);
    const lower = b >= 0xc0 && b <= 0xdf ? b + 0x20 : b;
    if (VNI_STRONG_LETTERS.has(lower)) return true;
    if (!VNI_STRONG_MARKS.has(lower) || i === 0 || !VNI_VOWEL.test(chars[i - 1])) return false;
    // French "où" is a word of its own; VNI's acute after o is only a faint sign.
    return !(lower === 0xf9 && VNI_O.test(chars[i - 1]));
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
 * The scan's first look at a text, one pass over its UTF-16 code units with no regular expression and
 * no Map: most cells of a roll are ASCII, numbers or Unicode Vietnamese, and are passed over here.
 *
 * - NOT_LEGACY: `mayBeLegacy` (the scan's earlier pre-filter, test/core/reference/mayBeLegacy.ts) is false — plain ASCII, or a letter that no single byte shows;
 * - FAINT: `mayBeLegacy` is true, but no character could be a strong sign of either code (strongTcvn3,
 *   strongVni): only a legacy font can make such a text legacy text;
 * - SIGN: `mayBeLegacy` is true and some character could be a strong sign (the full tests decide).
 *
 * The first answer is exactly `mayBeLegacy`; FAINT only ever stands for text with no strong sign
 * (test/core/legacy-scan.test.ts proves both over every character and many texts).
 */
export const NOT_LEGACY = 0;
export const FAINT = 1;
export const SIGN = 2;
export type LegacyLook = typeof NOT_LEGACY | typeof FAINT | typeof SIGN;

// What a code from 0x80 to 0xFF can be a strong sign of. Every strong byte is 0xA1 or above, and byteOf
// gives every character past 0xFF a byte below 0xA0 (cp1252's "€", "–" …) or none: only 0x80–0xFF can be one.
/** Strong wherever it stands: TCVN3's symbols (0xA1–0xBF, ×, ÷), VNI's ñ ö æ î. */
const SIGN_ALWAYS = 1;
/** A TCVN3 code shown as a capital: strong after a lower-case letter. */
const SIGN_AFTER_LOWER = 2;
/** A VNI mark byte: strong after a vowel. */
const SIGN_AFTER_VOWEL = 4;
/** VNI's acute: strong after a vowel but o (French "où"). */
const SIGN_AFTER_VOWEL_NOT_O = 8;

/** Built from the definitions of strongTcvn3 and strongVni, so that the two cannot drift apart. */
const SIGNS = new Uint8Array(0x100);
/** Characters up to 0xFF before a sign: 1 a lower-case letter (strongTcvn3), 2 a vowel, 4 o or O (strongVni). */
const BEFORE = new Uint8Array(0x100);
const LOWER_BEFORE = 1;
const VOWEL_BEFORE = 2;
const O_BEFORE = 4;
for (let b = 0; b <= 0xff; b++) {
  const ch = String.fromCharCode(b);
  if (isLowerLetter(ch)) BEFORE[b] |= LOWER_BEFORE;
  if (VNI_VOWEL.test(ch)) BEFORE[b] |= VOWEL_BEFORE;
  if (VNI_O.test(ch)) BEFORE[b] |= O_BEFORE;
  if (b < 0x80) continue;
  if ((b >= 0xa1 && b <= 0xbf) || b === 0xd7 || b === 0xf7) SIGNS[b] |= SIGN_ALWAYS;
  if (b >= 0xc0 && b <= 0xde && isUpperLetter(ch)) SIGNS[b] |= SIGN_AFTER_LOWER;
  const lower = b >= 0xc0 && b <= 0xdf ? b + 0x20 : b;
  if (VNI_STRONG_LETTERS.has(lower)) SIGNS[b] |= SIGN_ALWAYS;
  if (VNI_STRONG_MARKS.has(lower)) SIGNS[b] |= lower === 0xf9 ? SIGN_AFTER_VOWEL_NOT_O : SIGN_AFTER_VOWEL;
}

/** Whether the character before a code with these signs makes one of them strong (exact for a character up to 0xFF). */
function signAfter(s: number, p: number): boolean {
  // Past 0xFF, only a lower-case letter (Greek, Cyrillic, an astral letter's low surrogate …) can count.
  if (p > 0xff) return (s & SIGN_AFTER_LOWER) !== 0;
  const before = BEFORE[p];
  if (s & SIGN_AFTER_LOWER && before & LOWER_BEFORE) return true;
  if (s & SIGN_AFTER_VOWEL && before & VOWEL_BEFORE) return true;
  return (s & SIGN_AFTER_VOWEL_NOT_O) !== 0 && (before & VOWEL_BEFORE) !== 0 && (before & O_BEFORE) === 0;
}

/** Latin Extended and Vietnamese letters that no Windows-1252 byte shows: bytes.ts's NO_SINGLE_BYTE, by code. */
function noSingleByte(c: number): boolean {
  if (c >= 0x1e00) return c <= 0x1eff;
  if (c < 0x100 || c > 0x24f) return false;
  return c !== 0x152 && c !== 0x153 && c !== 0x160 && c !== 0x161 && c !== 0x178 && c !== 0x17d && c !== 0x17e && c !== 0x192;
}

export function legacyLook(text: string): LegacyLook {
  let high = false;
  let sign = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    high = true;
    if (c > 0xff) {
      if (noSingleByte(c)) return NOT_LEGACY;
      continue;
    }
    const s = SIGNS[c];
    if (sign || s === 0) continue;
    // The code unit before ends the character before (strongTcvn3 and strongVni walk code points).
    if (s & SIGN_ALWAYS || (i > 0 && signAfter(s, text.charCodeAt(i - 1)))) sign = true;
  }
  return !high ? NOT_LEGACY : sign ? SIGN : FAINT;
}

/**
 * readLegacyText(text) when its reading is strong, else null: the first code, TCVN3 then VNI, whose strong
 * sign the text carries and that reads it plausibly. A code without its strong sign in the text could only
 * give a weak reading, which is not flagged: it is not decoded at all.
 */
export function strongReading(text: string): LegacyReading | null {
  if (isAscii(text) || UNICODE_VIETNAMESE.test(text)) return null;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    if (!(encoding === 'tcvn3' ? strongTcvn3(text) : strongVni(text))) continue;
    const converted = decodeLegacy(text, encoding);
    if (converted !== null && plausible(text, converted)) return { encoding, converted, evidence: 'strong', unicodeFont: null };
  }
  return null;
}

/**
 * What the scan makes of a text without a legacy font: its strong reading, else null — weak readings are
 * not flagged. `seen` holds the answers of this scan (labels and answers such as "Có" repeat on every
 * row, names on every sheet), so that each text is read once per scan and nothing outlives the scan.
 */
function readingOf(text: string, seen: Map<string, LegacyReading | null>): LegacyReading | null {
  let reading = seen.get(text);
  if (reading === undefined) {
    reading = strongReading(text);
    seen.set(text, reading);
  }
  return reading;
}

/** A font name met in a scan: what it says, and the readings of the texts met in it (null: not a legacy font). */
export interface FontScan {
  readonly font: LegacyFont | null;
  readonly readings: Map<string, LegacyReading | null>;
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
  return scanGrid(values, fonts, originRow, originCol, newLegacyScan());
}

/**
 * The answers of one scan (one grid, or every sheet of one workbook: a roll's names and labels come
 * again on its other sheets), made when first needed — most grids need none — and dropped with it.
 */
export interface LegacyScan {
  /** Text without a legacy font → its reading when a strong sign shows (readingOf). */
  seen: Map<string, LegacyReading | null> | undefined;
  /** Font name → what it says and the readings of the texts met in it. */
  byFont: Map<string, FontScan> | undefined;
  lastFontName: string | null;
  lastFont: FontScan | null;
}

export function newLegacyScan(): LegacyScan {
  return { seen: undefined, byFont: undefined, lastFontName: null, lastFont: null };
}

/** findLegacyCells with the answers of `scan`: the same cells, each text read once per scan. */
export function scanGrid(
  values: readonly (readonly unknown[])[],
  fonts: readonly (readonly (string | null)[])[] | undefined,
  originRow: number,
  originCol: number,
  scan: LegacyScan,
): LegacyCell[] {
  const found: LegacyCell[] = [];
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    const fontLine = fonts?.[r];
    // A wide sparse row (a value in column XFD) is walked by its cells, not its width.
    const present = presentColumns(line);
    for (let i = 0, count = present ? present.length : line.length; i < count; i++) {
      const c = present ? present[i] : i;
      const text = line[c];
      if (typeof text !== 'string') continue;
      const look = legacyLook(text);
      if (look === NOT_LEGACY) continue;
      // The font only now: most cells are passed over on their characters alone, without reading it.
      const font = fontLine?.[c] ?? null;
      let reading: LegacyReading | null = null;
      const inFont = font ? fontScanOf(font, scan) : null;
      if (inFont?.font) {
        // A legacy font: what it shows is read, faint or not (readLegacyText with the font).
        let known = inFont.readings.get(text);
        if (known === undefined) {
          known = readLegacyText(text, font);
          inFont.readings.set(text, known);
        }
        reading = known;
      } else if (look === SIGN) {
        // Any other font, or none: readLegacyText ignores it, and only a strong reading is flagged.
        reading = readingOf(text, (scan.seen ??= new Map()));
      }
      if (reading && reading.evidence !== 'weak') found.push({ row: originRow + r, col: originCol + c, text, reading });
    }
  }
  return found;
}

/** What a font name says, and the readings met in it (the last one asked is kept: a grid has few fonts, in runs). */
function fontScanOf(name: string, scan: LegacyScan): FontScan {
  if (name === scan.lastFontName && scan.lastFont) return scan.lastFont;
  const byFont = (scan.byFont ??= new Map());
  let found = byFont.get(name);
  if (!found) {
    found = { font: legacyFont(name), readings: new Map() };
    byFont.set(name, found);
  }
  scan.lastFontName = name;
  scan.lastFont = found;
  return found;
}
