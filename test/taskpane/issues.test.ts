import { groupIssues, initiallyOpenSheets, nextLimit, OPEN_ALL_LIMIT, PAGE_SIZE } from '../../src/taskpane/issues';
import { exampleResult, issue, manyIssues } from './fixtures';

describe('groupIssues', () => {
  it('groups by sheet in the order reported, errors before warnings, keeping the order inside a group', () => {
    const list = [
      issue({ sheet: 'Danh sách đảng viên', severity: 'warning', cell: 'B7', rule: 'DATA-01' as never }),
      issue({ sheet: 'Danh sách đảng viên', severity: 'error', cell: 'C8' }),
      issue({ sheet: 'Thông tin chi bộ', severity: 'error', cell: null }),
      issue({ sheet: 'Danh sách đảng viên', severity: 'error', cell: 'A9' }),
      issue({ sheet: 'Danh sách đảng viên', severity: 'warning', cell: 'D10' }),
    ];
    const groups = groupIssues(list);
    expect(groups.map((g) => g.sheet)).toEqual(['Danh sách đảng viên', 'Thông tin chi bộ']);
    const [roll, info] = groups;
    expect(roll.groups.map((g) => g.severity)).toEqual(['error', 'warning']);
    expect(roll.groups[0].issues.map((i) => i.cell)).toEqual(['C8', 'A9']);
    expect(roll.groups[1].issues.map((i) => i.cell)).toEqual(['B7', 'D10']);
    expect([roll.errors, roll.warnings, info.errors, info.warnings]).toEqual([2, 2, 1, 0]);
    expect(info.groups.map((g) => g.severity)).toEqual(['error']);
  });

  it('keeps every issue of the example, once', () => {
    const result = exampleResult();
    const groups = groupIssues(result.issues);
    expect(groups.flatMap((g) => g.groups.flatMap((s) => s.issues))).toHaveLength(result.issues.length);
    expect(new Set(groups.map((g) => g.sheet)).size).toBe(groups.length);
  });

  it('is empty for no issues', () => {
    expect(groupIssues([])).toEqual([]);
  });

  it('is quick for ten thousand issues', () => {
    const list = [...manyIssues('A', 5000), ...manyIssues('B', 5000)];
    const start = Date.now();
    const groups = groupIssues(list);
    expect(Date.now() - start).toBeLessThan(200);
    expect(groups.map((g) => [g.errors, g.warnings])).toEqual([
      [2500, 2500],
      [2500, 2500],
    ]);
  });
});

describe('long lists', () => {
  it('opens every sheet for a short list and none for a long one', () => {
    const short = groupIssues([...manyIssues('A', 3), ...manyIssues('B', 3)]);
    expect(initiallyOpenSheets(short, 6)).toEqual(['A', 'B']);
    const long = groupIssues(manyIssues('A', OPEN_ALL_LIMIT + 1));
    expect(initiallyOpenSheets(long, OPEN_ALL_LIMIT + 1)).toEqual([]);
  });

  it('"Xem thêm" shows one more page, never past the end', () => {
    expect(nextLimit(PAGE_SIZE, 1000)).toBe(2 * PAGE_SIZE);
    expect(nextLimit(PAGE_SIZE, PAGE_SIZE + 5)).toBe(PAGE_SIZE + 5);
  });
});
