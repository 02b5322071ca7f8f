/**
 * A wrapped cell's row grows to show its text, but never past Excel's tallest row: Office.js refuses a
 * taller one (InvalidArgument), which failed the whole check in Excel for a 32,767-character note
 * (corpus case `long-text`).
 */
import { LayoutBuilder, MAX_ROW_HEIGHT } from '../../src/core/output/layout';

test('rows sized to wrapped text stop at Excel\'s maximum of 409 points', () => {
  const b = new LayoutBuilder('Kiểm tra', [10, 40], false);
  b.set(0, 1, 'Ghi chú '.repeat(4096), { wrap: true });
  b.set(1, 1, 'ngắn', { wrap: true });
  b.set(2, 1, 'Dòng vừa phải '.repeat(20), { wrap: true });
  const heights = b.build().rowHeights;
  expect(heights.get(0)).toBe(MAX_ROW_HEIGHT);
  expect(MAX_ROW_HEIGHT).toBe(409);
  expect(heights.get(1) ?? 18).toBeLessThan(25);
  expect(heights.get(2)).toBeGreaterThan(18);
  expect(heights.get(2)).toBeLessThan(MAX_ROW_HEIGHT);
});
