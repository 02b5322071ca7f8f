/**
 * `aggregate` keeps a compact record per file (core/aggregate.ts `compactResult`) and spools each file's
 * members and chi bộ as it goes (cli/wardJson.ts), filling in after the ward's cap the members the cap may
 * change. Its outputs must be exactly those of combining the whole check results: the JSON text of
 * `writeJson(buildWardReport(…))`, the layouts of the ward's workbook and its issues. Generated wards of
 * both rule sets (a ward cap with candidates and ties, a person in two chi bộ, a plan with its schedule,
 * a mixed ward), in memory and spilled to temporary files in tiny blocks; then the command line end to end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { aggregateWard, compactResult, mayBeCapped, newCompactMemo, type WardInput } from '../../src/core/aggregate';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { WorkbookModel } from '../../src/core/grid';
import { wardSheets } from '../../src/core/output/ward';
import { buildWardReport, wardIssues } from '../../src/core/report';
import { HD43_2025 } from '../../src/core/ruleSets/hd43-2025';
import { writeJson } from '../../src/cli/json';
import { WardJsonStream, type WardReportFile } from '../../src/cli/wardJson';
import { fillWorkbook } from '../../src/xlsx/fill';
import { loadModel } from '../../src/xlsx/loadModel';
import { PLAN_ORGANISATION, planData } from '../../src/xlsx/plan';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { fillRuleSetTemplate } from '../../src/xlsx/template';
import { ward25ExampleData, ward25PlanData, WARD_CHI_BO, wardChiBoData } from '../../src/xlsx/wardExample';
import { writeWardWorkbook } from '../../src/xlsx/writeWard';
import { type MemberSpec, membersWith, nameFor, sheetOf } from '../helpers/chibo';
import { chiBoWith, leadersSheet, planSheet, wardBook } from '../helpers/ward';
import { run } from '../helpers/cli';

type Options = Readonly<Record<string, string>>;
type Files = readonly (readonly [string, WorkbookModel])[];

/** A chi bộ of `n` members (test/helpers/ward.ts): the first with these round-2 votes, the last `htnv` HTNV. */
function chiBo(name: string, n: number, first: number, options: { htnv?: number; excellent?: number[]; score?: number; names?: Readonly<Record<number, string>> } = {}) {
  const excellent = options.excellent ?? [];
  const htnv = options.htnv ?? 0;
  const members = membersWith(n, (i) => ({ name: options.names?.[i] ?? nameFor(first + i) })).map((m, i): MemberSpec => {
    if (i < excellent.length) return { ...m, votes: [n, 0, 0, excellent[i]] };
    if (i >= n - htnv) return { ...m, votes: [0, n, 0] };
    return m;
  });
  return { members, info: { chiBo: name }, scores: [sheetOf(options.score ?? 95)] };
}

/** hd27-2014 under `capScope=ward`: candidates over three chi bộ (5 places; five tie at 0,8 across the cap), a person in two chi bộ, the plan. */
function ward27(): Files {
  const plan = planSheet([
    { chiBo: 'A', meetingDate: '01/12/2017', exemplary: 'x' },
    { chiBo: 'B', meetingDate: '02/12/2017' },
    { chiBo: 'C', meetingDate: '03/12/2017' },
    { chiBo: 'D', meetingDate: '04/12/2017' },
  ]);
  const leaders = leadersSheet([
    { stt: 1, name: 'Nguyễn Văn Một', position: 'Bí thư', good: 12, excellent: 2, done: 1, failed: 0 },
    { stt: 2, name: 'Trần Thị Hai', position: 'Phó Bí thư', good: 10, excellent: 3, done: 2, failed: 0 },
  ]);
  return [
    // Names in Chữ Nôm outside the BMP (surrogate pairs), a candidate's among them: the spool's blocks cut through them.
    ['a.xlsx', chiBoWith(chiBo('A', 10, 0, { htnv: 3, excellent: [9, 8, 8], names: { 1: 'Nguyễn Văn 𠀤', 4: 'Lê Thị 𡨸' } }))],
    ['b.xlsx', chiBoWith(chiBo('B', 20, 10, { htnv: 6, excellent: [17, 16, 16, 12] }))],
    // Its first two members are B's first two (same names and birth dates): AGG-04.
    ['c.xlsx', chiBoWith(chiBo('C', 15, 10, { excellent: [14, 12] }))],
    ['ke-hoach.xlsx', wardBook(plan, leaders)],
  ];
}

const model = (workbook: Parameters<typeof workbookToModel>[0]): WorkbookModel => workbookToModel(workbook);

/** The sixteen chi bộ of the 2017 plan (src/xlsx/wardExample.ts) and the plan's workbook, as `template --plan` makes it. */
function example27(): Files {
  const files: [string, WorkbookModel][] = WARD_CHI_BO.map((_, i) => [`chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`, model(fillWorkbook(wardChiBoData(i)).workbook)]);
  files.push(['ke-hoach.xlsx', model(fillWorkbook({ organisation: PLAN_ORGANISATION, info: {}, roll: [], tally: [], scores: [], plan: planData() }).workbook)]);
  return files;
}

/** The generated hd43-2025 ward: M25-20 over the ward by score, with ties at the cap. */
function example25(): Files {
  const files: [string, WorkbookModel][] = ward25ExampleData().map((d, i) => [`chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`, model(fillRuleSetTemplate(HD43_2025, d).workbook)]);
  files.push(['ke-hoach.xlsx', model(fillRuleSetTemplate(HD43_2025, ward25PlanData()).workbook)]);
  return files;
}

/** What `write` prints, each piece encoded on its own as standard output does (half a surrogate pair would show). */
async function text(write: (out: (t: string) => unknown) => Promise<void>): Promise<string> {
  const pieces: Buffer[] = [];
  await write((t) => {
    pieces.push(Buffer.from(t, 'utf8'));
  });
  return Buffer.concat(pieces).toString('utf8');
}

/** Both ways of combining the same checked files: the outputs of the whole results, and of the compact records. */
async function bothWays(checked: readonly (WardInput & { reader?: WardReportFile['reader'] })[], options: Options, stream: WardJsonStream) {
  const ask = { ruleSet: 'hd27-2014', options };
  const ward = aggregateWard(checked, ask);
  const issues = wardIssues(checked, ward);
  const memo = newCompactMemo();
  const files: WardReportFile[] = [];
  let holes = 0;
  for (const c of checked) {
    const compact = compactResult(c.result, memo);
    holes += c.result.members.filter((m) => mayBeCapped(c.result, m)).length;
    stream.add(c.result);
    files.push({ path: c.path, result: compact, ...(c.reader ? { reader: c.reader } : {}) });
  }
  const spilled = stream.spillFolder;
  const compactWard = aggregateWard(files, ask);
  const compactIssues = wardIssues(files, compactWard);
  return {
    holes,
    spilled,
    whole: { json: await text((out) => writeJson(buildWardReport(checked, ward), out)), sheets: wardSheets(ward, issues), issues },
    compact: { json: await text((out) => stream.write(files, compactWard, out)), sheets: wardSheets(compactWard, compactIssues), issues: compactIssues },
  };
}

const checkAll = (files: Files, options: Options = {}): WardInput<CheckResult>[] => files.map(([path, m]) => ({ path, result: checkWorkbook(m, { options }) }));

describe('aggregate: the compact records and the spooled report give the outputs of the whole results', () => {
  const wards: [string, () => Files, Options, (w: WardInput<CheckResult>[]) => void][] = [
    [
      'hd27-2014, the cap over the ward (AGG-03), a person in two chi bộ (AGG-04), the plan and leaders',
      ward27,
      { capScope: 'ward' },
      (checked) => {
        // The ward is what the comparison is worth: candidates, a tie across the cap, AGG-04, the leaders.
        const ward = aggregateWard(checked, { options: { capScope: 'ward' } });
        expect(ward.cap).toMatchObject({ scope: 'ward' });
        expect(ward.cap.candidates).toBeGreaterThan(ward.cap.cap);
        expect(ward.cap.tied).toBeGreaterThan(0);
        expect(ward.issues.filter((i) => i.rule === 'AGG-04').map((i) => i.file)).toContain('c.xlsx');
        expect(ward.leaders.length).toBe(2);
        expect(JSON.stringify(checked[0].result.members)).toMatch(/𠀤[^]*𡨸/u);
      },
    ],
    ['hd27-2014, the sixteen chi bộ of the plan, the cap per chi bộ', example27, {}, (checked) => expect(aggregateWard(checked).rows.length).toBe(16)],
    [
      'hd43-2025, the generated ward: M25-20 over the ward by score, ties at the cap',
      example25,
      {},
      (checked) => {
        const ward = aggregateWard(checked);
        expect(ward.ruleSet).toBe('hd43-2025');
        expect(ward.cap).toMatchObject({ scope: 'ward', rule: 'M25-20' });
        expect(ward.cap.candidates).toBeGreaterThan(ward.cap.cap);
      },
    ],
    [
      'a mixed ward: hd43-2025 chi bộ with two of hd27-2014 (AGG-01; the cap covers only the ward rule set)',
      () => [...example25(), ...example27().slice(0, 2).map(([path, m]): [string, WorkbookModel] => [`2014-${path}`, m])],
      {},
      (checked) => expect(aggregateWard(checked).otherRuleSets.length).toBe(2),
    ],
  ];

  for (const [name, files, options, sound] of wards) {
    describe(name, () => {
      let checked: WardInput<CheckResult>[];
      beforeAll(() => {
        checked = checkAll(files(), options);
      });

      it('the ward is one worth comparing', () => sound(checked));

      it('in memory: the same JSON text, Tổng hợp and Kiểm tra, and issues', async () => {
        const { whole, compact, holes, spilled } = await bothWays(checked, options, new WardJsonStream());
        expect(spilled).toBeNull();
        if (options.capScope === 'ward' || name.startsWith('hd43')) expect(holes).toBeGreaterThan(0);
        expect(compact.json).toBe(whole.json);
        expect(compact.sheets).toEqual(whole.sheets);
        expect(compact.issues).toEqual(whole.issues);
      });

      it('spilled to temporary files in tiny blocks (holes and surrogate pairs across their edges): the same JSON text, and the files go', async () => {
        for (const [buffer, block] of [
          [64, 6],
          [1000, 4],
          [4096, 1 << 12],
        ]) {
          const stream = new WardJsonStream({ buffer, block });
          const { whole, compact, spilled } = await bothWays(checked, options, stream);
          expect(spilled).not.toBeNull();
          expect(compact.json).toBe(whole.json);
          expect(existsSync(spilled as string)).toBe(false);
        }
      });
    });
  }

  it('a candidate whose record lacks what the cap ranks it by cannot pass unnoticed: the cap refuses it', () => {
    const checked = checkAll(ward27(), { capScope: 'ward' });
    const lossy = checked.map(({ path, result }) => ({ path, result: { ...result, members: result.members.map(({ name, status, level, reason, rules }) => ({ name, status, level, reason, rules })) } }));
    expect(() => aggregateWard(lossy, { options: { capScope: 'ward' } })).toThrow(/rules, votes and N/);
  });
});

describe('aggregate on the command line: the report and the workbook of the whole results', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xeploai-compact-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every part of a workbook but its creation time (docProps/core.xml), as text. */
  async function parts(path: string): Promise<Record<string, string>> {
    const zip = await JSZip.loadAsync(readFileSync(path));
    const out: Record<string, string> = {};
    for (const name of Object.keys(zip.files).sort()) {
      const body = await zip.files[name].async('string');
      out[name] = name === 'docProps/core.xml' ? body.replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '') : body;
    }
    return out;
  }

  it.each([
    ['hd43-2025', () => fillRuleSetTemplate(HD43_2025, ward25PlanData()).workbook, () => ward25ExampleData().map((d) => fillRuleSetTemplate(HD43_2025, d).workbook)],
    ['hd27-2014', () => fillWorkbook({ organisation: PLAN_ORGANISATION, info: {}, roll: [], tally: [], scores: [], plan: planData() }).workbook, () => WARD_CHI_BO.map((_, i) => fillWorkbook(wardChiBoData(i)).workbook)],
  ])('%s: `aggregate --json` prints the text of writeJson(buildWardReport) and writes the same Tổng hợp', async (rules, plan, chiBo) => {
    const sub = mkdtempSync(join(dir, `${rules}-`));
    const paths: string[] = [];
    for (const [i, wb] of chiBo().entries()) {
      paths.push(join(sub, `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`));
      await wb.xlsx.writeFile(paths[i]);
    }
    paths.push(join(sub, 'ke-hoach.xlsx'));
    await plan().xlsx.writeFile(paths[paths.length - 1]);
    const checked = await Promise.all(paths.map(async (path) => {
      const m = await loadModel(path);
      return { path, result: checkWorkbook(m, { ruleSet: 'hd27-2014', ruleSetExplicit: false, options: {} }), reader: m.reader };
    }));
    const ward = aggregateWard(checked, { ruleSet: 'hd27-2014', options: {} });
    const issues = wardIssues(checked, ward);
    const expected = await text((out) => writeJson(buildWardReport(checked, ward), out));
    const wholeBook = join(sub, 'whole.xlsx');
    await writeWardWorkbook(wholeBook, ward, issues);

    const cliBook = join(sub, 'tong-hop.xlsx');
    const cli = await run('aggregate', ...paths, '--out', cliBook, '--json');
    expect(cli.err).toBe('');
    expect(cli.out).toBe(expected);
    expect(cli.code).toBe(issues.some((i) => i.severity === 'error') ? 1 : 0);
    expect(await parts(cliBook)).toEqual(await parts(wholeBook));
  });
});
