/** The report written piece by piece (src/cli/json.ts) is the very text JSON.stringify(value, null, 2) gives. */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check';
import { buildReport } from '../../src/core/report';
import { itemsAtDepth2, writeJson } from '../../src/cli/json';
import { build } from '../helpers/workbook';

async function written(value: unknown): Promise<string> {
  let text = '';
  await writeJson(value, (t) => {
    text += t;
  });
  return text;
}

test('the example chi bộ\'s report, to the byte', async () => {
  const report = buildReport('hd27-2014', [{ path: 'chi-bo.xlsx', result: checkWorkbook(build().model) }]);
  expect(await written(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
});

test('any JSON value, with empty arrays, nested objects, undefined and Vietnamese text', async () => {
  const value = fc.jsonValue();
  const report = fc.dictionary(fc.string(), fc.oneof(value, fc.array(value), fc.constant(undefined), fc.constant([])));
  await fc.assert(
    fc.asyncProperty(fc.oneof(report, value), async (v) => {
      expect(await written(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
    }),
    { numRuns: 300 },
  );
  const special = { a: [1, undefined, 'Nguyễn Văn A'], b: {}, c: [], d: undefined, e: [{ x: [] }], 'khóa "lạ"': 'x\ny' };
  expect(await written(special)).toBe(`${JSON.stringify(special, null, 2)}\n`);
});

test('a long array is written in several pieces, each after the previous one was taken', async () => {
  const pieces: string[] = [];
  let waiting = 0;
  const big = { members: Array.from({ length: 5000 }, (_, i) => ({ name: `Đảng viên ${i}`, level: 'HTTNV' })) };
  // A slow reader: every piece is taken a tick later, and no piece may come while one is pending.
  await writeJson(big, (t) => {
    expect(waiting).toBe(0);
    pieces.push(t);
    waiting++;
    return new Promise<void>((resolve) => setImmediate(() => {
      waiting--;
      resolve();
    }));
  });
  expect(pieces.length).toBeGreaterThan(5);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100_000);
  expect(pieces.join('')).toBe(`${JSON.stringify(big, null, 2)}\n`);
});

/** Strings of letters that test the indentation: newlines (escaped inside strings), Vietnamese and astral letters, control characters, lone surrogates. */
const unit = fc.oneof(
  fc.constantFrom('a', 'Ờ', 'ễ', ' ', '\n', '\r\n', '\t', '"', '\\', '\u0000', '\u001f', '\u2028', '😀', '\ud800', '\udfff', '[', '{', ',', ':'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const anyValue = fc.oneof(fc.jsonValue({ stringUnit: unit, maxDepth: 5 }), fc.constant([]), fc.constant({}), fc.constant(undefined), fc.constant([[], {}, [[{}]]]));

test('itemsAtDepth2 is the items stringified one by one and re-indented by four spaces, joined by ",\n" (the former definition)', () => {
  const former = (items: readonly unknown[]) => items.map((item) => `    ${(JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, '\n    ')}`).join(',\n');
  fc.assert(
    fc.property(fc.array(anyValue, { minLength: 1, maxLength: 6 }), (items) => {
      expect(itemsAtDepth2(items)).toBe(former(items));
      // And as the report's own JSON.stringify writes them, inside an array of an object.
      expect(JSON.stringify({ k: items }, null, 2)).toBe(`{\n  "k": [\n${itemsAtDepth2(items)}\n  ]\n}`);
    }),
    { numRuns: 500 },
  );
  expect(itemsAtDepth2([{ a: 'x\ny', b: [], c: {}, d: [1, [2, {}]] }, 'Nguyễn\u0001😀', undefined])).toBe(
    '    {\n      "a": "x\\ny",\n      "b": [],\n      "c": {},\n      "d": [\n        1,\n        [\n          2,\n          {}\n        ]\n      ]\n    },\n    "Nguyễn\\u0001😀",\n    null',
  );
});

test('writeJson, for strings with newlines, control characters, astral letters and lone surrogates at every depth', async () => {
  const report = fc.dictionary(fc.string({ unit, maxLength: 8 }), fc.oneof(anyValue, fc.array(anyValue)));
  await fc.assert(
    fc.asyncProperty(report, async (v) => {
      expect(await written(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
    }),
    { numRuns: 300 },
  );
});
