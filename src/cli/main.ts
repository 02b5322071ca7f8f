/**
 * `xeploai`: the same engine as the add-in, on .xlsx files. Exit status 0 (no error), 1 (errors found),
 * 2 (a file could not be read, or the command was wrong) — with one clear line, never a stack trace.
 */
import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { aggregateWard, compactResult, type FileIssue, MEMBER_LEVELS, newCompactMemo, type WardSummary } from '../core/aggregate';
import { checkWorkbook, type CheckResult, newRunContext } from '../core/check';
import type { ReaderInfo } from '../core/grid';
import { countBySeverity, type Issue } from '../core/issues';
import { reportParts, wardIssues } from '../core/report';
import { DEFAULT_RULE_SET, findRuleSet, isHd27, resolveOptions, RULE_SETS, TEMPLATE_RULE_SET } from '../core/ruleSets';
import type { CriteriaValues } from '../core/output/template';
import { withoutPlace } from '../core/rules/words';
import { UnreadableWorkbookError } from '../xlsx/errors';
import { loadModel } from '../xlsx/loadModel';
import type { ChiBoData } from '../xlsx/fill';
import { describeWriteFailure, OutputError, writeOutputFile } from '../xlsx/writeOutput';
import { JsonReportStream } from './jsonReport';
import { LargeCheckCollector } from './memory';
import { WardJsonStream, type WardReportFile } from './wardJson';
import { type AggregateArgs, type CheckArgs, type MeetingArgs, parseArgs, type TemplateArgs, USAGE, UsageError } from './args';
import { type CopyWriter, isDirectory, planCheck, refuseOutputsOnInputs, writeCheckedCopyFile } from './outputs';
import { resultLines } from './human';
import { safeForTerminal } from './terminal';

// What only writing needs (ExcelJS, JSZip, the writers, the template and the example) is loaded on
// demand: a plain `check` loads none of it (test/cli/modules.test.ts), and ExcelJS alone would cost
// more than the whole check.
const writers = {
  template: () => Promise.all([import('../xlsx/fill'), import('../xlsx/example'), import('../xlsx/plan'), import('../xlsx/example25'), import('../xlsx/template')]),
  ward: () => import('../xlsx/writeWard'),
  meeting: () => import('./meeting'),
  convert: () => import('./convert'),
};

export interface Io {
  /** Writes to standard output; may return a promise to wait on before writing more (a full pipe). */
  readonly out: (text: string) => unknown;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  // A reader slower than the report (a pipe) would otherwise have every piece queued in memory.
  out: (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
  err: (text) => process.stderr.write(text),
};

/**
 * Everything printed for a human (both streams) passes through here: names, sheet names, paths and
 * cell text come from the files and the command line, so control characters are shown escaped.
 */
function forTerminal(io: Io): Io {
  return { out: (text) => io.out(safeForTerminal(text)), err: (text) => io.err(safeForTerminal(text)) };
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const screen = forTerminal(io);
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      screen.out(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'template') return await runTemplate(args, screen);
    if (args.command === 'aggregate') return await runAggregate(args, io, screen);
    if (args.command === 'convert') return await (await writers.convert()).runConvert(args, screen);
    if (args.command === 'check') return await runCheck(args, io, screen);
    return await runMeetingCommand(args, screen);
  } catch (err) {
    if (err instanceof UsageError) {
      // One clear line (FORMS.md); the usage text is one `xeploai --help` away.
      screen.err(`xeploai: ${err.message} Xem "xeploai --help" (see --help).\n`);
      return 2;
    }
    if (err instanceof UnreadableWorkbookError || err instanceof OutputError) {
      screen.err(`xeploai: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    screen.err(`xeploai: lỗi không mong đợi (unexpected error): ${message.split('\n')[0]}\n`);
    if (process.env.XEPLOAI_DEBUG) screen.err(`${(err as Error).stack ?? ''}\n`);
    return 2;
  }
}

/**
 * `template`: the input sheets of the rule set in force (TEMPLATE_RULE_SET) unless `--rules` names another;
 * `--plan` writes the ward's 2017 plan, a hd27-2014 document, so it implies (and needs) hd27-2014.
 * `--criteria WARD.xlsx` copies the ward's `Bộ tiêu chí` (read by the project's reader) into a rule set that
 * has one; a file without a readable one is one line, exit 2.
 */
async function runTemplate(args: TemplateArgs, io: Io): Promise<number> {
  const ruleSetId = args.ruleSet ?? (args.plan ? DEFAULT_RULE_SET : TEMPLATE_RULE_SET);
  const ruleSet = findRuleSet(ruleSetId);
  if (!ruleSet) throw new UsageError(`Không có bộ quy tắc "${ruleSetId}" (unknown rule set). Có: ${RULE_SETS.map((r) => r.id).join(', ')}.`);
  if (args.plan && ruleSet.id !== DEFAULT_RULE_SET) {
    throw new UsageError(`--plan điền lịch của kế hoạch năm 2017, lập theo bộ quy tắc ${DEFAULT_RULE_SET}; không dùng được với --rules ${ruleSet.id}.`);
  }
  if (args.criteria !== null && !ruleSet.forms.criteria) {
    throw new UsageError(`--criteria chép sheet "Bộ tiêu chí", nhưng bộ quy tắc ${ruleSet.id} không có sheet này.`);
  }
  if (args.criteria !== null) refuseOutputsOnInputs([args.out], [args.criteria]);
  const criteria = args.criteria !== null ? await wardCriteria(args.criteria) : undefined;
  const [{ fillWorkbook }, { exampleData }, { PLAN_ORGANISATION, planData }, { example25Data }, { fillRuleSetTemplate }] = await writers.template();
  let workbook;
  if (isHd27(ruleSet)) {
    const base: ChiBoData = args.example ? exampleData() : { organisation: args.plan ? PLAN_ORGANISATION : undefined, info: {}, roll: [], tally: [], scores: [] };
    workbook = fillWorkbook(args.plan ? { ...base, plan: planData() } : base).workbook;
  } else {
    const data = args.example ? example25Data() : { info: {}, tables: {} };
    workbook = fillRuleSetTemplate(ruleSet, criteria ? { ...data, criteria } : data).workbook;
  }
  await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
  const what = [args.example ? 'chi bộ mẫu' : '', args.plan ? 'lịch của kế hoạch' : '', criteria ? `Bộ tiêu chí chép từ ${args.criteria}` : '', `bộ quy tắc ${ruleSet.id}`].filter(Boolean).join(', ');
  io.err(`Đã tạo ${args.out} (${what}).\n`);
  return 0;
}

/** The ward's `Bộ tiêu chí`, as typed; a file without a readable one is refused in one line. */
async function wardCriteria(path: string): Promise<CriteriaValues> {
  const [{ readCriteria }, { newIssueSink }, { criteriaReadable, criteriaValuesOf }] = await Promise.all([import('../core/forms/reader'), import('../core/rules/issue'), import('../core/output/template')]);
  const read = readCriteria(await loadModel(path), newIssueSink());
  if (!criteriaReadable(read)) {
    throw new UnreadableWorkbookError(`${path}: không có sheet "Bộ tiêu chí" đọc được (bảng tiêu chí hoặc các thiết lập của đảng ủy) để chép sang sổ mẫu. (no readable criteria sheet)`);
  }
  return criteriaValuesOf(read);
}

/** The rule set and options, or a usage error naming what is wrong. */
function validateRules(ruleSetId: string, options: Readonly<Record<string, string>>): void {
  const ruleSet = findRuleSet(ruleSetId);
  if (!ruleSet) throw new UsageError(`Không có bộ quy tắc "${ruleSetId}" (unknown rule set). Có: ${RULE_SETS.map((r) => r.id).join(', ')}.`);
  const problems = resolveOptions(ruleSet, options).problems;
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.message).join(' '));
}

interface Checked {
  readonly path: string;
  readonly result: CheckResult;
  readonly reader?: ReaderInfo;
}

/**
 * Reads and checks each file; one that cannot be read (or is refused by the reader's limits) is one line
 * on stderr and is left out, and the others are still checked — in `aggregate`, still combined.
 */
async function checkFiles(
  args: { files: readonly string[]; ruleSet: string; ruleSetExplicit?: boolean; options: Readonly<Record<string, string>> },
  screen: Io,
  each?: (file: string, index: number, result: CheckResult, entry: Checked) => Promise<void>,
  keep = true,
): Promise<{ checked: Checked[]; unreadable: boolean }> {
  const checked: Checked[] = [];
  let unreadable = false;
  // One run over the files: the labels, headers and spellings they share are folded once (core/run.ts).
  const run = newRunContext();
  // A large check's garbage is collected before its report or copy is built on top of it (cli/memory.ts).
  const collector = new LargeCheckCollector();
  for (const [i, file] of args.files.entries()) {
    // The values always come from one reader (loadModel), so `check` and `check --out` agree.
    let entry: Checked;
    try {
      const model = await loadModel(file);
      entry = { path: file, result: checkWorkbook(model, { ruleSet: args.ruleSet, ruleSetExplicit: args.ruleSetExplicit, options: args.options }, run), reader: model.reader };
    } catch (err) {
      // Whatever went wrong with one file, the others are still worth their report (and their ward).
      const message = err instanceof UnreadableWorkbookError ? err.message : `${file}: lỗi không mong đợi khi đọc tệp (unexpected error): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
      screen.err(`xeploai: ${message}\n`);
      unreadable = true;
      continue;
    }
    // The file's grid is out of scope here: only the results are live.
    collector.afterCheck();
    // `check` streams: each file's report is written out (or spooled) and its results dropped here.
    if (keep) checked.push(entry);
    if (each) await each(file, i, entry.result, entry);
  }
  return { checked, unreadable };
}

/** Writes one output; a failure is its one line on stderr, and the run goes on to report (exit 2). */
async function written(screen: Io, write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    screen.err(`xeploai: ${err.message}\n`);
    return false;
  }
}

/**
 * `aggregate`: memory small per file (issue 15). As soon as a file is checked, only its compact record is
 * kept (core/aggregate.ts `compactResult`: what combining the ward and its outputs read), and its members
 * and chi bộ go to the JSON report's spool (cli/wardJson.ts), where the ward's cap changes them afterwards.
 * The outputs are those of combining the whole results (test/cli/aggregateCompact.test.ts).
 */
async function runAggregate(args: AggregateArgs, io: Io, screen: Io): Promise<number> {
  validateRules(args.ruleSet, args.options);
  if (isDirectory(args.out)) throw new UsageError(`--out của aggregate là một tệp .xlsx, không phải thư mục: ${args.out}.`);
  refuseOutputsOnInputs([args.out], args.files);
  const files: WardReportFile[] = [];
  const memo = newCompactMemo();
  const json = args.json ? new WardJsonStream() : null;
  try {
    const { unreadable } = await checkFiles(args, screen, async (_file, _i, result, entry) => {
      const compact = compactResult(result, memo);
      files.push(entry.reader ? { path: entry.path, result: compact, reader: entry.reader } : { path: entry.path, result: compact });
      json?.add(result);
    }, false);
    if (files.length === 0) return 2;
    const ward = aggregateWard(files, { ruleSet: args.ruleSet, options: args.options });
    const issues = wardIssues(files, ward);
    // The ward's figures are worth printing even when its workbook cannot be written.
    const wrote = await written(screen, async () => (await writers.ward()).writeWardWorkbook(args.out, ward, issues));
    if (json) await json.write(files, ward, io.out);
    else {
      if (wrote) screen.err(`Đã ghi tổng hợp: ${args.out}\n`);
      screen.out(wardSummary(files, ward, issues));
    }
    if (unreadable || !wrote) return 2;
    return issues.some((i) => i.severity === 'error') ? 1 : 0;
  } finally {
    json?.close();
  }
}

async function runMeetingCommand(args: MeetingArgs, screen: Io): Promise<number> {
  validateRules(args.ruleSet, args.options);
  if (isDirectory(args.out)) throw new UsageError(`--out của ${args.command} là một tệp .xlsx, không phải thư mục: ${args.out}.`);
  refuseOutputsOnInputs([args.out], [args.file]);
  return (await writers.meeting()).runMeeting(args, screen);
}

/** One issue: the rule ID as a tag, the place, then the message without repeating the place. */
function issueLine(issue: Issue): string {
  const place = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  return `  ${issue.severity === 'error' ? 'LỖI     ' : 'CẢNH BÁO'} [${issue.rule}] ${place}: ${withoutPlace(issue)}`;
}

const shown = (c: { count: number; percent: number | null }): string => `${c.count}${c.percent === null ? '' : ` (${c.percent.toFixed(2).replace('.', ',')}%)`}`;

function wardSummary(checked: readonly { path: string; result: Pick<CheckResult, 'chiBo' | 'issues'> }[], ward: WardSummary, issues: readonly FileIssue[]): string {
  const lines: string[] = [];
  for (const { path, result } of checked) {
    const counts = countBySeverity(result.issues);
    const role = ward.files.find((f) => f.path === path)?.role === 'plan' ? ' (kế hoạch, hồ sơ của Đảng bộ)' : '';
    lines.push(`${path}${result.chiBo ? ` — Chi bộ ${result.chiBo}` : role}: ${counts.errors} lỗi, ${counts.warnings} cảnh báo`);
    for (const issue of result.issues) lines.push(issueLine(issue));
  }
  const m = ward.members;
  const c = ward.chiBo;
  const e = ward.exemplary;
  lines.push(`Tổng hợp ${c.total} chi bộ${ward.heading.year ? ` năm ${ward.heading.year}` : ''}:`);
  lines.push(`  Đảng viên: ${m.total} trong danh sách; được phân loại ${m.classified}: ${MEMBER_LEVELS.map((l) => `${l} ${shown(m.levels[l])}`).join(', ')}.`);
  lines.push(`  Không phân loại: miễn ${m.notClassified.exempt}, chưa đủ 6 tháng ${m.notClassified['admitted-under-6-months']}; phân loại sau: vắng mặt ${m.deferred.absent}, chưa kiểm điểm ${m.deferred['no-self-review']}; chưa xác định ${m.undetermined}.`);
  lines.push(`  Chi bộ: được xếp loại ${c.classified}: ${ward.rules.chiBoLevels.map((l) => `${l} ${shown(c.levels[l])}`).join(', ')}; chưa xác định ${c.undetermined}.`);
  lines.push(`  Chi bộ ${ward.rules.exemplary.among === 'TSVM' ? 'TSVM tiêu biểu' : 'khen "Trong sạch, vững mạnh"'}: đã chọn ${e.counted}, tối đa ${e.bound} (${e.percent}% của ${e.tsvm} chi bộ ${ward.rules.exemplary.among})${e.withinBound ? '' : ' — VƯỢT GIỚI HẠN'}.`);
  const cap = ward.cap;
  lines.push(cap.scope === 'ward' ? `  Giới hạn ${cap.percent}% HTXSNV trên toàn Đảng bộ: tối đa ${cap.cap} trên ${cap.pool} ${cap.rule ? 'HTTNV và HTXSNV' : 'HTTNV'}; ${cap.candidates} đủ điều kiện, ${cap.taken} HTXSNV${cap.tied ? `, ${cap.tied} bằng ${cap.rule ? 'điểm' : 'phiếu'} ở ngưỡng` : ''}.` : `  Giới hạn ${cap.percent}% HTXSNV trong từng chi bộ: ${cap.taken} HTXSNV.`);
  const s = ward.schedule;
  lines.push(s.listed ? `  Lịch (${s.source}): ${s.listed} chi bộ, có kết quả ${s.withResults}${s.missing.length ? `; chưa có: ${s.missing.join(', ')}` : ''}.` : '  Lịch: không tệp nào có sheet Kế hoạch.');
  for (const issue of ward.issues) lines.push(`${issueLine(issue)} (${issue.file})`);
  const total = countBySeverity(issues);
  lines.push(`Tổng cộng: ${total.errors} lỗi, ${total.warnings} cảnh báo.`);
  return `${lines.join('\n')}\n`;
}

async function runCheck(args: CheckArgs, io: Io, screen: Io): Promise<number> {
  validateRules(args.ruleSet, args.options);
  // Every output is known, and compared with every input, before anything is read or written.
  const plan = planCheck(args.files, args.out);
  if (plan.folder && existsSync(plan.folder) && !isDirectory(plan.folder)) {
    throw new OutputError(`--out ${plan.folder} là một tệp, nhưng với nhiều tệp đầu vào --out là thư mục nhận các bản kiểm tra. Chọn một thư mục. (--out must be a folder)`);
  }
  const targets = plan.targets;
  refuseOutputsOnInputs(targets.filter((t): t is string => t !== null), plan.files);
  if (plan.skipped.length > 0) {
    screen.err(`xeploai: bỏ qua ${plan.skipped.length} bản kiểm tra của lần chạy trước (không kiểm tra lại bản sao; ghi riêng tên tệp nếu cần): ${plan.skipped.join(', ')}\n`);
  }
  if (plan.folder) {
    try {
      mkdirSync(plan.folder, { recursive: true });
    } catch (err) {
      throw new OutputError(describeWriteFailure(plan.folder, err));
    }
  }
  let copiesWritten = true;
  // The copy is written from ExcelJS's package of the file; when only the copy fails, the check's
  // report is printed all the same (exit 2).
  const writeCopy = async (file: string, i: number, result: CheckResult): Promise<void> => {
    const target = targets[i];
    if (!target) return;
    let how: CopyWriter | null = null;
    const ok = await written(screen, async () => {
      how = await writeCheckedCopyFile(file, target, result);
    });
    if (!ok) copiesWritten = false;
    else if (!args.json) screen.err(`Đã ghi bản kiểm tra: ${target}${(how as CopyWriter | null)?.fallback ? ` (ghi qua ExcelJS: ${(how as unknown as CopyWriter).fallback})` : ''}\n`);
  };
  // Memory flat in the number of files: each file's human summary is printed, or its JSON share spooled,
  // as soon as it is checked, and its results are not kept.
  const json = args.json ? new JsonReportStream() : null;
  const total = { files: 0, errors: 0, warnings: 0 };
  const each = async (file: string, i: number, result: CheckResult, entry: Checked): Promise<void> => {
    if (args.out) await writeCopy(file, i, result);
    const counts = countBySeverity(result.issues);
    total.files++;
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    if (json) json.add(reportParts(entry));
    else screen.out(fileSummary(path(entry), result));
  };
  let unreadable: boolean;
  try {
    ({ unreadable } = await checkFiles({ ...args, files: plan.files }, screen, each, false));
    if (json) await json.write(args.ruleSet, io.out);
    else if (total.files > 1) screen.out(`Tổng cộng: ${total.errors} lỗi, ${total.warnings} cảnh báo.\n`);
  } finally {
    json?.close();
  }
  if (unreadable || !copiesWritten) return 2;
  return total.errors > 0 ? 1 : 0;
}

const path = (entry: Checked): string => entry.path;

/** One file's part of the human summary: its counts, members, chi bộ, leaders and issues. */
function fileSummary(path: string, result: CheckResult): string {
  const lines: string[] = [];
  {
    const counts = countBySeverity(result.issues);
    lines.push(`${path}${result.chiBo ? ` — Chi bộ ${result.chiBo}` : ''}: ${counts.errors} lỗi, ${counts.warnings} cảnh báo`);
    // The members, the chi bộ and the settings used by default, in the words of the result's rule set.
    lines.push(...resultLines(result));
    if (result.leaders.length > 0) {
      const first = result.leaders[0];
      lines.push(`  Cán bộ lãnh đạo, quản lý (nơi biểu quyết: ${first.place ?? '—'}; ${first.validBallots ?? '—'} phiếu hợp lệ):`);
      for (const l of result.leaders) {
        lines.push(`    ${l.name}${l.position ? ` (${l.position})` : ''}: ${MEMBER_LEVELS.map((level) => `${level} ${l.votes[level] ?? '—'}${l.percents[level] === null ? '' : ` (${(l.percents[level] as number).toFixed(2).replace('.', ',')}%)`}`).join(', ')}`);
      }
    }
    for (const issue of result.issues) lines.push(issueLine(issue));
  }
  return `${lines.join('\n')}\n`;
}
