import { levelName } from '../../src/core/rules/mem';
import { CHI_BO_LEVEL_NAME } from '../../src/core/output/resultSheets';
import {
  DEFAULT_LANG,
  en,
  LANGUAGE_STORAGE_KEY,
  type LanguageStorage,
  loadLanguage,
  localized,
  localizedExplanation,
  messagesFor,
  type Messages,
  saveLanguage,
  vi,
  browserStorage,
} from '../../src/taskpane/i18n';

/** Every leaf of a dictionary: strings as they are, functions called with sample arguments. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'function') {
    const args =
      path === 'templateAdded' ? [['Thông tin chi bộ', 'Danh sách đảng viên']] : path === 'combineUnreadable' ? [['hong.xlsx']] : path === 'combined' ? [4, 4, 1, 2] : path === 'cellsOf' ? [['H8', 'H9']] : [3, 5];
    return [[path, (value as (...a: unknown[]) => unknown)(...args)]];
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

describe('i18n dictionaries', () => {
  it('Vietnamese is the default', () => {
    expect(DEFAULT_LANG).toBe('vi');
    expect(messagesFor('vi')).toBe(vi);
    expect(messagesFor('en')).toBe(en);
  });

  it('both languages have exactly the same keys, and no entry is empty', () => {
    const keysOf = (m: Messages) => leaves(m).map(([k]) => k).sort();
    expect(keysOf(en)).toEqual(keysOf(vi));
    for (const [path, text] of [...leaves(vi), ...leaves(en)]) {
      expect({ path, ok: typeof text === 'string' && text.trim().length > 0 }).toEqual({ path, ok: true });
    }
  });

  it('the buttons say what the clerks call them', () => {
    expect([vi.checkButton, vi.clearButton, vi.templateButton, vi.combineButton]).toEqual(['Kiểm tra', 'Xoá đánh dấu', 'Tạo mẫu', 'Tổng hợp các chi bộ']);
    expect(en.combineButton).toBe('Combine chi bộ workbooks');
    expect(vi.stages.reading).toMatch(/^Đang đọc/);
    expect(vi.stages.checking).toMatch(/^Đang kiểm tra/);
    expect(vi.stages.writing).toMatch(/^Đang ghi kết quả/);
  });

  it('level names agree with the ones the engine writes in the result sheets', () => {
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) expect(vi.memberLevels[level]).toBe(levelName(level));
    for (const level of ['TSVM', 'HTTNV', 'HTNV', 'YK'] as const) expect(vi.chiBoLevels[level]).toBe(CHI_BO_LEVEL_NAME[level]);
  });

  it('quotes the sheets the template added', () => {
    expect(vi.templateAdded(['A', 'B', 'C'])).toContain('“A”, “B” và “C”');
    expect(en.templateAdded(['A'])).toContain('1 sheet: “A”');
  });
});

describe('engine text in the pane language', () => {
  const item = { message: 'Sửa ô này', messageEn: 'Fix this cell', explanation: 'N = 16.', explanationEn: 'N is 16.' };
  it('picks the message and explanation of the language', () => {
    expect(localized(item, 'vi')).toBe('Sửa ô này');
    expect(localized(item, 'en')).toBe('Fix this cell');
    expect(localizedExplanation(item, 'vi')).toBe('N = 16.');
    expect(localizedExplanation(item, 'en')).toBe('N is 16.');
  });
  it('falls back to Vietnamese when the engine has no English', () => {
    expect(localized({ message: 'Chỉ tiếng Việt', messageEn: '' }, 'en')).toBe('Chỉ tiếng Việt');
  });
});

describe('the remembered language', () => {
  function memory(initial: Record<string, string> = {}): LanguageStorage & { data: Record<string, string> } {
    const data = { ...initial };
    return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
  }
  const broken: LanguageStorage = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  };

  it('is Vietnamese when nothing is saved, storage is missing or broken, or the value is unknown', () => {
    expect(loadLanguage(memory())).toBe('vi');
    expect(loadLanguage(null)).toBe('vi');
    expect(loadLanguage(broken)).toBe('vi');
    expect(loadLanguage(memory({ [LANGUAGE_STORAGE_KEY]: 'fr' }))).toBe('vi');
  });

  it('round-trips through storage, and a failing storage does not throw', () => {
    const storage = memory();
    saveLanguage('en', storage);
    expect(storage.data[LANGUAGE_STORAGE_KEY]).toBe('en');
    expect(loadLanguage(storage)).toBe('en');
    expect(() => saveLanguage('en', broken)).not.toThrow();
    expect(() => saveLanguage('en', null)).not.toThrow();
  });

  it('finds no localStorage outside a browser, without throwing', () => {
    expect(() => browserStorage()).not.toThrow();
    expect(loadLanguage()).toBe('vi');
  });
});
