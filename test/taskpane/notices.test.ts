import { ExcelUnavailableError } from '../../src/office/runCheck';
import { classifyFailure, formatNumber, formatPlace } from '../../src/taskpane/format';
import { en, vi } from '../../src/taskpane/i18n';
import { describeNotice, type Notice } from '../../src/taskpane/notices';

function officeError(code: string, message = 'The requested resource does not exist.'): Error {
  const error = new Error(message) as Error & { code: string };
  error.name = 'RichApi.Error';
  error.code = code;
  error.stack = `RichApi.Error: ${message}\n    at Excel.run (excel-web-16.00.js:25:1234)`;
  return error;
}

describe('classifyFailure', () => {
  it('tells the clerk what to do for the errors Excel gives', () => {
    expect(classifyFailure(officeError('InvalidOperationInCellEditMode'))).toEqual({ kind: 'cellEditMode', code: 'InvalidOperationInCellEditMode' });
    expect(classifyFailure(officeError('AccessDenied')).kind).toBe('protected');
    expect(classifyFailure(officeError('ItemNotFound')).kind).toBe('notFound');
    expect(classifyFailure(officeError('RequestPayloadSizeLimitExceeded')).kind).toBe('tooLarge');
    expect(classifyFailure(officeError('ApiNotFound')).kind).toBe('unsupported');
    expect(classifyFailure(new ExcelUnavailableError())).toEqual({ kind: 'notInExcel', code: null });
  });

  it('anything else is unknown, with no code when there is none', () => {
    expect(classifyFailure(new TypeError('x is undefined'))).toEqual({ kind: 'unknown', code: null });
    expect(classifyFailure('a string')).toEqual({ kind: 'unknown', code: null });
    expect(classifyFailure(null)).toEqual({ kind: 'unknown', code: null });
    expect(classifyFailure({ code: 'with spaces and <html>' })).toEqual({ kind: 'unknown', code: null });
  });
});

describe('describeNotice', () => {
  it('a failed check says what happened and what to do, in Vietnamese, never the stack or English message', () => {
    const error = officeError('InvalidOperationInCellEditMode', 'Cell edit mode');
    const text = describeNotice({ kind: 'failure', action: 'check', failure: classifyFailure(error) }, vi);
    expect(text.intent).toBe('error');
    expect(text.title).toBe('Kiểm tra không thành công');
    expect(text.message).toContain('Enter hoặc Esc');
    expect(text.detail).toBe('Mã lỗi: InvalidOperationInCellEditMode');
    const all = `${text.title} ${text.message} ${text.detail}`;
    expect(all).not.toContain('at Excel.run');
    expect(all).not.toContain('Cell edit mode');
  });

  it('an unknown error still gives advice', () => {
    const text = describeNotice({ kind: 'failure', action: 'template', failure: classifyFailure(new Error('boom')) }, vi);
    expect(text.message).toBe(vi.failures.unknown);
    expect(text.message).not.toContain('boom');
    expect(text.detail).toBeNull();
  });

  it('names the cell that could not be selected', () => {
    const notice: Notice = { kind: 'failure', action: 'select', failure: { kind: 'notFound', code: 'ItemNotFound' }, place: "'Danh sách đảng viên'!E7" };
    const text = describeNotice(notice, vi);
    expect(text.intent).toBe('warning');
    expect(text.title).toContain("'Danh sách đảng viên'!E7");
    expect(text.message).toContain('Kiểm tra lại');
  });

  it('a settings save that failed says the settings still apply here', () => {
    const text = describeNotice({ kind: 'failure', action: 'saveSettings', failure: { kind: 'protected', code: 'AccessDenied' } }, vi);
    expect(text.message).toContain(vi.failures.protected);
    expect(text.message).toContain(vi.saveSettingsAfter);
  });

  it('reports what "Xoá đánh dấu" and "Tạo mẫu" did', () => {
    expect(describeNotice({ kind: 'cleared', cells: 12 }, vi)).toMatchObject({ intent: 'success', message: expect.stringContaining('12 ô') });
    expect(describeNotice({ kind: 'cleared', cells: 0 }, vi)).toMatchObject({ intent: 'info', message: vi.nothingToClear });
    expect(describeNotice({ kind: 'templateAdded', sheets: ['Thông tin chi bộ'] }, vi).message).toContain('“Thông tin chi bộ”');
    expect(describeNotice({ kind: 'templateAdded', sheets: [] }, en).message).toBe(en.templateNothing);
  });

  it('follows the language', () => {
    const notice: Notice = { kind: 'failure', action: 'check', failure: { kind: 'busy', code: null } };
    expect(describeNotice(notice, en).message).toBe(en.failures.busy);
    expect(describeNotice(notice, vi).message).toBe(vi.failures.busy);
  });
});

describe('the outcome of "Tổng hợp các chi bộ"', () => {
  it('says how many files and chi bộ were combined, and names the files left out', () => {
    const all: Notice = { kind: 'combined', files: 3, chiBo: 3, errors: 1, warnings: 4, unreadable: [] };
    expect(describeNotice(all, vi)).toMatchObject({ intent: 'success', title: 'Tổng hợp các chi bộ' });
    expect(describeNotice(all, vi).message).toContain('Đã tổng hợp 3 tệp (3 chi bộ)');
    const some: Notice = { ...all, unreadable: ['hong.xlsx'] };
    expect(describeNotice(some, vi).intent).toBe('warning');
    expect(describeNotice(some, vi).message).toContain('“hong.xlsx”');
    expect(describeNotice(some, en).message).toContain('1 file could not be read');
  });

  it('when no file could be read, says nothing was written', () => {
    const none: Notice = { kind: 'combined', files: 0, chiBo: 0, errors: 0, warnings: 0, unreadable: ['a.xlsx', 'b.xlsx'] };
    const text = describeNotice(none, en);
    expect(text.intent).toBe('warning');
    expect(text.message).toContain(en.combineNothing);
    expect(text.message).toContain('“a.xlsx” and “b.xlsx”');
  });
});

describe('format', () => {
  it('writes references as Excel does', () => {
    expect(formatPlace('Trang1', 'B7')).toBe('Trang1!B7');
    expect(formatPlace('Thông tin chi bộ', 'B7')).toBe("'Thông tin chi bộ'!B7");
    expect(formatPlace("Chi bộ 'A'", null)).toBe("'Chi bộ ''A'''");
  });

  it('uses the decimal comma in Vietnamese', () => {
    expect(formatNumber(85.5, 'vi')).toBe('85,5');
    expect(formatNumber(85.5, 'en')).toBe('85.5');
    expect(formatNumber(90, 'vi')).toBe('90');
    expect(formatNumber(2 / 3, 'vi')).toBe('0,67');
  });
});
