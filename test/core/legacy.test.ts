/**
 * DATA-06 legacy encodings: every letter of the Vietnamese alphabet with every tone it carries, both
 * cases, through TCVN3 (capitals through a `.VnTimeH` font) and VNI, detected and converted back; real
 * phrases; and text that must never be taken for legacy text. The round trips go through the project's
 * own tables, so the tables are also checked byte for byte against sources independent of them: TCVN3
 * against glibc's TCVN5712-1 converter (`iconv`, run here), VNI against a published chart
 * (test/fixtures/legacy/vni-windows.tsv, its source named in it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  findLegacyCells,
  isVietnameseSyllable,
  legacyFont,
  readLegacyText,
} from '../../src/core/text/legacy';

const BASES = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** The 134 lower-case letters: 17 consonants and 12 vowels × 6 tones (ASCII ones included). */
const LOWER = BASES.flatMap((b) => (VOWELS.has(b) ? TONES.map((t) => (b + t).normalize('NFC')) : [b]));
const UPPER = LOWER.map((l) => l.toUpperCase());

it('the alphabet has 29 letters and 134 lower-case forms', () => {
  expect(BASES).toHaveLength(29);
  expect(LOWER).toHaveLength(17 + 12 * 6);
  expect(new Set(LOWER).size).toBe(LOWER.length);
});

describe('DATA-06 TCVN3 (ABC)', () => {
  it.each(LOWER)('DATA-06 TCVN3 %s round-trips through .VnTime', (letter) => {
    const legacy = encodeTcvn3(letter) as string;
    expect(legacy).not.toBeNull();
    expect(decodeTcvn3(legacy)).toBe(letter);
    const reading = readLegacyText(legacy, '.VnTime');
    // ý has the same code in TCVN3 and Latin-1: nothing to convert.
    if (legacy === letter) expect(reading).toBeNull();
    else expect(reading).toMatchObject({ encoding: 'tcvn3', converted: letter, evidence: 'font', unicodeFont: 'Times New Roman' });
  });
  it.each(UPPER)('DATA-06 TCVN3 %s round-trips through .VnTimeH (capitals font)', (letter) => {
    const legacy = encodeTcvn3(letter, true) as string;
    expect(legacy).not.toBeNull();
    expect(decodeTcvn3(legacy, true)).toBe(letter);
    const reading = readLegacyText(legacy, '.VnTimeH');
    if (legacy.charCodeAt(0) < 0x80) expect(reading).toBeNull();
    else expect(reading).toMatchObject({ encoding: 'tcvn3', converted: letter, evidence: 'font' });
  });
  it('DATA-06 TCVN3 the seven capitals without tone have codes of their own in .VnTime', () => {
    for (const letter of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeTcvn3(encodeTcvn3(letter) as string)).toBe(letter);
    expect(encodeTcvn3('Ắ')).toBeNull();
  });
  it('DATA-06 TCVN3 codes follow the chart', () => {
    expect(encodeTcvn3('Bảo Thắng')).toBe('B\u00B6o Th\u00BEng');
    expect(encodeTcvn3('ư')).toBe('\u00AD');
    expect(encodeTcvn3('đ')).toBe('\u00AE');
    expect(encodeTcvn3('ỵ')).toBe('\u00FE');
  });
});

describe('DATA-06 VNI-Windows', () => {
  it.each([...LOWER, ...UPPER])('DATA-06 VNI %s round-trips through VNI-Times', (letter) => {
    const legacy = encodeVni(letter) as string;
    expect(legacy).not.toBeNull();
    expect(decodeVni(legacy)).toBe(letter);
    const reading = readLegacyText(legacy, 'VNI-Times');
    if (legacy === letter) expect(reading).toBeNull();
    else expect(reading).toMatchObject({ encoding: 'vni', converted: letter, evidence: 'font', unicodeFont: 'Times New Roman' });
  });
  it('DATA-06 VNI codes follow the chart: base letter, then the marks', () => {
    expect(encodeVni('Xin chào')).toBe('Xin cha\u00F8o');
    expect(encodeVni('Nguyễn')).toBe('Nguye\u00E3n');
    expect(encodeVni('ĐẶNG')).toBe('\u00D1A\u00CBNG');
    expect(encodeVni('người')).toBe('ng\u00F6\u00F4\u00F8i');
    expect(encodeVni('ỵ')).toBe('\u00EE');
  });
  it('DATA-06 VNI refuses marks on a letter that cannot take them', () => {
    expect(decodeVni('b\u00F8')).toBeNull();
    expect(decodeVni('e\u00EA')).toBeNull();
    expect(decodeVni('A\u00F8')).toBeNull();
  });
});

const PHRASES = ['Bảo Thắng', 'Xin chào', 'Nguyễn Thị Hoà', 'Đảng bộ phường', 'Trần Văn Hùng', 'Lê Thị Thu Hương', 'Chi bộ khu dân cư số 3', 'Hoàn thành tốt nhiệm vụ', 'Phạm Quốc Việt', 'Mường Khương'];

describe('DATA-06 real phrases without a font: detected from the characters alone', () => {
  it.each(PHRASES)('DATA-06 TCVN3 "%s"', (phrase) => {
    const legacy = encodeTcvn3(phrase) as string;
    expect(readLegacyText(legacy)).toMatchObject({ encoding: 'tcvn3', converted: phrase, evidence: 'strong' });
  });
  it.each(PHRASES)('DATA-06 VNI "%s"', (phrase) => {
    const legacy = encodeVni(phrase) as string;
    expect(readLegacyText(legacy)).toMatchObject({ encoding: 'vni', converted: phrase, evidence: 'strong' });
  });
  it('DATA-06 the examples of the issue', () => {
    expect(readLegacyText('B¶o Th¾ng')?.converted).toBe('Bảo Thắng');
    expect(readLegacyText('Xin chaøo')?.converted).toBe('Xin chào');
  });
  it('DATA-06 a .VnTimeH heading converts to capitals', () => {
    expect(readLegacyText('danh s¸ch ®¶ng vi£n', '.VnTimeH')).toMatchObject({ converted: 'DANH SÁCH ĐẢNG VIÊN', unicodeFont: 'Times New Roman' });
  });
  it('DATA-06 Windows-1252 punctuation between legacy words is kept (bytes 0x80–0x9F)', () => {
    expect(readLegacyText('B¶o Th¾ng – Lµo Cai…')?.converted).toBe('Bảo Thắng – Lào Cai…');
    expect(readLegacyText('B¶o Th¾ng \u0096 Lµo Cai')?.converted).toBe('Bảo Thắng \u0096 Lào Cai');
  });
});

describe('DATA-06 never flags what is not legacy text', () => {
  const NOT_LEGACY = [
    'Nguyen Van A', 'HTTNV', 'x', 'Họ và tên', 'Nguyễn', 'Nguyễn Thị Hoà', 'Đảng bộ phường Thanh Khê', 'Lê Tú', 'Hoà', 'Hoá', 'Tô', 'LÊ VÕ',
    'Café', 'naïve', 'Loïc', 'Chloé', 'Zoë', 'Raphaël', 'Müller', 'José', 'François', 'Hélène', 'Muñoz', 'Schröder', 'Björk', 'où',
    '12/03/2017', '1.234,5', '25°C', '“Tốt”', '€ 100', '',
  ];
  it.each(NOT_LEGACY)('DATA-06 "%s" is not legacy text', (text) => {
    expect(findLegacyCells([[text], [text]], undefined)).toEqual([]);
    expect(readLegacyText(text)?.evidence ?? 'none').not.toBe('strong');
  });
  it('DATA-06 faint cells are left alone, even beside legacy cells; a legacy font takes them', () => {
    const values = [['Họ và tên', 'Ghi chú'], [encodeTcvn3('Bảo Thắng'), 'Có'], [encodeTcvn3('Trần Văn Hùng'), 'Không'], ['Lê Tú', null], [encodeVni('Nguyễn Văn Hùng'), 'Hoà'], [encodeTcvn3('Có'), 'Hoà']];
    const fonts = [[null, null], [null, null], [null, 'Times New Roman'], [null, null], [null, null], ['.VnTime', 'VNI-Times']];
    const cells = findLegacyCells(values, fonts);
    expect(cells.map((c) => [c.row, c.col, c.reading.converted])).toEqual([
      [1, 0, 'Bảo Thắng'],
      [2, 0, 'Trần Văn Hùng'],
      [4, 0, 'Nguyễn Văn Hùng'],
      [5, 0, 'Có'],
      [5, 1, 'Hồ'],
    ]);
  });
  it('DATA-06 real Unicode in a legacy font is left alone', () => {
    expect(readLegacyText('Nguyễn', '.VnTime')).toBeNull();
  });
});

describe('DATA-06 fonts and syllables', () => {
  it('DATA-06 font names', () => {
    expect(legacyFont('.VnTime')).toEqual({ encoding: 'tcvn3', upper: false, unicodeFont: 'Times New Roman' });
    expect(legacyFont('.VnTimeH')).toEqual({ encoding: 'tcvn3', upper: true, unicodeFont: 'Times New Roman' });
    expect(legacyFont('.VnArial')).toEqual({ encoding: 'tcvn3', upper: false, unicodeFont: 'Arial' });
    expect(legacyFont('.VnArial NarrowH')).toMatchObject({ upper: true, unicodeFont: 'Arial' });
    expect(legacyFont('VNI-Times')).toEqual({ encoding: 'vni', upper: false, unicodeFont: 'Times New Roman' });
    expect(legacyFont('VNI-Helve')).toMatchObject({ encoding: 'vni', unicodeFont: 'Arial' });
    expect(legacyFont('Times New Roman')).toBeNull();
    expect(legacyFont(null)).toBeNull();
  });
  it('DATA-06 syllable shapes', () => {
    for (const w of ['nghiêng', 'quốc', 'người', 'khuya', 'Nguyễn', 'Thắng', 'gì', 'xoong', 'huỳnh', 'việt']) expect([w, isVietnameseSyllable(w)]).toEqual([w, true]);
    for (const w of ['cafộ', 'naùve', 'mỹller', 'bàc', 'lờne', 'trăn'.replace('n', ''), 'ốố']) expect([w, isVietnameseSyllable(w)]).toEqual([w, false]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The tables against independent sources, byte for byte.

/** The text a byte shows in Windows' Western code page (how a legacy cell reaches a workbook). */
const cp1252 = new TextDecoder('windows-1252');
const shown = (bytes: readonly number[]): string => cp1252.decode(Uint8Array.from(bytes));
const hex = (text: string): string => [...text].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(' ');

/**
 * glibc's iconv (Debian's libc-bin, always installed) on `input`: the bytes are separated by line feeds,
 * which TCVN 5712 leaves as they are, so that no byte is composed with the next.
 */
function iconv(from: string, to: string, input: Buffer): Buffer {
  return execFileSync('iconv', ['-f', from, '-t', to], { input });
}

describe('DATA-06 the TCVN3 table is TCVN 5712 (glibc iconv, TCVN5712-1), byte for byte', () => {
  const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
  const upper = Array.from({ length: 0x60 }, (_, i) => 0xa0 + i);
  /**
   * glibc's TCVN5712-1 is VN1: TCVN3 (VN3, the `.Vn…` fonts) is its part from 0xA0 up without the
   * capitals that carry a tone and the five combining tone marks (0xB0–0xB4), which VN3 does not have.
   */
  let vn1: Map<number, string>;
  let vn3: Map<number, string>;

  beforeAll(() => {
    const lines = iconv('TCVN5712-1', 'UTF-8', Buffer.from(upper.flatMap((b) => [b, 0x0a])))
      .toString('utf8')
      .split('\n');
    vn1 = new Map(upper.map((b, i) => [b, lines[i].normalize('NFC')]));
    vn3 = new Map(
      [...vn1].filter(([, ch]) => {
        if (ch === '\u00A0') return true;
        if (!/^\p{L}$/u.test(ch)) return false;
        return ch === ch.toLowerCase() || !TONE.test(ch.normalize('NFD'));
      }),
    );
  });

  it('DATA-06 VN3 has the 67 lower-case letters, the 7 capitals without tone and the no-break space', () => {
    expect(vn1.size).toBe(0x60);
    expect(vn3.size).toBe(75);
    const lowerOutsideAscii = LOWER.filter((l) => l.charCodeAt(0) >= 0x80);
    expect(lowerOutsideAscii).toHaveLength(67);
    expect([...vn3.values()]).toEqual(expect.arrayContaining([...lowerOutsideAscii, 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', '\u00A0']));
  });

  it('DATA-06 TCVN3 every byte from 0xA0 decodes as iconv says (.VnTime), and in capitals in a .VnTimeH font', () => {
    const differences: string[] = [];
    for (const byte of upper) {
      const text = shown([byte]);
      const expected = vn3.get(byte);
      if (expected !== undefined) {
        if (decodeTcvn3(text) !== expected) differences.push(`${hex(text)} → ${decodeTcvn3(text)}, iconv ${expected}`);
        if (decodeTcvn3(text, true) !== expected.toUpperCase()) differences.push(`${hex(text)} in .VnTimeH → ${decodeTcvn3(text, true)}, expected ${expected.toUpperCase()}`);
      } else {
        // Not a TCVN3 code (a VN1 capital with a tone, a combining mark): never read as a Vietnamese letter.
        const read = decodeTcvn3(text);
        if (read !== null && read !== text) differences.push(`${hex(text)} (not in TCVN3) → ${read}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('DATA-06 TCVN3 bytes 0x80–0x9F (VN1 capitals with tones; Windows-1252 punctuation) are never read as letters', () => {
    for (let byte = 0x80; byte < 0xa0; byte++) {
      const text = shown([byte]);
      const read = decodeTcvn3(text);
      expect([hex(text), read === null || read === text]).toEqual([hex(text), true]);
    }
  });

  it('DATA-06 TCVN3 every letter encodes to the byte iconv gives (capitals of a .VnTimeH font as their lower case)', () => {
    const letters = [...LOWER.filter((l) => l.charCodeAt(0) >= 0x80), 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];
    const bytes = iconv('UTF-8', 'TCVN5712-1', Buffer.from(letters.join('\n'), 'utf8'));
    const codes = [...bytes].filter((b) => b !== 0x0a);
    expect(codes).toHaveLength(letters.length);
    const differences = letters.flatMap((letter, i) => (encodeTcvn3(letter) === shown([codes[i]]) ? [] : [`${letter}: ${hex(encodeTcvn3(letter) ?? '')}, iconv ${hex(shown([codes[i]]))}`]));
    expect(differences).toEqual([]);
    for (const letter of UPPER.filter((l) => l.charCodeAt(0) >= 0x80)) expect([letter, encodeTcvn3(letter, true)]).toEqual([letter, encodeTcvn3(letter.toLowerCase())]);
  });
});

describe('DATA-06 the VNI table is the published VNI-Windows chart, byte for byte', () => {
  /** test/fixtures/legacy/vni-windows.tsv: letter, code point, VNI bytes; its source is named in it. */
  const CHART = readFileSync(join(__dirname, '..', 'fixtures', 'legacy', 'vni-windows.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [letter, codePoint, bytes] = line.split('\t');
      return { letter, codePoint, bytes: bytes.split(' ').map((h) => parseInt(h, 16)) };
    });

  it('DATA-06 the chart has every letter of the alphabet, both cases', () => {
    expect(CHART).toHaveLength(146);
    const letters = CHART.map((e) => e.letter);
    expect(letters).toEqual(expect.arrayContaining([...LOWER, ...UPPER].filter((l) => l.charCodeAt(0) >= 0x80)));
    for (const e of CHART) expect(e.codePoint).toBe(`U+${e.letter.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
  });

  it('DATA-06 VNI every entry of the chart: encoded to its bytes, and its bytes decoded to it', () => {
    const differences: string[] = [];
    for (const { letter, bytes } of CHART) {
      const text = shown(bytes);
      if (encodeVni(letter) !== text) differences.push(`${letter}: encodes to ${hex(encodeVni(letter) ?? '')}, chart ${hex(text)}`);
      if (decodeVni(text) !== letter) differences.push(`${hex(text)}: decodes to ${decodeVni(text)}, chart ${letter}`);
    }
    expect(differences).toEqual([]);
  });
});
