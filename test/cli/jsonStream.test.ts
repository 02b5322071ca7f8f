/**
 * Issue 15, "stream the ward": `check --json` over many files writes each file's share as soon as it is
 * checked (src/cli/jsonReport.ts). Its text must be exactly the report built from every result at once,
 * whether the sections stay in memory or spill to temporary files, which are removed afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkWorkbook } from '../../src/core/check';
import { buildReport, reportParts } from '../../src/core/report';
import { writeJson } from '../../src/cli/json';
import { JsonReportStream } from '../../src/cli/jsonReport';
import { buildChiBo, membersWith } from '../helpers/chibo';
import { buildChiBo25, members25 } from '../helpers/chibo25';

const collect = async (write: (out: (t: string) => void) => Promise<void>): Promise<string> => {
  let text = '';
  await write((t) => {
    text += t;
  });
  return text;
};

const files = () => [
  { path: 'a.xlsx', result: checkWorkbook(buildChiBo({ members: membersWith(12, (i) => ({ votes: i < 2 ? [2, 5, 5] : undefined })) }).model) },
  { path: 'b.xlsx', result: checkWorkbook(buildChiBo25({ members: members25(9, (i) => (i === 0 ? { common: 31 } : {})) }).model) },
  { path: 'c.xlsx', result: checkWorkbook(buildChiBo25({ members: members25(4), unconfirmed: true }).model) },
];

describe('check --json streamed file by file', () => {
  it('writes exactly the report built from every result at once (a mixed run: hd27-2014 and hd43-2025 files)', async () => {
    const checked = files();
    const whole = await collect((out) => writeJson(buildReport('hd27-2014', checked), out));
    const stream = new JsonReportStream();
    for (const c of checked) stream.add(reportParts(c));
    expect(await collect((out) => stream.write('hd27-2014', out))).toBe(whole);
    expect(JSON.parse(whole).settings.length).toBeGreaterThan(0);
  });

  it('the same text when every section spills to temporary files, which are gone afterwards', async () => {
    const checked = files();
    const whole = await collect((out) => writeJson(buildReport('hd43-2025', checked), out));
    const stream = new JsonReportStream(64);
    for (const c of checked) stream.add(reportParts(c));
    const folder = stream.spillFolder;
    expect(folder).not.toBeNull();
    expect(readFileSync(`${folder}/members`, 'utf8').length).toBeGreaterThan(64);
    expect(await collect((out) => stream.write('hd43-2025', out))).toBe(whole);
    expect(existsSync(folder as string)).toBe(false);
  });

  it('no file read: the report of an empty run, as before', async () => {
    const whole = await collect((out) => writeJson(buildReport('hd27-2014', []), out));
    expect(await collect((out) => new JsonReportStream().write('hd27-2014', out))).toBe(whole);
  });
});
