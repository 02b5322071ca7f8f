/**
 * DATA-06 the scan's fast paths (issue 15) find what the definition finds, cell for cell and reading for
 * reading. The definition, written out here as the scan was before them: a cell is looked at when its text
 * passes `mayBeLegacy`; with a font, it is `readLegacyText(text, font)`; without one, text with no strong
 * sign of either code (`strongTcvn3`, `strongVni`) is not decoded and otherwise is `readLegacyText(text)`;
 * weak readings are not flagged. The fast scan adds a first look by character codes (`legacyLook`),
 * strong readings without the weak decoding (`strongReading`), answers kept per workbook, and syllables
 * taken apart by table (`isVietnameseSyllable` against `syllableByNormalizing`, the definition).
 */
import fc from 'fast-check';
import { mayBeLegacy } from './reference/mayBeLegacy';
import { FAINT, legacyLook, NOT_LEGACY, SIGN, strongReading, strongTcvn3, strongVni } from '../../src/core/text/legacy/detect';
import { encodeTcvn3, encodeVni, findLegacyCells, findLegacyText, isVietnameseSyllable, readLegacyText, type LegacyCell } from '../../src/core/text/legacy';
import { syllableByNormalizing } from '../../src/core/text/legacy/syllable';
import { SPARSE_ROW_WIDTH, type SheetGrid, type WorkbookModel } from '../../src/core/grid';

type Values = readonly (readonly unknown[])[];
type Fonts = readonly (readonly (string | null)[])[] | undefined;

/** The scan as defined (the code before issue 15's fast paths), over a dense or sparse grid. */
function referenceCells(values: Values, fonts: Fonts, originRow = 0, originCol = 0): LegacyCell[] {
  const found: LegacyCell[] = [];
  values.forEach((line, r) => {
    for (const key in line) {
      const c = Number(key);
      const text = line[c];
      if (typeof text !== 'string' || !mayBeLegacy(text)) continue;
      const font = fonts?.[r]?.[c] ?? null;
      const reading = font ? readLegacyText(text, font) : strongTcvn3(text) || strongVni(text) ? readLegacyText(text, null) : null;
      if (reading && reading.evidence !== 'weak') found.push({ row: originRow + r, col: originCol + c, text, reading });
    }
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Texts: Unicode Vietnamese, the same in TCVN3 and VNI (the project's own encoders), ASCII, Western
// names, symbols, Windows-1252 punctuation, every Latin-1 code, Latin Extended, astral characters.

const BASES = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = BASES.flatMap((b) => (VOWELS.has(b) ? TONES.map((t) => (b + t).normalize('NFC')) : [b]));
const LETTERS = [...LOWER, ...LOWER.map((l) => l.toUpperCase())];

const INITIALS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uy', 'ưa', 'ươ', 'ưu', 'uyê', 'yê', 'oai', 'uôi', 'ươi'];
const FINALS = ['', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
const PHRASES = ['Bảo Thắng', 'Xin chào', 'Nguyễn Thị Hoà', 'Đảng bộ phường', 'Giáo viên', 'Lê Xuân Khoa', 'Ghi chú', 'Có', 'Không', 'Hoàn thành tốt nhiệm vụ', 'Chính thức', 'Dự bị', 'ĐẢNG CỘNG SẢN VIỆT NAM'];
const WESTERN = ['Café', 'naïve', 'Loïc', 'Chloé', 'Zoë', 'Raphaël', 'Müller', 'José', 'François', 'Hélène', 'Muñoz', 'Schröder', 'Björk', 'où', 'Œuvre', 'Škoda', 'Ÿves', 'ƒ(x)', 'Łódź', 'Ærø', 'Øst', 'Straße'];
const SYMBOLS = ['12/03/2017', '1.234,5', '25°C', '“Tốt”', '€ 100', '–', '…', '×', '÷', '§ 3', '© 2017', '\u00A0', '\u0096', '\u2022 x', '😀', '𝐚', '\uD800', '\uDC00', ''];

/** Every code from 0x80 to 0xFF, the Windows-1252 letters and punctuation, some Latin Extended and astral. */
const HIGH = [
  ...Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i)),
  ...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ',
  'Ā', 'ł', 'ǎ', 'ɏ', 'Ḁ', 'ỹ', '\u0300', '\u0301', 'Ω', 'я', '中', '😀', '𝐚', '\uD800', '\uDC00',
];
const ASCII = [...'aeiouyAEIOUYbcdghklmnpqrstvxBCDGHNT0123456789 .,-/()'];

const syllable = fc
  .tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...NUCLEI), fc.constantFrom(...FINALS), fc.constantFrom(...TONES))
  .map(([i, n, f, t]) => {
    // The tone on the nucleus's last vowel letter (enough for a shape: the text need not be a real word).
    const word = `${i}${n}${t}${f}`.normalize('NFC');
    return word;
  });
const vietnamese = fc.oneof(
  fc.array(fc.oneof(syllable, fc.constantFrom(...LETTERS)), { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
  fc.constantFrom(...PHRASES),
);
const cased = vietnamese.chain((t) => fc.constantFrom(t, t.toUpperCase(), t.charAt(0).toUpperCase() + t.slice(1)));
/** Vietnamese text as a legacy font's clerk typed it, or as Unicode, or typed in one code and shown as is. */
const encoded = cased.chain((t) =>
  fc.constantFrom(t, encodeTcvn3(t) ?? t, encodeTcvn3(t, true) ?? t, encodeVni(t) ?? t, (encodeTcvn3(t, true) ?? t).toUpperCase()),
);
const mixed = fc.array(fc.constantFrom(...ASCII, ...HIGH, ...LETTERS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const anyText = fc.oneof(
  { arbitrary: encoded, weight: 5 },
  { arbitrary: mixed, weight: 3 },
  { arbitrary: fc.constantFrom(...WESTERN, ...SYMBOLS), weight: 1 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  { arbitrary: fc.tuple(encoded, mixed).map(([a, b]) => `${a} ${b}`), weight: 1 },
);
const FONTS = [null, null, null, 'Times New Roman', '.VnTime', '.VnTimeH', ' .VnArial NarrowH ', 'VNI-Times', 'VNI-Helve', 'Arial', ''];
const cell = fc.oneof({ arbitrary: anyText, weight: 6 }, { arbitrary: fc.constantFrom(null, 0, 42.5, true), weight: 1 });

describe('DATA-06 the first look (legacyLook) against the definitions', () => {
  it('DATA-06 passes a text over exactly when mayBeLegacy does: every UTF-16 code, alone and in company', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}`, `é${ch}`, `${ch}ă`, `${ch}¶`, `¶${ch}x`]) {
        if ((legacyLook(text) !== NOT_LEGACY) !== mayBeLegacy(text)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('DATA-06 FAINT never stands for a text with a strong sign: every code 0x80–0xFF after every character that matters', () => {
    const before: string[] = ['', '😀', '𝐚', '\uD800'];
    for (let c = 0; c < 0x300; c++) before.push(String.fromCharCode(c));
    for (let c = 0x1e00; c < 0x1f00; c++) before.push(String.fromCharCode(c));
    for (let c = 0x2000; c < 0x2070; c++) before.push(String.fromCharCode(c));
    before.push('\uDC00', '\uFEFF', 'Ω', 'ω', 'я', 'Я', 'ǅ', 'ß');
    const wrong: string[] = [];
    const loose: string[] = [];
    for (const p of before) {
      for (let b = 0x80; b <= 0xff; b++) {
        const text = `${p}${String.fromCharCode(b)}`;
        const look = legacyLook(text);
        const strong = strongTcvn3(text) || strongVni(text);
        if ((look === FAINT && strong) || (look === NOT_LEGACY && mayBeLegacy(text))) wrong.push(text);
        // After a character up to 0xFF the look is exact: SIGN only where a strong sign is.
        if (look === SIGN && !strong && p.length === 1 && p.charCodeAt(0) <= 0xff) loose.push(text);
      }
    }
    expect(wrong).toEqual([]);
    expect(loose).toEqual([]);
  });

  it('DATA-06 over many texts: exactly mayBeLegacy, and FAINT only without a strong sign', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const look = legacyLook(text);
        expect(look !== NOT_LEGACY).toBe(mayBeLegacy(text));
        if (look === FAINT) expect(strongTcvn3(text) || strongVni(text)).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });

  it('DATA-06 the usual cells of a roll are passed over on their characters; legacy text is looked at', () => {
    for (const text of ['Nguyen Van A', 'Nguyễn Văn An', 'Chính thức', 'ĐẢNG CỘNG SẢN VIỆT NAM', '12/03/2017', '']) expect([text, legacyLook(text)]).toEqual([text, NOT_LEGACY]);
    for (const text of ['Có', 'Không', 'Ghi chú', 'Lê Minh Hoà', 'Café']) expect([text, legacyLook(text)]).toEqual([text, FAINT]);
    for (const text of ['Bảo Thắng', 'Trần Văn Hùng', 'Nguyễn Thị Hoà']) {
      expect(legacyLook(encodeTcvn3(text) as string)).toBe(SIGN);
      expect(legacyLook(encodeVni(text) as string)).toBe(SIGN);
    }
  });
});

describe('DATA-06 a syllable taken apart by table is the syllable by definition', () => {
  /** The letters the table holds, and others that must take the long way (marks alone, ß, Σ, İ, ǅ, ń …). */
  const ALPHABET = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', ...LETTERS, ...'ńǸḅṆß\u0301\u0323\u0302ΣσςİıǅǆĳŉÿŸ1 -', '😀'];
  it('DATA-06 every word of one and two characters', () => {
    const wrong: string[] = [];
    let yes = 0;
    for (const a of ALPHABET) {
      if (isVietnameseSyllable(a) !== syllableByNormalizing(a)) wrong.push(a);
      for (const b of ALPHABET) {
        const word = a + b;
        const fast = isVietnameseSyllable(word);
        if (fast) yes++;
        if (fast !== syllableByNormalizing(word)) wrong.push(word);
      }
    }
    expect(wrong).toEqual([]);
    expect(yes).toBeGreaterThan(1000);
  });
  it('DATA-06 many longer words, real syllables and not', () => {
    const word = fc.oneof(
      syllable.chain((w) => fc.constantFrom(w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1))),
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 7 }).map((cs) => cs.join('')),
      fc.tuple(syllable, fc.constantFrom(...ALPHABET), syllable).map((p) => p.join('')),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(word, (w) => {
        expect(isVietnameseSyllable(w)).toBe(syllableByNormalizing(w));
      }),
      { numRuns: 30000 },
    );
  });
});

describe('DATA-06 strongReading is readLegacyText when strong', () => {
  it('DATA-06 over many texts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const full = readLegacyText(text);
        expect(strongReading(text)).toEqual(full?.evidence === 'strong' ? full : null);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('DATA-06 the scan finds what the definition finds', () => {
  const grid = fc.array(fc.array(fc.tuple(cell, fc.constantFrom(...FONTS)), { maxLength: 5 }), { minLength: 1, maxLength: 6 });
  const split = (rows: [unknown, string | null][][]) => ({ values: rows.map((r) => r.map(([v]) => v)), fonts: rows.map((r) => r.map(([, f]) => f)) });

  it('DATA-06 findLegacyCells, with fonts, without fonts and with an origin', () => {
    fc.assert(
      fc.property(grid, fc.boolean(), (rows, withFonts) => {
        const { values, fonts } = split(rows);
        const f = withFonts ? fonts : undefined;
        expect(findLegacyCells(values, f)).toEqual(referenceCells(values, f));
        expect(findLegacyCells(values, f, 4, 2)).toEqual(referenceCells(values, f, 4, 2));
      }),
      { numRuns: 3000 },
    );
  });

  it('DATA-06 findLegacyText over a workbook whose sheets repeat texts in other fonts (answers kept per workbook)', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...FONTS), { minLength: 4, maxLength: 4 }), (sheets, refonts) => {
        // The later sheets repeat the first one's texts, each in a font of its own.
        const first = split(sheets[0]);
        const grids = [first, ...sheets.slice(1).map(split), ...refonts.map((font) => ({ values: first.values, fonts: first.fonts.map((r) => r.map(() => font)) }))];
        const model: WorkbookModel = {
          sheets: grids.map((g, i): SheetGrid => ({ name: `S${i}`, values: g.values as SheetGrid['values'], fonts: i % 3 === 2 ? undefined : g.fonts, originRow: i, originCol: 2 * i })),
        };
        const expected = model.sheets.flatMap((s) =>
          referenceCells(s.values, s.fonts, s.originRow, s.originCol).map((c) => ({ sheet: s.name, row: c.row, col: c.col, text: c.text, ...c.reading })),
        );
        const found = findLegacyText(model).map(({ sheet, row, col, text, encoding, converted, evidence, unicodeFont }) => ({ sheet, row, col, text, encoding, converted, evidence, unicodeFont }));
        expect(found).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('DATA-06 a sparse row wider than SPARSE_ROW_WIDTH, walked by its cells', () => {
    const line: unknown[] = [];
    const fontLine: (string | null)[] = [];
    line[3] = encodeTcvn3('Bảo Thắng');
    line[SPARSE_ROW_WIDTH + 500] = encodeVni('Trần Văn Hùng');
    line[SPARSE_ROW_WIDTH + 600] = encodeTcvn3('Có');
    fontLine[SPARSE_ROW_WIDTH + 600] = '.VnTime';
    const values = [line, ['Có', encodeTcvn3('Có')]];
    const fonts = [fontLine, [null, null]];
    const found = findLegacyCells(values, fonts);
    expect(found).toEqual(referenceCells(values, fonts));
    expect(found.map((c) => [c.col, c.reading.converted])).toEqual([
      [3, 'Bảo Thắng'],
      [SPARSE_ROW_WIDTH + 500, 'Trần Văn Hùng'],
      [SPARSE_ROW_WIDTH + 600, 'Có'],
    ]);
  });
});
