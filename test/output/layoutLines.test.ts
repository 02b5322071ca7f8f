/**
 * Row heights of wrapped cells (core/output/layout.ts): `paragraphLines` counts in one pass what the
 * paragraphs of a text take when each is wrapped by `wrappedLines`, the definition.
 */
import fc from 'fast-check';
import { paragraphLines, wrappedLines } from '../../src/core/output/layout';

const byDefinition = (text: string, perLine: number): number => text.split('\n').reduce((n, part) => n + wrappedLines(part, perLine), 0);

describe('wrapped lines of a cell (printed row heights)', () => {
  it('one pass over the text counts what wrapping each paragraph counts', () => {
    const pieces = ['a', 'bb', 'Nguyễn', 'Văn', 'Hòa', '12,5', '→', '(MEM-01).', ' ', '  ', '\n', '\n\n', '\t', '\r', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u200b', '😀', '\ud83d', 'x'.repeat(70)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (parts, perLine) => {
        const text = parts.join('');
        expect(paragraphLines(text, perLine)).toBe(byDefinition(text, perLine));
      }),
      { numRuns: 5000 },
    );
  });

  it('a member\'s explanation, a long word, empty paragraphs', () => {
    const explanation = 'N = 35. Lần 1: 30 phiếu HTTNV > 35/2 = 17,5 → HTTNV (MEM-01). Lần 2: 24 phiếu ≥ 2×35/3 = 23,33 → HTXSNV (MEM-05).';
    for (const perLine of [1, 7, 20, 45, 200]) {
      for (const text of [explanation, `${explanation}\n\n${explanation}`, 'x'.repeat(100), '', '\n', ' a \n b ']) expect(paragraphLines(text, perLine)).toBe(byDefinition(text, perLine));
    }
    expect(paragraphLines('một hai ba', 7)).toBe(2);
  });
});
