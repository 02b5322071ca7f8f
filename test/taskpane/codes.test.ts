import { CODES, codesIn } from './codes';

describe('the scan for codes in sentences', () => {
  it('knows the codes of issue 13', () => {
    for (const code of ['exempt', 'absent', 'no-tally-row', 'input-error', 'hd27-2014', 'cumulative', 'present', 'chi-bo', 'not-classified']) expect(CODES).toContain(code);
  });

  it('finds a code standing in a Vietnamese sentence, not in a file name or an English word', () => {
    expect(codesIn('    Mai Văn Vinh: không phân loại (exempt) — Miễn công tác', 'vi')).toHaveLength(1);
    expect(codesIn('Lê Thị Cúc: CHƯA XÁC ĐỊNH (no-tally-row)', 'vi')).toHaveLength(1);
    expect(codesIn('Bộ quy tắc hd27-2014; N = 16', 'vi')).toHaveLength(1);
    expect(codesIn('Trong từng chi bộ [chi-bo]', 'vi')).toHaveLength(1);
    expect(codesIn('test/fixtures/bad/files/present-typed-y.xlsx — Chi bộ Thanh Khê: 1 lỗi', 'vi')).toEqual([]);
    expect(codesIn('Absent: classified at the next meeting attended', 'en')).toEqual([]);
    expect(codesIn('Not classified: input-error', 'en')).toHaveLength(1);
  });
});
