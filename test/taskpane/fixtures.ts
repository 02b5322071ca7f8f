/** Check results and issues for the task pane's tests. */
import type { CheckResult, Issue } from '../../src/core';
import type { RuleId } from '../../src/core/rules/catalogue';
import { check } from '../helpers/workbook';

let cached: CheckResult | null = null;
/** The bundled example chi bộ, checked as the CLI does. */
export function exampleResult(): CheckResult {
  cached ??= check();
  return cached;
}

export function issue(partial: Partial<Issue> & Pick<Issue, 'sheet'>): Issue {
  return {
    rule: 'DATA-03' as RuleId,
    severity: 'error',
    cell: 'B7',
    message: `Thông báo ${partial.sheet}`,
    messageEn: `Message ${partial.sheet}`,
    ...partial,
  };
}

/** `n` issues on one sheet, alternating error and warning, each on its own row. */
export function manyIssues(sheet: string, n: number): Issue[] {
  return Array.from({ length: n }, (_, i) =>
    issue({ sheet, cell: `C${i + 7}`, severity: i % 2 === 0 ? 'error' : 'warning', message: `Lỗi số ${i}`, messageEn: `Issue number ${i}` }),
  );
}
