/**
 * How a rule set computes: each rule set's engine turns the workbook (legacy text already converted) into
 * the typed input and the member and chi bộ results. check.ts asks `engineFor(ruleSet)` and assembles
 * the CheckResult; it has no `if (ruleSet === …)`. Only check.ts imports this module, so the pane's
 * settings (which import the rule sets' data) never load an engine.
 */
import type { WorkbookModel } from '../grid';
import type { IssueSink } from '../issues';
import type { RunContext } from '../run';
import type { EngineOutput } from './engineOutput';
import { runHd27 } from './hd27-engine';
import { runHd43 } from './hd43-engine';
import type { AnyRuleSet } from './types';

export type { EngineOutput } from './engineOutput';

export function runEngine(model: WorkbookModel, ruleSet: AnyRuleSet, overrides: Readonly<Record<string, string>>, sink: IssueSink, run: RunContext): EngineOutput {
  switch (ruleSet.engine) {
    case 'hd27':
      return runHd27(model, ruleSet, overrides, sink, run);
    case 'hd43':
      return runHd43(model, ruleSet, sink, run);
  }
}
