/**
 * `xeploai`: the same engine as the add-in, on .xlsx files. Exit status 0 (no error), 1 (errors found),
 * 2 (a file could not be read, or the command was wrong) — with one clear line, never a stack trace.
 */
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { checkWorkbook, type CheckResult } from '../core/check';
import { countBySeverity } from '../core/issues';
import { buildReport } from '../core/report';
import { findRuleSet, resolveOptions, RULE_SETS } from '../core/ruleSets';
import { loadXlsx, UnreadableWorkbookError, workbookToModel } from '../xlsx/readXlsx';
import { buildExampleWorkbook } from '../xlsx/example';
import { buildTemplate } from '../xlsx/template';
import { writeCheckedCopy } from '../xlsx/writeResults';
import { type CheckArgs, parseArgs, USAGE, UsageError } from './args';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'template') {
      const { workbook } = args.example ? buildExampleWorkbook() : buildTemplate();
      await workbook.xlsx.writeFile(args.out);
      io.err(`Đã tạo ${args.out}${args.example ? ' (chi bộ mẫu)' : ''}.\n`);
      return 0;
    }
    return await runCheck(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      // One clear line (FORMS.md); the usage text is one `xeploai --help` away.
      io.err(`xeploai: ${err.message} Xem "xeploai --help" (see --help).\n`);
      return 2;
    }
    if (err instanceof UnreadableWorkbookError) {
      io.err(`xeploai: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`xeploai: lỗi không mong đợi (unexpected error): ${message.split('\n')[0]}\n`);
    if (process.env.XEPLOAI_DEBUG) io.err(`${(err as Error).stack ?? ''}\n`);
    return 2;
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Where each file's checked copy goes: `--out` itself, or one file per input in the `--out` folder. */
function outputPaths(args: CheckArgs): (string | null)[] {
  const out = args.out;
  if (!out) return args.files.map(() => null);
  if (args.files.length === 1 && !isDirectory(out)) return [out];
  mkdirSync(out, { recursive: true });
  // Two inputs of the same name (from different folders) must not overwrite each other's copy.
  const used = new Set<string>();
  return args.files.map((file) => {
    const stem = basename(file, extname(file));
    let name = `${stem}.kiem-tra.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.kiem-tra.xlsx`;
    used.add(name.toLowerCase());
    return join(out, name);
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const ruleSet = findRuleSet(args.ruleSet);
  if (!ruleSet) throw new UsageError(`Không có bộ quy tắc "${args.ruleSet}" (unknown rule set). Có: ${RULE_SETS.map((r) => r.id).join(', ')}.`);
  const problems = resolveOptions(ruleSet, args.options).problems;
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.message).join(' '));
  const targets = outputPaths(args);
  for (const [i, file] of args.files.entries()) {
    const target = targets[i];
    if (target && samePath(target, file)) throw new UsageError(`--out không được trùng tệp đầu vào ${file}: tệp gốc không bao giờ bị ghi đè.`);
  }
  const checked: { path: string; result: CheckResult }[] = [];
  let unreadable = false;
  for (const [i, file] of args.files.entries()) {
    let workbook;
    try {
      workbook = await loadXlsx(file);
    } catch (err) {
      if (!(err instanceof UnreadableWorkbookError)) throw err;
      io.err(`xeploai: ${err.message}\n`);
      unreadable = true;
      continue;
    }
    const result = checkWorkbook(workbookToModel(workbook), { ruleSet: args.ruleSet, options: args.options });
    checked.push({ path: file, result });
    const target = targets[i];
    if (target) {
      writeCheckedCopy(workbook, result);
      await workbook.xlsx.writeFile(target);
      if (!args.json) io.err(`Đã ghi bản kiểm tra: ${target}\n`);
    }
  }
  if (args.json) io.out(`${JSON.stringify(buildReport(args.ruleSet, checked), null, 2)}\n`);
  else io.out(humanSummary(checked));
  if (unreadable) return 2;
  return checked.some(({ result }) => countBySeverity(result.issues).errors > 0) ? 1 : 0;
}

function humanSummary(checked: readonly { path: string; result: CheckResult }[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const { path, result } of checked) {
    const counts = countBySeverity(result.issues);
    errors += counts.errors;
    warnings += counts.warnings;
    lines.push(`${path}${result.chiBo ? ` — Chi bộ ${result.chiBo}` : ''}: ${counts.errors} lỗi, ${counts.warnings} cảnh báo`);
    if (result.members.length > 0) {
      const f = result.figures;
      lines.push(`  Đảng viên${f ? ` (N = ${f.n}; giới hạn HTXSNV ${f.cap} = 15% của ${f.pool} HTTNV)` : ''}:`);
      for (const m of result.members) {
        const outcome = m.level ?? { 'not-classified': 'không phân loại', deferred: 'phân loại sau', undetermined: 'CHƯA XÁC ĐỊNH', classified: '' }[m.status];
        lines.push(`    ${m.name}: ${outcome}${m.reason ? ` (${m.reason})` : ''} — ${m.explanation}`);
      }
    }
    for (const c of result.chiBoResults) {
      lines.push(`  Chi bộ: ${c.level ?? 'CHƯA XÁC ĐỊNH'}${c.provisional ? ' (tạm thời)' : ''} — ${c.explanation}`);
    }
    for (const issue of result.issues) {
      const place = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
      lines.push(`  ${issue.severity === 'error' ? 'LỖI     ' : 'CẢNH BÁO'} [${issue.rule}] ${place}: ${issue.message}`);
    }
  }
  if (checked.length > 1) lines.push(`Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo.`);
  return `${lines.join('\n')}\n`;
}
