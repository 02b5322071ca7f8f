/**
 * Which rule set checks a workbook (issue 14): the workbook's own "Bộ quy tắc" on `Thông tin chi bộ`,
 * read before anything else; a workbook without it is hd27-2014 unless `--rules` (or the pane's setting)
 * names another. The workbook's field wins over an explicit `--rules` that disagrees (the sheets were
 * filled for it), with a warning naming both; a name no rule set has is DATA-02 on that cell, and the
 * workbook is then checked under the requested (or default) rule set so that nothing else is lost.
 */
import { readRuleSetField } from '../forms/reader';
import type { WorkbookModel } from '../grid';
import type { IssueSink } from '../issues';
import { foldLabel } from '../text/normalize';
import { DEFAULT_RULE_SET, findRuleSet, RULE_SETS } from './index';
import type { AnyRuleSet } from './types';

export interface RuleSetRequest {
  /** `--rules` or the pane's setting; absent: hd27-2014. */
  readonly ruleSet?: string;
  /** True when the clerk named the rule set (`--rules` given), so a disagreeing workbook is worth a warning. */
  readonly explicit?: boolean;
}

export interface RuleSetChoice {
  readonly ruleSet: AnyRuleSet;
  readonly source: 'workbook' | 'requested' | 'default';
}

const FALLBACK = (): AnyRuleSet => findRuleSet(DEFAULT_RULE_SET) as AnyRuleSet;

export function chooseRuleSet(model: WorkbookModel, request: RuleSetRequest, sink: IssueSink): RuleSetChoice {
  const requested = request.ruleSet !== undefined ? findRuleSet(request.ruleSet) : undefined;
  const otherwise: RuleSetChoice = requested ? { ruleSet: requested, source: request.ruleSet === DEFAULT_RULE_SET && !request.explicit ? 'default' : 'requested' } : { ruleSet: FALLBACK(), source: 'default' };
  const field = readRuleSetField(model);
  if (!field || !field.filled) return otherwise;
  const typed = field.value ?? '';
  const folded = foldLabel(typed);
  const offered = RULE_SETS.map((r) => r.id);
  const id = offered.find((known) => foldLabel(known) === folded);
  const named = id ? findRuleSet(id) : undefined;
  if (!named) {
    sink.add(
      'DATA-02',
      field.sheet,
      field.cell,
      `Sheet "${field.sheet}", ô ${field.cell} (Bộ quy tắc): "${typed}" không phải bộ quy tắc XếpLoại có. Bộ quy tắc được chấp nhận: ${offered.join(', ')}. Sổ này được kiểm tra theo bộ quy tắc ${otherwise.ruleSet.id}.`,
      `Sheet "${field.sheet}", cell ${field.cell} (Bộ quy tắc): "${typed}" is not a rule set XếpLoại knows. Accepted: ${offered.join(', ')}. The workbook is checked under ${otherwise.ruleSet.id}.`,
    );
    return otherwise;
  }
  if (request.explicit && requested && requested.id !== named.id) {
    sink.add(
      'DATA-02',
      field.sheet,
      field.cell,
      `Sheet "${field.sheet}", ô ${field.cell} (Bộ quy tắc): sổ ghi bộ quy tắc ${named.id}, khác với bộ quy tắc được yêu cầu khi chạy (${requested.id}). Sổ được kiểm tra theo bộ quy tắc ghi trong sổ (${named.id}); muốn đổi, sửa ô này.`,
      `Sheet "${field.sheet}", cell ${field.cell} (Bộ quy tắc): the workbook names ${named.id}, not the requested ${requested.id}. It is checked under ${named.id}; edit this cell to change it.`,
      'warning',
    );
  }
  return { ruleSet: named, source: 'workbook' };
}
