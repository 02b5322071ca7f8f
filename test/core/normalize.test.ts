import { cleanText, foldLabel, nameKey, sameWords } from '../../src/core/text/normalize';

describe('foldLabel (labels and sheet names, RULES.md 9.12)', () => {
  it('ignores case, spacing, diacritics and đ', () => {
    expect(foldLabel('  Danh   sách ĐẢNG viên ')).toBe('danh sach dang vien');
    expect(foldLabel('Lần 1 - Hoàn thành tốt nhiệm vụ')).toBe('lan 1 hoan thanh tot nhiem vu');
  });
  it('treats NFC and NFD the same', () => {
    const nfd = 'Kiểm phiếu đảng viên'.normalize('NFD');
    expect(foldLabel(nfd)).toBe(foldLabel('Kiểm phiếu đảng viên'));
  });
  it('drops zero-width and non-breaking spaces', () => {
    expect(foldLabel('Họ\u200B và\u00A0tên')).toBe('ho va ten');
  });
  it('compares words in any order when asked', () => {
    expect(sameWords(foldLabel('Số phiếu phát ra lần 1'), foldLabel('Lần 1 - Số phiếu phát ra'))).toBe(true);
    expect(sameWords('a b', 'a c')).toBe(false);
  });
});

describe('nameKey (people, RULES.md 9.11)', () => {
  it('puts the tone mark in one place: Hòa = Hoà', () => {
    expect(nameKey('Nguyễn Văn Hòa')).toBe(nameKey('Nguyễn Văn Hoà'));
    expect(nameKey('Thúy')).toBe(nameKey('Thuý'));
  });
  it('keeps different tones apart: Nhân ≠ Nhẫn', () => {
    expect(nameKey('Lê Nhân')).not.toBe(nameKey('Lê Nhẫn'));
  });
  it('folds case, spaces, invisible characters and Unicode form', () => {
    expect(nameKey('  nguyễn\u200B  VĂN\u00A0an ')).toBe(nameKey('Nguyễn Văn An'));
    expect(nameKey('Nguyễn Văn An'.normalize('NFD'))).toBe(nameKey('Nguyễn Văn An'));
  });
  it('keeps đ distinct from d', () => {
    expect(nameKey('Đào')).not.toBe(nameKey('Dào'));
  });
  it('cleanText trims and collapses', () => {
    expect(cleanText(' a\t b \n')).toBe('a b');
  });
});
