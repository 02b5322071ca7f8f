/**
 * Rule set hd43-2025's engine (RULES-2025.md), NOT YET COMPLETE and not offered (ruleSets/index.ts
 * UNRELEASED_RULE_SETS). Today it reads what the rule set reads: the sheets shared with hd27-2014
 * (`Thông tin chi bộ`, the roll, the leaders), `Bộ tiêu chí` and `Chấm điểm đảng viên`, reporting DATA
 * issues as every sheet does. The levels (rules/m25.ts) and the criteria checks (rules/cfg25.ts) are pure
 * functions with tests; wiring them here, with their issues in the catalogue, is issue 14's next step.
 */
import { readChiBoWorkbook, readCriteria, readMemberScores } from '../forms/reader';
import type { WorkbookModel } from '../grid';
import type { IssueSink } from '../issues';
import { checkLeaders } from '../rules/lead';
import type { EngineOutput } from './engineOutput';
import type { Hd43RuleSet } from './hd43-2025';
import type { OptionValues } from './types';

export function runHd43(model: WorkbookModel, _ruleSet: Hd43RuleSet, sink: IssueSink): EngineOutput {
  const input = readChiBoWorkbook(model, sink);
  readCriteria(model, sink);
  readMemberScores(model, sink);
  const leaders = checkLeaders(input, sink);
  // hd43-2025 has no `--option`s: its settings are the workbook's (`Bộ tiêu chí`).
  return { input, options: {} as OptionValues, leaders, memberResults: [], chiBoResults: [], figures: null, states: [] };
}
