/**
 * Quy định 366-QĐ/TW (30/8/2025) and Hướng dẫn 43-HD/BTCTW (31/10/2025): RULES-2025.md. Figures marked
 * "fixed" there are here; figures marked "setting" are read from the workbook's `Bộ tiêu chí`
 * (forms/definitions.ts CRITERIA_SETTINGS, with their defaults). Its engine is ruleSets/hd43-engine.ts.
 */
import { CRITERIA_FORM, HD43_INFO_FORM, HD43_INPUT_FORMS, HD43_ROLL_FORM, HD43_SCORES_FORM, MEMBER_SCORES_FORM, TALLY_FORM } from '../forms/definitions';
import type { Hd43RuleSet } from './types';

export type { Hd43RuleSet } from './types';

export const HD43_2025: Hd43RuleSet = {
  id: 'hd43-2025',
  title: 'Quy định 366-QĐ/TW ngày 30/8/2025, Hướng dẫn 43-HD/BTCTW ngày 31/10/2025',
  titleEn: 'Regulation 366-QĐ/TW of 30/8/2025, Guideline 43-HD/BTCTW of 31/10/2025',
  shortName: 'Quy định 366-QĐ/TW (2025)',
  names: ['Quy định 366-QĐ/TW', 'Quy định 366', 'QĐ 366', 'QĐ366', 'Hướng dẫn 43-HD/BTCTW', 'Hướng dẫn 43', 'HD 43', 'HD43', '2025'],
  engine: 'hd43',
  reads: HD43_INPUT_FORMS,
  forms: { info: HD43_INFO_FORM, roll: HD43_ROLL_FORM, tally: TALLY_FORM, scores: HD43_SCORES_FORM, criteria: CRITERIA_FORM, memberScores: MEMBER_SCORES_FORM },
  // DATA, PROC, AGG-01 and LEAD stay (RULES-2025.md §6); VOTE checks a tally where one is kept.
  families: ['ELIG', 'ELIG25', 'M25', 'CB25', 'CFG25', 'VOTE', 'LEAD', 'AGG', 'PROC', 'DATA'],
  frame: { common: 30, tasks: 70, total: 100 },
  bands: { excellent: 90, good: 70, done: 50 },
  exceededPercent: 30,
  latePercent: 20,
  monthsBeforeClassified: 6,
  chiBoGoodPercent: 80,
  procedure: { nextYearUntil: { m: 1, d: 31 }, reportWithinDays: 2, draftDaysBefore: 3 },
  // The đảng ủy's settings live in the workbook (`Bộ tiêu chí`), not in `--option`.
  options: {},
};
