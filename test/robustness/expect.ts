/** What `xeploai check` (and the add-in) must answer for a case of the bad-workbook corpus. */
import type { Expectation } from '../fixtures/bad/generate';
import { run } from '../helpers/cli';

/** "DATA-01 (+ warnings DATA-07)", for test names. */
export function ruleSets(e: Expectation): string {
  if (e.code === 2) return '';
  const errors = e.errors.length ? e.errors.join(', ') : 'no error';
  return e.warnings?.length ? `${errors} (warnings ${e.warnings.join(', ')})` : errors;
}

const STACK_LINE = /\n\s+at |\bat .+:\d+:\d+\)/;

interface IssueLike {
  readonly rule: string;
  readonly severity: string;
  readonly sheet: string;
  readonly cell?: string | null;
  readonly message: string;
  readonly messageEn?: string;
}

/** The issues of a workbook case: exactly the expected error rules, the expected warnings, an error on each expected cell, and messages a clerk can read. */
export function expectIssues(issues: readonly IssueLike[], e: Extract<Expectation, { code: 0 | 1 }>): void {
  const of = (severity: string) => [...new Set(issues.filter((i) => i.severity === severity).map((i) => i.rule))].sort();
  expect(of('error')).toEqual([...e.errors].sort());
  expect(of('warning')).toEqual(expect.arrayContaining([...(e.warnings ?? [])]));
  const errorCells = new Set(issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell}`));
  expect((e.cells ?? []).filter((c) => !errorCells.has(c))).toEqual([]);
  // A value the code could not make sense of must never reach the clerk as "NaN" or "undefined".
  expect(issues.filter((i) => /\bNaN\b|undefined|\[object /.test(`${i.message} ${i.messageEn ?? ''}`)).map((i) => i.message)).toEqual([]);
}

/** Runs `xeploai check PATH --json [--out OUT]` in-process and checks the answer against the case. */
export async function expectCheckAnswer(path: string, e: Expectation, out?: string): Promise<void> {
  const r = await run('check', path, '--json', ...(out ? ['--out', out] : []));
  if (e.code === 2) {
    expect(r.code).toBe(2);
    // Nothing was checked: the JSON report (always printed with --json) lists no file.
    expect(JSON.parse(r.out)).toMatchObject({ files: [], issues: [] });
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(STACK_LINE);
    expect(r.err).not.toMatch(/lỗi không mong đợi|unexpected error/);
    expect(r.err.trimEnd()).toMatch(e.line);
    return;
  }
  expect(r.err).toBe('');
  expect(r.code).toBe(e.code);
  expectIssues((JSON.parse(r.out) as { issues: IssueLike[] }).issues, e);
}
