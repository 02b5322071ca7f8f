import { countBySeverity } from '../../src/core';
import { MEMBER_LEVELS, summarise } from '../../src/taskpane/summary';
import { exampleResult } from './fixtures';

describe('summarise', () => {
  const result = exampleResult();
  const s = summarise(result);

  it('counts each member once, by status and, when classified, by level', () => {
    expect(s.members).toBe(result.members.length);
    expect(Object.values(s.statuses).reduce((a, b) => a + b, 0)).toBe(result.members.length);
    expect(MEMBER_LEVELS.reduce((a, l) => a + s.levels[l], 0)).toBe(s.statuses.classified);
    for (const level of MEMBER_LEVELS) expect(s.levels[level]).toBe(result.members.filter((m) => m.status === 'classified' && m.level === level).length);
    expect(s.levels.HTXSNV).toBeGreaterThanOrEqual(1);
  });

  it('carries N, the pool and the cap, the chi bộ and the issue counts', () => {
    expect(s.figures).toEqual(result.figures);
    expect(s.chiBo?.level).toBe(result.chiBoResults[0]?.level);
    expect(s.chiBo?.score).toBe(result.chiBoResults[0]?.score);
    expect({ errors: s.errors, warnings: s.warnings }).toEqual(countBySeverity(result.issues));
    expect(s.chiBoName).toBe(result.chiBo);
  });

  it('is all zeros for a workbook with no roll', () => {
    const empty = summarise({ ...result, members: [], chiBoResults: [], figures: null, issues: [] });
    expect(empty.members).toBe(0);
    expect(Object.values(empty.levels)).toEqual([0, 0, 0, 0]);
    expect(empty.chiBo).toBeNull();
    expect(empty.figures).toBeNull();
  });
});
