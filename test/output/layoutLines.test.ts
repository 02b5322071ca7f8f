/**
 * Row heights of wrapped cells (core/output/layout.ts): `paragraphLines` counts in one pass what the
 * paragraphs of a text take when each is wrapped (the definition below), and `wrappedLines` one paragraph.
 */
import fc from 'fast-check';
import { paragraphLines, wrappedLines } from '../../src/core/output/layout';

/** The definition: a paragraph's words (split at white space) filled into lines, a long word cut across lines. */
function definitionLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else if (used === 0) {
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    } else {
      lines++;
      used = Math.min(word.length, perLine);
      if (word.length > perLine) lines += Math.ceil(word.length / perLine) - 1;
    }
  }
  return lines;
}

const byDefinition = (text: string, perLine: number): number => text.split('\n').reduce((n, part) => n + definitionLines(part, perLine), 0);

describe('wrapped lines of a cell (printed row heights)', () => {
  it('one pass over the text counts what wrapping each paragraph counts', () => {
    const pieces = ['a', 'bb', 'Nguyễn', 'Văn', 'Hòa', '12,5', '→', '(MEM-01).', ' ', '  ', '\n', '\n\n', '\t', '\r', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u200b', '😀', '\ud83d', 'x'.repeat(70)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (parts, perLine) => {
        const text = parts.join('');
        expect(paragraphLines(text, perLine)).toBe(byDefinition(text, perLine));
        expect(wrappedLines(text, perLine)).toBe(definitionLines(text, perLine));
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
