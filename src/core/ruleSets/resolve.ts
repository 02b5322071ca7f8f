/**
 * Which rule set checks a workbook (issue 14): the workbook's own "Bộ quy tắc" on `Thông tin chi bộ`,
 * read before anything else; a workbook without it is hd27-2014 unless `--rules` (or the pane's setting)
 * names another. The workbook's field wins over an explicit `--rules` that disagrees (the sheets were
 * filled for it), with a warning naming both; a name no rule set has is DATA-02 on that cell, and the
 * workbook is then checked under the requested (or default) rule set so that nothing else is lost.
 */
import { readRuleSetField } from "../forms/reader";
import type { WorkbookModel } from "../grid";
import type { IssueSink } from "../issues";
import type { RunContext } from "../run";
import { foldLabel } from "../text/normalize";
import { DEFAULT_RULE_SET, findRuleSet, RULE_SETS } from "./index";
import type { AnyRuleSet } from "./types";

export interface RuleSetRequest {
  /** `--rules` or the pane's setting; absent: hd27-2014. */
  readonly ruleSet?: string;
  /** True when the clerk named the rule set (`--rules` given), so a disagreeing workbook is worth a warning. */
  readonly explicit?: boolean;
}

export interface RuleSetChoice {
  readonly ruleSet: AnyRuleSet;
  readonly source: "workbook" | "requested" | "default";
}

const FALLBACK = (): AnyRuleSet => findRuleSet(DEFAULT_RULE_SET) as AnyRuleSet;

export function chooseRuleSet(
  model: WorkbookModel,
  request: RuleSetRequest,
  sink: IssueSink,
  run?: RunContext,
): RuleSetChoice {
  const requested =
    request.ruleSet !== undefined ? findRuleSet(request.ruleSet) : undefined;
  const otherwise: RuleSetChoice = requested
    ? {
        ruleSet: requested,
        source:
          request.ruleSet === DEFAULT_RULE_SET && !request.explicit
            ? "default"
            : "requested",
      }
    : { ruleSet: FALLBACK(), source: "default" };
  const field = readRuleSetField(model, run);
  if (!field || !field.filled) return otherwise;
  const typed = field.value ?? "";
  const folded = foldLabel(typed);
  // The id the template writes, or the rule set's name as a clerk writes it ("Quy định 366", "HD 27",
  // "Quy định 366-QĐ/TW ngày 30/8/2025"): a name, alone or followed by more words.
  const named = RULE_SETS.find((r) =>
    [r.id, r.shortName, ...r.names].some((n) => {
      const name = foldLabel(n);
      return folded === name || folded.startsWith(`${name} `);
    }),
  );
  if (!named) {
    sink.add(
      "DATA-02",
      field.sheet,
      field.cell,
      `Sheet "${field.sheet}", ô ${field.cell} (Bộ quy tắc): "${typed}" không phải bộ quy tắc XếpLoại có. Ghi ${RULE_SETS.map((r) => r.shortName).join(" hoặc ")}. Cho đến khi sửa, sổ được kiểm tra theo ${otherwise.ruleSet.shortName}.`,
      `Sheet "${field.sheet}", cell ${field.cell} (Bộ quy tắc): "${typed}" is not a rule set XepLoai knows. Write ${RULE_SETS.map((r) => r.titleEn).join(" or ")}. Until then the workbook is checked under ${otherwise.ruleSet.titleEn}.`,
    );
    return otherwise;
  }
  if (request.explicit && requested && requested.id !== named.id) {
    sink.add(
      "DATA-02",
      field.sheet,
      field.cell,
      `Sheet "${field.sheet}", ô ${field.cell} (Bộ quy tắc): sổ ghi ${named.shortName}, khác với bộ quy tắc được yêu cầu khi chạy (${requested.shortName}). Sổ được kiểm tra theo bộ quy tắc ghi trong sổ; muốn đổi, sửa ô này.`,
      `Sheet "${field.sheet}", cell ${field.cell} (Bộ quy tắc): the workbook names ${named.titleEn}, not the requested ${requested.titleEn}. It is checked as the workbook says; edit this cell to change it.`,
      "warning",
    );
  }
  return { ruleSet: named, source: "workbook" };
}
