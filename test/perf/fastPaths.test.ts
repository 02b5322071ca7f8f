/**
 * The fast paths of issue 15 give what the long ways give, character for character and cell for cell:
 * label folding by table (RULES.md 9.12), the legacy-text pre-filter (DATA-06), and the sheet reader's
 * reading of the usual `<c r="B2" s="1" t="s"><v>0</v></c>` and of plain shared strings. Each fast path
 * is compared with a reference written here from the definition, not with the code under test.
 */
import fc from 'fast-check';
import { cleanText, foldLabel, nameKey, nameKeyByNormalizing } from '../../src/core/text/normalize';
import { byteOf } from '../../src/core/text/legacy/bytes';
import { legacyLook, NOT_LEGACY } from '../../src/core/text/legacy/detect';
import { readXlsxFile } from '../../src/xlsx/loadModel';
import { deflated, sheetPackage, workbookParts, zipOf } from '../xlsx/packages';

/** RULES.md 9.12 as written: clean, decompose, drop the marks, đ → d, lower case, punctuation to one space. */
function foldReference(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵAÀĂÂĐÊÔƠƯỲ'.split('');
const PUNCTUATION = [' ', '  ', '-', '–', '(', ')', ',', '.', ':', '/', '\u00a0', '\u200b', '\u00ad', '\t', '\n', '×', '²', 'ǅ', 'İ', '\u0301'];

describe('RULES.md 9.12: label folding by table equals folding by Unicode normalisation', () => {
  it('RULES-9.12 every character of the Basic Multilingual Plane, alone and between letters', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `Ab${ch}c d`, ` x${ch}`, `${ch}ư  Đ\u0301`]) if (foldLabel(text) !== foldReference(text)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it('RULES-9.12 Vietnamese labels in NFC and NFD, with punctuation, spaces and invisible characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VIETNAMESE, ...PUNCTUATION, 'x', 'Q', '7'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(foldLabel(text)).toBe(foldReference(text));
        expect(foldLabel(text.normalize('NFD'))).toBe(foldReference(text.normalize('NFD')));
      }),
      { numRuns: 5000 },
    );
  });

  it('RULES-9.12 any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (text) => {
        expect(foldLabel(text)).toBe(foldReference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('RULES-9.12 a folded label is returned as it is, and the same text folds the same twice', () => {
    expect(foldLabel('ho va ten')).toBe('ho va ten');
    expect(foldLabel('Họ và tên')).toBe('ho va ten');
    expect(foldLabel('Họ và tên')).toBe('ho va ten');
    expect(foldLabel('HỌ  VÀ-TÊN ')).toBe('ho va ten');
  });
});

/** RULES.md 9.11 as written: case, spacing and form folded, each word's (last) tone mark after its letters. */
function nameKeyReference(name: string): string {
  const tones = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
  return cleanText(name)
    .toLowerCase()
    .normalize('NFD')
    .split(' ')
    .map((word) => {
      const letters = [...word].filter((ch) => !tones.has(ch)).join('');
      const tone = [...word].filter((ch) => tones.has(ch)).pop() ?? '';
      return letters === '' ? '' : letters + tone;
    })
    .filter((word) => word !== '')
    .join(' ')
    .normalize('NFC');
}

describe('RULES.md 9.11: the name key made in runs of letters equals the definition', () => {
  it('RULES-9.11 Vietnamese names in NFC and NFD, tone marks anywhere, odd spaces', () => {
    const parts = 'aàáảãạăằắẳẵặâầấẩẫậđeèéêếiíoòóôốơờuùúưứyỳýỹ AĐƠƯ\u0300\u0301\u0303\u0309\u0323\u0302\u031b\u00a0\u200b\t-.nhT'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts, '  '), { maxLength: 25 }), (chars) => {
        const text = chars.join('');
        expect(nameKey(text)).toBe(nameKeyReference(text));
        expect(nameKey(text.normalize('NFD'))).toBe(nameKeyReference(text.normalize('NFD')));
      }),
      { numRuns: 5000 },
    );
    expect(nameKey('Nguyễn Văn Hòa')).toBe(nameKey('nguyễn  văn hoà'));
  });

  it('RULES-9.11 every Latin and Vietnamese character, alone, after letters and before a tone, as the definition keys it', () => {
    const mismatches: string[] = [];
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    for (const [from, to] of [[0x80, 0x24f], [0x1e00, 0x1eff]]) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        for (const text of [ch, `Ng${ch}`, `${ch}n`, `Tr${ch}n Th${ch}`, ...tones.map((t) => `nguy${ch}${t}n`), ...tones.map((t) => `hoa${t}${ch}`)]) {
          if (nameKey(text) !== nameKeyByNormalizing(text)) mismatches.push(text);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

/** DATA-06's pre-filter as defined: not plain ASCII, and every Latin or Vietnamese letter one Windows-1252 byte. */
function mayBeLegacyReference(text: string): boolean {
  let high = false;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code <= 0x7f) continue;
    high = true;
    const latin = (code >= 0x100 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff);
    if (latin && byteOf(ch) < 0) return false;
  }
  return high;
}

/** The scan's first look (detect.ts): does it look at the text any further. */
const mayBeLegacy = (text: string): boolean => legacyLook(text) !== NOT_LEGACY;

describe('DATA-06: the legacy-text first look by character codes says what the definition says', () => {
  it('DATA-06 every character alone, after a Latin-1 letter and before a Vietnamese one', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}`, `é${ch}`, `${ch}ă`]) if (mayBeLegacy(text) !== mayBeLegacyReference(text)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it('DATA-06 passes over ASCII and Unicode Vietnamese, looks at TCVN3/VNI-looking text', () => {
    expect(mayBeLegacy('Nguyen Van An')).toBe(false);
    expect(mayBeLegacy('Nguyễn Văn An')).toBe(false);
    expect(mayBeLegacy('NguyÔn V¨n An')).toBe(true);
    expect(mayBeLegacy('Nguyeãn Vaên An')).toBe(true);
  });
});

describe('The sheet reader: the usual cell read in one step gives what the general reading gives', () => {
  const read = (sheetData: string) => readXlsxFile(sheetPackage(sheetData), 'thử.xlsx').sheets[0];

  it('reads the usual tags and every other way of writing the same cells alike', () => {
    const usual = '<row r="2"><c r="B2" s="1"><v>12.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="str"><v>a&amp;b</v></c><c r="E2" s="3" t="e"><v>#N/A</v></c></row>';
    const others = [
      // attributes in another order, other spacing, an extra attribute, a namespace prefix, quotes
      '<row r="2"><c s="1" r="B2"><v>12.5</v></c><c  r="C2"  t="b" ><v>1</v></c><c r="D2" cm="1" t="str"><v>a&amp;b</v></c><c x:r="E2" x:s="3" x:t="e"><v>#N/A</v></c></row>',
      "<row r='2'><c r='B2' s='1'><v>12.5</v></c><c r='C2' t='b'><v>1</v></c><c r='D2' t='str'><v>a&amp;b</v></c><c r='E2' s='3' t='e'><v>#N/A</v></c></row>",
      // the value in pieces, a CDATA section, a formula before it, a space between the tags
      '<row r="2"><c r="B2" s="1"><v>12</v><v>.5</v></c><c r="C2" t="b"><f>TRUE()</f><v>1</v></c><c r="D2" t="str"> <v><![CDATA[a&amp;b]]></v></c><c r="E2" s="3" t="e"><v>#N/A</v> </c></row>',
    ];
    const expected = read(usual);
    expect(expected.values[1]).toEqual([null, 12.5, true, 'a&b', { error: '#N/A' }]);
    for (const xml of others) expect(read(xml).values).toEqual(expected.values);
  });

  it('keeps a cell without an address, an empty value and lower-case or $ addresses as the general reading does', () => {
    const grid = read('<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c><c r="$D$1"><v>3</v></c><c r="e1"><v></v></c><c r="F1" t="s"/></row>');
    expect(grid.values[0]).toEqual([1, 2, null, 3]);
  });

  it('reads plain shared strings in one match and any other table through the tokenizer, to the same texts', () => {
    const sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
    const withStrings = (sst: string) =>
      readXlsxFile(
        zipOf([
          ...workbookParts([{ name: 'S', part: 'xl/worksheets/sheet1.xml' }]),
          deflated('xl/worksheets/sheet1.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`),
          deflated('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">${sst}</sst>`),
        ]),
        'thử.xlsx',
      ).sheets[0].values[0];
    const plain = withStrings('<si><t>Họ và tên</t></si><si><t xml:space="preserve"> a &lt; b_x000D_</t></si><si><t></t></si>');
    expect(plain).toEqual(['Họ và tên', ' a < b\r', '']);
    // The same texts written otherwise: whitespace between, a run, a phonetic guide.
    const other = withStrings('<si><t>Họ và tên</t></si>\n<si><r><t xml:space="preserve"> a &lt; b_x000D_</t></r></si><si><t></t><rPh><t>x</t></rPh></si>');
    expect(other).toEqual(plain);
  });
});
