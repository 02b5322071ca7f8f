/**
 * The form reader as FORMS.md "Reading" describes it: sheets found by name or form code, header rows
 * found by their labels (one or two rows), header fields, blank rows, totals rows and pre-numbered rows.
 * Mostly on hand-made grids, so that each layout a clerk may type is pinned down cell by cell.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { INFO_FORM, LEADERS_FORM, ROLL_FORM, SCORES_FORM, TALLY_FORM } from '../../src/core/forms/definitions';
import type { ChiBoWorkbook, Located } from '../../src/core/forms/model';
import { readChiBoWorkbook } from '../../src/core/forms/reader';
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { checkSheets } from '../../src/core/rules/data';
import { newIssueSink } from '../../src/core/rules/issue';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { buildTemplate } from '../../src/xlsx/template';
import { grid, modelOf } from '../helpers/workbook';

/** A read cell as the rules see it (its address is a getter of the reader's typed cells), and whatever else it carries. */
function asRead(cell: Located<unknown> | undefined): Record<string, unknown> | undefined {
  if (!cell) return cell;
  const { value, sheet, filled, absent, unreadable } = cell;
  return { value, sheet, cell: cell.cell, filled, ...(absent !== undefined ? { absent } : {}), ...(unreadable !== undefined ? { unreadable } : {}) };
}

const INFO = 'Thông tin chi bộ';
const ROLL = 'Danh sách đảng viên';
const TALLY = 'Kiểm phiếu đảng viên';
const SCORES = 'Chấm điểm chi bộ';

// ---------------------------------------------------------------------------------------------------
// Hand-made sheets: every required field and column, filled, so that a missing one stands out.

const INFO_VALUES: Record<string, CellValue> = {
  dangBo: 'Đảng bộ phường Hương Xuân',
  chiBo: 'Thanh Khê',
  year: 2017,
  meetingDate: '01/12/2017',
  reportDate: '02/12/2017',
  officialPresent: 2,
  r1Issued: 2,
  r1Returned: 2,
  r1Valid: 2,
  r2Issued: 2,
  r2Returned: 2,
  r2Valid: 2,
  excellentUnited: 'Không',
  goodUnited: 'Có',
  meetingsRegular: 'Có',
  leadersDisciplined: 'Không',
  disunity: 'Không',
  corruption: 'Không',
  orgRating: 'Cao thứ hai',
  lowestOrgCount: 0,
};

function infoSheet(name = INFO, rows: CellValue[][] = INFO_FORM.fields.map((f) => [f.label, INFO_VALUES[f.key]])): SheetGrid {
  return grid(name, [['THÔNG TIN CHI BỘ VÀ KẾT QUẢ BỎ PHIẾU'], [], ...rows]);
}

const ROLL_HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng', 'Chính thức/Dự bị', 'Có mặt', 'Đã kiểm điểm'];
const MEMBER_A = [1, 'Trần Văn Bình', '12/03/1952', '19/05/1975', 'Chính thức', 'x', 'x'];
const MEMBER_B = [2, 'Lê Thị Cúc', '08/07/1958', '03/02/1984', 'Chính thức', 'x', 'x'];

/** Title at A1, a blank row, the header on row 3, members from row 4. */
function rollSheet(name = ROLL, rows: CellValue[][] = [MEMBER_A, MEMBER_B], header: CellValue[] = ROLL_HEADER, extra: Partial<SheetGrid> = {}): SheetGrid {
  return grid(name, [['DANH SÁCH ĐẢNG VIÊN'], [], header, ...rows], extra);
}

const TALLY_HEADER = ['STT', 'Họ và tên', 'Lần 1 - Hoàn thành tốt nhiệm vụ', 'Lần 1 - Hoàn thành nhiệm vụ', 'Lần 1 - Không hoàn thành nhiệm vụ', 'Lần 2 - Hoàn thành xuất sắc nhiệm vụ'];

function tallySheet(name = TALLY, rows: CellValue[][] = [[1, 'Trần Văn Bình', 2, 0, 0, 1], [2, 'Lê Thị Cúc', 1, 1, 0, null]], header: CellValue[] = TALLY_HEADER): SheetGrid {
  return grid(name, [['KẾT QUẢ KIỂM PHIẾU'], [], header, ...rows]);
}

const SCORES_HEADER = ['Phiếu số', 'Tiêu chí 1', 'Tiêu chí 2', 'Tiêu chí 3', 'Tiêu chí 4', 'Tiêu chí 5'];

function scoresSheet(name = SCORES, rows: CellValue[][] = [[1, 36, 18, 13, 13, 9], [2, 35, 17, 13, 13.5, 8.5]], header: CellValue[] = SCORES_HEADER): SheetGrid {
  return grid(name, [['TỔNG HỢP PHIẾU ĐÁNH GIÁ'], [], header, ...rows]);
}

type Part = 'info' | 'roll' | 'tally' | 'scores';

/** A whole chi bộ workbook of hand-made sheets; a part replaced, or left out with `null`. */
function workbook(parts: Partial<Record<Part, SheetGrid | null>> = {}, ...more: SheetGrid[]): WorkbookModel {
  const defaults: Record<Part, () => SheetGrid> = { info: () => infoSheet(), roll: () => rollSheet(), tally: () => tallySheet(), scores: () => scoresSheet() };
  const sheets: SheetGrid[] = [];
  for (const part of ['info', 'roll', 'tally', 'scores'] as const) {
    const sheet = part in parts ? parts[part] : defaults[part]();
    if (sheet) sheets.push(sheet);
  }
  return modelOf(...sheets, ...more);
}

/** The reader, then the rules on whole sheets it used to report itself (rules/data.ts `checkSheets`). */
function read(model: WorkbookModel): { wb: ChiBoWorkbook; issues: Issue[] } {
  const sink = newIssueSink();
  const wb = readChiBoWorkbook(model, sink);
  checkSheets(wb, sink);
  return { wb, issues: sink.list };
}

const where = (issues: readonly Issue[], rule?: string): string[] => issues.filter((i) => !rule || i.rule === rule).map((i) => `${i.rule} ${i.sheet}!${i.cell ?? '-'}`);
const columnsOf = (table: { columns: ReadonlyMap<string, number> } | null | undefined): Record<string, number> => Object.fromEntries(table?.columns ?? []);

it('the hand-made workbook itself reads without any issue', () => {
  const { wb, issues } = read(workbook());
  expect(issues).toEqual([]);
  expect(wb.roll?.rows.map((m) => m.name.value)).toEqual(['Trần Văn Bình', 'Lê Thị Cúc']);
  expect(wb.tally?.rows).toHaveLength(2);
  expect(wb.scores?.rows).toHaveLength(2);
  expect(wb.info?.chiBo.value).toBe('Thanh Khê');
  expect(wb.leaders).toBeNull();
});

// ---------------------------------------------------------------------------------------------------

describe('finding sheets (FORMS.md "Reading")', () => {
  it('by name, regardless of case, spacing, diacritics and Unicode form', () => {
    const model = workbook({
      info: infoSheet(INFO.normalize('NFD')),
      roll: rollSheet('DANH SACH DANG VIEN'),
      tally: tallySheet('  kiểm   PHIẾU  đảng viên '),
      scores: scoresSheet('cham diem CHI BO'),
    });
    const { wb, issues } = read(model);
    expect(issues).toEqual([]);
    expect(wb.info?.sheet).toBe(INFO.normalize('NFD'));
    expect(wb.roll?.sheet).toBe('DANH SACH DANG VIEN');
    expect(wb.tally?.sheet).toBe('  kiểm   PHIẾU  đảng viên ');
    expect(wb.scores?.sheet).toBe('cham diem CHI BO');
    expect(asRead(wb.roll?.rows[1].name)).toEqual({ value: 'Lê Thị Cúc', sheet: 'DANH SACH DANG VIEN', cell: 'B5', filled: true });
  });

  it('an NFD sheet name is the same sheet as its NFC spelling, and issues name the sheet as it is spelt', () => {
    const nfd = ROLL.normalize('NFD');
    expect(nfd).not.toBe(ROLL);
    const { wb, issues } = read(workbook({ roll: rollSheet(nfd, [MEMBER_A, [2, 'Lê Thị Cúc', '31/02/1958', '03/02/1984', 'Chính thức', 'x', 'x']]) }));
    expect(wb.roll?.sheet).toBe(nfd);
    expect(where(issues)).toEqual([`DATA-03 ${nfd}!C5`]);
  });

  it('by the form code in a title cell when the sheet is named "Sheet3"', () => {
    const sheet3 = grid('Sheet3', [
      ['ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      [null, null, null, 'Mẫu số 07-KĐ.ĐV'],
      ['KẾT QUẢ KIỂM PHIẾU'],
      [],
      TALLY_HEADER,
      [1, 'Trần Văn Bình', 2, 0, 0, 1],
      [2, 'Lê Thị Cúc', 1, 1, 0, null],
    ]);
    const sheet4 = grid('Sheet4', [['Mẫu 03-KĐ.ĐV'], SCORES_HEADER, [1, 36, 18, 13, 13, 9]]);
    const { wb, issues } = read(workbook({ tally: null, scores: null }, grid('Sheet1', [['ghi chép'], ['không phải biểu mẫu']]), sheet3, sheet4));
    expect(issues).toEqual([]);
    expect(wb.tally?.sheet).toBe('Sheet3');
    expect(wb.tally?.headerRow).toBe(5);
    expect(wb.tally?.rows.map((t) => [t.row, t.name.value, t.r1Good.value, t.r2Excellent.value])).toEqual([
      [6, 'Trần Văn Bình', 2, 1],
      [7, 'Lê Thị Cúc', 1, null],
    ]);
    expect(wb.scores?.sheet).toBe('Sheet4');
    expect(wb.scores?.rows[0].scores.map((s) => s.value)).toEqual([36, 18, 13, 13, 9]);
  });

  it('by its title when named "Sheet2" (roll), and a sheet found by name wins over one found by code', () => {
    const sheet2 = grid('Sheet2', [['DANH SÁCH ĐẢNG VIÊN CHI BỘ THANH KHÊ'], [], ROLL_HEADER, MEMBER_A]);
    const decoy = grid('Bản nháp', [['Mẫu 07-KĐ.ĐV'], TALLY_HEADER, [1, 'Người Khác', 9, 9, 9, 9]]);
    const { wb } = read(workbook({ roll: null }, decoy, sheet2));
    expect(wb.roll?.sheet).toBe('Sheet2');
    expect(wb.roll?.rows.map((m) => m.name.value)).toEqual(['Trần Văn Bình']);
    expect(wb.tally?.sheet).toBe(TALLY);
  });

  it('result sheets are never taken as input, whatever they hold', () => {
    const kiemTra = grid('Kiểm tra', [['Mẫu số 07-KĐ.ĐV'], ['KẾT QUẢ KIỂM PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN'], TALLY_HEADER, [1, 'Trần Văn Bình', 2, 0, 0, { error: '#N/A' }]]);
    const kq = grid('KQ XEP LOAI DANG VIEN', [['DANH SÁCH ĐẢNG VIÊN'], ROLL_HEADER, MEMBER_A]);
    const { wb, issues } = read(workbook({ tally: null, roll: null }, kiemTra, kq));
    expect(wb.tally).toBeNull();
    expect(wb.roll).toBeNull();
    expect(where(issues)).toEqual([`DATA-01 ${ROLL}!-`, `DATA-01 ${TALLY}!-`]);
    expect(issues.some((i) => i.sheet === 'Kiểm tra' || i.sheet === 'KQ XEP LOAI DANG VIEN')).toBe(false);
  });

  it('a missing sheet is DATA-01 naming the canonical sheet; the leaders\' sheet is optional', () => {
    const { wb, issues } = read(workbook({ scores: null }));
    expect(wb.scores).toBeNull();
    expect(wb.leaders).toBeNull();
    expect(where(issues)).toEqual([`DATA-01 ${SCORES}!-`]);
    expect(issues[0].message).toContain(SCORES);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('finding the header row and its columns', () => {
  const titleBlock = (n: number): CellValue[][] =>
    Array.from({ length: n }, (_, i) => (i === 0 ? ['ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN', null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'] : i === 2 ? ['DANH SÁCH ĐẢNG VIÊN'] : i === 4 ? ['(Kèm theo biên bản họp chi bộ)'] : []));

  it('below a title block, as far down as row 15', () => {
    const { wb, issues } = read(workbook({ roll: grid(ROLL, [...titleBlock(14), ROLL_HEADER, MEMBER_A]) }));
    expect(issues).toEqual([]);
    expect(wb.roll?.headerRow).toBe(15);
    expect(wb.roll?.rows.map((m) => [m.row, m.name.cell])).toEqual([[16, 'B16']]);
  });

  it('not beyond row 15: DATA-01 says no header row was found', () => {
    const { wb, issues } = read(workbook({ roll: grid(ROLL, [...titleBlock(15), ROLL_HEADER, MEMBER_A]) }));
    expect(wb.roll).toBeNull();
    expect(where(issues)).toEqual([`DATA-01 ${ROLL}!A1`]);
    expect(issues[0].message).toContain('15');
  });

  it('columns in any order, extra columns ignored', () => {
    const header = ['Quê quán', 'Đã kiểm điểm', 'Có mặt', 'Chính thức/Dự bị', 'Chức vụ', 'Ngày vào Đảng', 'Ngày sinh', 'Họ và tên', 'STT', 'Ghi chú riêng'];
    const row = ['Huế', 'x', null, 'Dự bị', 'Bí thư', '10/03/2017', '04/11/1994', 'Lâm Thị Hạnh', 1, 'không đọc'];
    const { wb, issues } = read(workbook({ roll: rollSheet(ROLL, [row], header) }));
    expect(issues).toEqual([]);
    expect(columnsOf(wb.roll)).toEqual({ selfReviewed: 1, present: 2, membership: 3, admissionDate: 5, birthDate: 6, name: 7, stt: 8 });
    const m = wb.roll?.rows[0];
    expect(m?.name).toMatchObject({ value: 'Lâm Thị Hạnh', cell: 'H4' });
    expect(m?.stt.value).toBe(1);
    expect(m?.birthDate.value).toEqual({ y: 1994, m: 11, d: 4 });
    expect(m?.admissionDate.value).toEqual({ y: 2017, m: 3, d: 10 });
    expect(m?.membership).toMatchObject({ value: 'probationary', cell: 'D4' });
    expect(m?.present.value).toBe(false);
    expect(m?.selfReviewed.value).toBe(true);
    expect(m?.note).toMatchObject({ value: null, filled: false });
  });

  it('labels matched regardless of case, diacritics, Unicode form and extra spaces', () => {
    const header = ['stt', 'HỌ VÀ TÊN', '  Ngày   sinh ', 'Ngày vào Đảng'.normalize('NFD'), 'CHINH THUC / DU BI', 'co mat', 'Đã\u00A0kiểm  điểm'.normalize('NFD'), 'LÃNH ĐẠO, QUẢN LÝ', 'la cbccvc', 'Xếp loại CBCCVC'.normalize('NFD')];
    const row = [1, 'Nguyễn Hữu Dũng', '21/11/1970', '02/09/1996', 'Chính thức', 'x', 'x', 'x', 'x', 'HTXSNV'];
    const { wb, issues } = read(workbook({ roll: rollSheet(ROLL, [row], header) }));
    expect(issues).toEqual([]);
    expect(columnsOf(wb.roll)).toEqual({ stt: 0, name: 1, birthDate: 2, admissionDate: 3, membership: 4, present: 5, selfReviewed: 6, leader: 7, civilServant: 8, civilRating: 9 });
    expect(wb.roll?.rows[0].civilRating.value).toBe('HTXSNV');
    expect(wb.roll?.rows[0].leader.value).toBe(true);
  });

  it('a missing required column is DATA-01 on the header row; other columns still read', () => {
    const header = ROLL_HEADER.filter((h) => h !== 'Ngày vào Đảng');
    const { wb, issues } = read(workbook({ roll: rollSheet(ROLL, [MEMBER_A.filter((_, i) => i !== 3)], header) }));
    expect(where(issues)).toEqual([`DATA-01 ${ROLL}!G3`]);
    expect(issues[0].message).toContain('Ngày vào Đảng');
    expect(wb.roll?.rows[0].membership.value).toBe('official');
  });

  it('score columns: "Tiêu chí 1 (40 điểm)" and the criterion\'s name alone', () => {
    const header = [
      'Phiếu số',
      'Tiêu chí 1 (40 điểm)',
      'Công tác chính trị tư tưởng',
      'TIÊU CHÍ 3 - CÔNG TÁC TỔ CHỨC CÁN BỘ VÀ XÂY DỰNG CHI BỘ (15 điểm)',
      'Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
      'cong tac kiem tra, giam sat va ky luat dang',
      'Tổng điểm',
    ];
    const { wb, issues } = read(workbook({ scores: scoresSheet(SCORES, [[1, 36, 18, 13, 13.5, 8.5, 89], [2, 41, 18, 13, 13, 9, 94]], header) }));
    expect(columnsOf(wb.scores)).toEqual({ sheetNo: 0, c1: 1, c2: 2, c3: 3, c4: 4, c5: 5, total: 6 });
    expect(wb.scores?.rows[0].scores.map((s) => s.value)).toEqual([36, 18, 13, 13.5, 8.5]);
    expect(wb.scores?.rows[0].total.value).toBe(89);
    // 41 is above criterion 1's maximum of 40: the column was taken as criterion 1.
    expect(where(issues)).toEqual([`CB-01 ${SCORES}!B5`]);
    expect(issues[0].message).toContain('40');
  });

  it('criteria in another order are each taken by their own number', () => {
    const header = ['Phiếu số', 'Tiêu chí 5', 'Tiêu chí 4', 'Tiêu chí 3', 'Tiêu chí 2', 'Tiêu chí 1'];
    const { wb, issues } = read(workbook({ scores: scoresSheet(SCORES, [[1, 9, 13, 13, 18, 36]], header) }));
    expect(issues).toEqual([]);
    expect(wb.scores?.rows[0].scores.map((s) => s.value)).toEqual([36, 18, 13, 13, 9]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('two-row headers', () => {
  // Round 1 has four columns here (the last, HTXSNV, is wrong but must be read as round 1: VOTE-04),
  // round 2 one; only the group label above tells the two HTXSNV columns apart.
  const groupRow = ['STT', 'Họ và tên', 'Lần 1', null, null, null, 'Lần 2'];
  const labelRow = [null, null, 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'];
  const rows = [
    [1, 'Trần Văn Bình', 2, 0, 0, 1, 2],
    [2, 'Lê Thị Cúc', 1, 1, 0, null, null],
  ];
  const sheet = (extra: Partial<SheetGrid>): SheetGrid => grid(TALLY, [['KẾT QUẢ KIỂM PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN'], [], groupRow, labelRow, ...rows], extra);
  const titleMerge: CellRange = { top: 0, left: 0, bottom: 0, right: 6 };
  const headerMerges: CellRange[] = [
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 5 },
  ];
  const expected = { stt: 0, name: 1, r1Good: 2, r1Done: 3, r1Failed: 4, r1Excellent: 5, r2Excellent: 6 };

  const expectRead = (wb: ChiBoWorkbook): void => {
    expect(wb.tally?.headerRow).toBe(4);
    expect(columnsOf(wb.tally)).toEqual(expected);
    expect(wb.tally?.rows.map((t) => [t.row, t.name.value, t.r1Good.value, t.r1Done.value, t.r1Failed.value, t.r1Excellent.value, t.r2Excellent.value])).toEqual([
      [5, 'Trần Văn Bình', 2, 0, 0, 1, 2],
      [6, 'Lê Thị Cúc', 1, 1, 0, null, null],
    ]);
  };

  it('a merged group label "Lần 1" over its columns', () => {
    const { wb, issues } = read(workbook({ tally: sheet({ merges: [titleMerge, ...headerMerges] }) }));
    expectRead(wb);
    expect(where(issues)).toEqual([]);
  });

  it('the same with no merge information: the group typed once stands over the empty cells to its right', () => {
    const { wb } = read(workbook({ tally: sheet({}) }));
    expectRead(wb);
  });

  it('the same when the host reports other merges (the title) but the group label is not merged', () => {
    const { wb } = read(workbook({ tally: sheet({ merges: [titleMerge] }) }));
    expectRead(wb);
  });

  it('a merged "Lần 1" does not reach past its merged area', () => {
    // Column F has no group above it: its HTXSNV is round 2's (by its own label), not round 1's.
    const threeWide: CellRange[] = [...headerMerges.slice(0, 2), { top: 2, left: 2, bottom: 2, right: 4 }];
    const g = grid(TALLY, [['x'], [], ['STT', 'Họ và tên', 'Lần 1'], [null, null, 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'], [1, 'Trần Văn Bình', 2, 0, 0, 1]], {
      merges: threeWide,
    });
    const { wb } = read(workbook({ tally: g }));
    expect(columnsOf(wb.tally)).toEqual({ stt: 0, name: 1, r1Good: 2, r1Done: 3, r1Failed: 4, r2Excellent: 5 });
    expect(wb.tally?.rows[0].r2Excellent.value).toBe(1);
  });

  it('the template\'s own tally header (Lần 1 merged over three columns, Lần 2 over one) reads back', async () => {
    const model = await templateModel();
    const { wb } = read(model);
    const t = wb.tally;
    expect(t).not.toBeNull();
    expect(Object.keys(columnsOf(t)).sort()).toEqual(['name', 'r1Done', 'r1Failed', 'r1Good', 'r2Excellent', 'stt']);
    expect(columnsOf(t)).toEqual({ stt: 0, name: 1, r1Good: 2, r1Done: 3, r1Failed: 4, r2Excellent: 5 });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('header fields', () => {
  const withRows = (rows: CellValue[][]): WorkbookModel => workbook({ info: infoSheet(INFO, rows) });
  const standard = (skip: string[]): CellValue[][] => INFO_FORM.fields.filter((f) => !skip.includes(f.key)).map((f) => [f.label, INFO_VALUES[f.key]]);

  it('label with its value in the next non-empty cell to the right', () => {
    const { wb, issues } = read(withRows([['Chi bộ', null, '  ', 'Thanh Khê'], ...standard(['chiBo'])]));
    expect(issues).toEqual([]);
    expect(asRead(wb.info?.chiBo)).toEqual({ value: 'Thanh Khê', sheet: INFO, cell: 'D3', filled: true });
  });

  it('label and value in one cell after a colon: "Chi bộ: Thanh Khê"', () => {
    const rows = [['Chi bộ: Thanh Khê'], ['NĂM ĐÁNH GIÁ:2017'], ['Ngày họp đánh giá : 01/12/2017'], ...standard(['chiBo', 'year', 'meetingDate'])];
    const { wb, issues } = read(withRows(rows));
    expect(issues).toEqual([]);
    expect(asRead(wb.info?.chiBo)).toEqual({ value: 'Thanh Khê', sheet: INFO, cell: 'A3', filled: true });
    expect(wb.info?.year.value).toBe(2017);
    expect(wb.info?.meetingDate).toMatchObject({ value: { y: 2017, m: 12, d: 1 }, cell: 'A5' });
  });

  it('labels matched regardless of case, diacritics and Unicode form; two fields on one row', () => {
    const rows = [['chi bo', 'Thanh Khê', 'Năm đánh giá'.normalize('NFD'), 2017], ['SỐ PHIẾU PHÁT RA LẦN 1', 2], ...standard(['chiBo', 'year', 'r1Issued'])];
    const { wb, issues } = read(withRows(rows));
    expect(issues).toEqual([]);
    expect(wb.info?.chiBo).toMatchObject({ value: 'Thanh Khê', cell: 'B3' });
    expect(wb.info?.year).toMatchObject({ value: 2017, cell: 'D3' });
    expect(wb.info?.round1.issued).toMatchObject({ value: 2, cell: 'B4' });
  });

  it('an empty required field is DATA-01 on its value cell; a missing one on the sheet', () => {
    const rows = [['Chi bộ', null], ...standard(['chiBo', 'meetingDate'])];
    const { wb, issues } = read(withRows(rows));
    expect(wb.info?.chiBo).toMatchObject({ value: null, filled: false, cell: 'B3' });
    expect(where(issues).sort()).toEqual([`DATA-01 ${INFO}!A1`, `DATA-01 ${INFO}!B3`]);
    expect(issues.find((i) => i.cell === 'A1')?.message).toContain('Ngày họp đánh giá');
  });

  it('a missing CB condition is left to CB-07, not DATA-01 (RULES.md 9.1)', () => {
    const { wb, issues } = read(withRows(standard(['lowestOrgCount'])));
    expect(issues).toEqual([]);
    expect(wb.info?.lowestOrgCount).toMatchObject({ value: null, filled: false, absent: true });
  });

  it('a label whose value is missing does not take the next label as its value', () => {
    const rows = [['Chi bộ', null, 'Năm đánh giá', 2017], ...standard(['chiBo', 'year'])];
    const { wb, issues } = read(withRows(rows));
    expect(wb.info?.year).toMatchObject({ value: 2017, cell: 'D3' });
    expect(wb.info?.chiBo).toMatchObject({ value: null, filled: false, cell: 'B3' });
    expect(where(issues)).toEqual([`DATA-01 ${INFO}!B3`]);
  });

  it('an empty header condition is unanswered (CB-07 decides), not "no"', () => {
    const rows = [['Nội bộ mất đoàn kết', null], ...standard(['disunity'])];
    const { wb, issues } = read(withRows(rows));
    expect(wb.info?.disunity).toMatchObject({ value: null, filled: false });
    expect(wb.info?.corruption).toMatchObject({ value: false, filled: true });
    expect(where(issues, 'DATA-01')).toEqual([]);
  });

  it('the leaders\' sheet: fields above the table, each with its value to the right', () => {
    const leaders = grid('Biểu quyết CBLĐQL', [
      ['TỔNG HỢP KẾT QUẢ BIỂU QUYẾT CÁN BỘ LÃNH ĐẠO, QUẢN LÝ'],
      ['Nơi biểu quyết: Hội nghị BCH Đảng bộ phường'],
      ['Số phiếu phát ra', null, 13],
      ['Số phiếu hợp lệ', null, 13],
      [],
      ['STT', 'Họ và tên', 'Chức vụ', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
      [1, 'Nguyễn Hữu Dũng', 'Phó Chủ tịch UBND', 3, 9, 1, 0],
    ]);
    const { wb, issues } = read(workbook({}, leaders));
    expect(issues).toEqual([]);
    expect(wb.leaders?.place.value).toBe('Hội nghị BCH Đảng bộ phường');
    expect(wb.leaders?.issued).toMatchObject({ value: 13, cell: 'C3' });
    expect(wb.leaders?.valid).toMatchObject({ value: 13, cell: 'C4' });
    expect(wb.leaders?.rows.map((l) => [l.name.value, l.votes.HTXSNV.value, l.votes.HTTNV.value, l.votes.HTNV.value, l.votes.KHTNV.value])).toEqual([['Nguyễn Hữu Dũng', 3, 9, 1, 0]]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('where a table\'s rows are', () => {
  it('blank rows inside a table are skipped: a member typed after 30 empty rows is still read', () => {
    const blanks: CellValue[][] = [...Array.from({ length: 15 }, () => []), ...Array.from({ length: 15 }, () => [null, '', '   ', null, null, null, null])];
    const late = [3, 'Hoàng Văn Hùng', '15/01/1949', '07/11/1972', 'Chính thức', 'x', 'x'];
    const { wb, issues } = read(workbook({ roll: rollSheet(ROLL, [MEMBER_A, MEMBER_B, ...blanks, late]) }));
    expect(issues).toEqual([]);
    expect(wb.roll?.rows.map((m) => [m.row, m.name.value])).toEqual([
      [4, 'Trần Văn Bình'],
      [5, 'Lê Thị Cúc'],
      [36, 'Hoàng Văn Hùng'],
    ]);
    expect(wb.roll?.rows[2].name.cell).toBe('B36');
  });

  it('a "Tổng" row ends the table; nothing below it is a member', () => {
    const rows = [MEMBER_A, MEMBER_B, [], ['Tổng', null, null, null, null, 2, 2], [], [null, 'Người lập biểu'], [null, 'Nguyễn Văn Ký', '01/01/1970']];
    const { wb, issues } = read(workbook({ roll: rollSheet(ROLL, rows) }));
    expect(issues).toEqual([]);
    expect(wb.roll?.rows.map((m) => m.name.value)).toEqual(['Trần Văn Bình', 'Lê Thị Cúc']);
    expect(wb.roll?.totalsRow).toBe(7);
  });

  it('"Cộng" in the name column ends the tally, and its numbers are checked (DATA-09)', () => {
    const rows = [[1, 'Trần Văn Bình', 2, 0, 0, 1], [2, 'Lê Thị Cúc', 1, 1, 0, null], [null, 'CỘNG', 4, 1, 0, 1], [3, 'Ghi sau dòng cộng', 9, 9, 9, 9]];
    const { wb, issues } = read(workbook({ tally: tallySheet(TALLY, rows) }));
    expect(wb.tally?.rows.map((t) => t.name.value)).toEqual(['Trần Văn Bình', 'Lê Thị Cúc']);
    expect(wb.tally?.totalsRow).toBe(6);
    expect(where(issues)).toEqual([`DATA-09 ${TALLY}!C6`]);
  });

  it('"Tổng cộng" typed in the name column of a pre-numbered row ends the table too (RULES.md 9.12)', () => {
    const rows = [[1, 'Trần Văn Bình', 2, 0, 0, 1], [2, 'Lê Thị Cúc', 1, 1, 0, null], [3, 'Tổng cộng', 3, 1, 0, 1], [4], [5]];
    const { wb, issues } = read(workbook({ tally: tallySheet(TALLY, rows) }));
    expect(wb.tally?.rows.map((t) => t.name.value)).toEqual(['Trần Văn Bình', 'Lê Thị Cúc']);
    expect(wb.tally?.totalsRow).toBe(6);
    expect(issues).toEqual([]);
  });

  it('a header cell "Tổng" names a column, not the end of the table (RULES.md 9.12)', () => {
    const header = ['STT', 'Họ và tên', 'Lần 1 - Hoàn thành tốt nhiệm vụ', 'Lần 1 - Hoàn thành nhiệm vụ', 'Lần 1 - Không hoàn thành nhiệm vụ', 'Tổng', 'Lần 2 - Hoàn thành xuất sắc nhiệm vụ'];
    const rows = [[1, 'Trần Văn Bình', 2, 0, 0, 2, 1], [2, 'Lê Thị Cúc', 1, 1, 0, 2, null]];
    const { wb, issues } = read(workbook({ tally: tallySheet(TALLY, rows, header) }));
    expect(issues).toEqual([]);
    expect(columnsOf(wb.tally)).toMatchObject({ r1Total: 5, r2Excellent: 6 });
    expect(wb.tally?.rows.map((t) => [t.name.value, t.r1Total.value])).toEqual([
      ['Trần Văn Bình', 2],
      ['Lê Thị Cúc', 2],
    ]);
    expect(wb.tally?.totalsRow).toBeNull();
    const scores = read(workbook({ scores: scoresSheet(SCORES, [[1, 36, 18, 13, 13, 9, 89], [2, 35, 17, 13, 13.5, 8.5, 87]], [...SCORES_HEADER, 'Tổng']) }));
    expect(scores.issues).toEqual([]);
    expect(scores.wb.scores?.rows.map((s) => s.total.value)).toEqual([89, 87]);
  });

  it('a member whose name folds near "Tổng" or "Cộng" is a member, not a totals row', () => {
    const rows = [[null, 'Tống Văn Cộng', '01/02/1960', '03/02/1990', 'Chính thức', 'x', 'x'], MEMBER_B];
    const { wb } = read(workbook({ roll: rollSheet(ROLL, rows) }));
    expect(wb.roll?.rows.map((m) => m.name.value)).toEqual(['Tống Văn Cộng', 'Lê Thị Cúc']);
    expect(wb.roll?.totalsRow).toBeNull();
  });

  it('rows holding only an order number are not members (nor ballots, nor scoring sheets)', () => {
    const numbered = Array.from({ length: 18 }, (_, i) => [i + 3]);
    const roll = read(workbook({ roll: rollSheet(ROLL, [MEMBER_A, MEMBER_B, ...numbered]) }));
    expect(roll.issues).toEqual([]);
    expect(roll.wb.roll?.rows).toHaveLength(2);
    const scores = read(workbook({ scores: scoresSheet(SCORES, [[1, 36, 18, 13, 13, 9], ...numbered, [21, 30, 15, 10, 10, 5]]) }));
    expect(scores.issues).toEqual([]);
    expect(scores.wb.scores?.rows.map((s) => [s.row, s.sheetNo.value])).toEqual([
      [4, 1],
      [23, 21],
    ]);
  });

  it('a row with a number and one other entry is a member with the rest missing (DATA-01)', () => {
    const { wb, issues } = read(workbook({ roll: rollSheet(ROLL, [MEMBER_A, [2, null, null, null, null, 'x']]) }));
    expect(wb.roll?.rows).toHaveLength(2);
    expect(where(issues)).toEqual([`DATA-01 ${ROLL}!B5`, `DATA-01 ${ROLL}!C5`, `DATA-01 ${ROLL}!D5`, `DATA-01 ${ROLL}!E5`]);
  });

  it('a used range that does not start at A1 (as Office.js reports it) keeps sheet addresses', () => {
    const roll: SheetGrid = { name: ROLL, originRow: 3, originCol: 2, values: [['DANH SÁCH ĐẢNG VIÊN'], ROLL_HEADER, MEMBER_A, [2, 'Lê Thị Cúc', '31/02/1958']] };
    const { wb, issues } = read(workbook({ roll }));
    expect(wb.roll?.headerRow).toBe(5);
    expect(wb.roll?.rows.map((m) => [m.row, m.name.cell, m.birthDate.cell])).toEqual([
      [6, 'D6', 'E6'],
      [7, 'D7', 'E7'],
    ]);
    expect(where(issues)).toEqual([`DATA-03 ${ROLL}!E7`, `DATA-01 ${ROLL}!F7`, `DATA-01 ${ROLL}!G7`]);
  });
});

// ---------------------------------------------------------------------------------------------------

async function templateModel(): Promise<WorkbookModel> {
  const { workbook: wb } = buildTemplate();
  const buffer = await wb.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buffer as ArrayBuffer);
  return workbookToModel(loaded);
}

describe('the template reads back', () => {
  it('the blank template has every sheet and column: no DATA-01 about a missing sheet or column', async () => {
    const model = await templateModel();
    const { wb, issues } = read(model);
    for (const [table, form] of [
      [wb.roll, ROLL_FORM],
      [wb.tally, TALLY_FORM],
      [wb.scores, SCORES_FORM],
      [wb.leaders, LEADERS_FORM],
    ] as const) {
      expect(table?.sheet).toBe(form.sheet);
      expect(Object.keys(columnsOf(table)).sort()).toEqual(form.columns.filter((c) => !c.notInTemplate).map((c) => c.key).sort());
      expect(table?.rows).toEqual([]);
    }
    expect(wb.info?.sheet).toBe(INFO);
    // What is left is the empty required fields, each on its value cell in column B; nothing else.
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.rule).toBe('DATA-01');
      expect(issue.sheet).toBe(INFO);
      expect(issue.cell).toMatch(/^B\d+$/);
    }
    const missing = issues.filter((i) => /thiếu|không tìm thấy/i.test(i.message));
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('the reader never throws', () => {
  it('an empty workbook: every required sheet missing (DATA-01), nothing read', () => {
    const { wb, issues } = read(modelOf());
    const { found, ...rest } = wb;
    expect(rest).toEqual({ info: null, roll: null, tally: null, scores: null, leaders: null, plan: null, chiBoDossier: null, leaderDossier: null, role: 'chi-bo' });
    expect([...found.values()].every((sheet) => sheet === null)).toBe(true);
    expect(where(issues)).toEqual([`DATA-01 ${INFO}!-`, `DATA-01 ${ROLL}!-`, `DATA-01 ${TALLY}!-`, `DATA-01 ${SCORES}!-`]);
  });

  it('sheets holding only formula errors, or nothing at all', () => {
    const errors = (name: string): SheetGrid => grid(name, [[{ error: '#REF!' }, { error: '#N/A' }], [{ error: '#VALUE!' }]]);
    const { wb, issues } = read(modelOf(errors(INFO), errors(ROLL), grid(TALLY, []), grid(SCORES, [[], [], []])));
    expect(wb.roll).toBeNull();
    expect(wb.tally).toBeNull();
    expect(where(issues, 'DATA-04')).toEqual([`DATA-04 ${INFO}!A1`, `DATA-04 ${INFO}!B1`, `DATA-04 ${INFO}!A2`, `DATA-04 ${ROLL}!A1`, `DATA-04 ${ROLL}!B1`, `DATA-04 ${ROLL}!A2`]);
    expect(where(issues, 'DATA-01')).toContain(`DATA-01 ${TALLY}!A1`);
  });

  it('jagged rows, a header with nothing under it, values of every kind', () => {
    const odd: CellValue[][] = [
      ['STT', 'Họ và tên'],
      [],
      [1],
      [NaN, Infinity, -0, -1, true, false, { error: '#DIV/0!' }, 'x'.repeat(5000)],
      [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'far right'],
      [2, 'Lê Thị Cúc', 21374, 12345.678, 'chính thức', '✓', 'FALSE'],
    ];
    expect(() => read(modelOf(grid(ROLL, odd), grid(TALLY, [['STT', 'Họ và tên', 'HTTNV']]), infoSheet(INFO, [['Chi bộ:'], ['Năm đánh giá', { error: '#N/A' }]])))).not.toThrow();
    const { wb } = read(modelOf(grid(TALLY, [['STT', 'Họ và tên', 'HTTNV']])));
    expect(wb.tally?.rows).toEqual([]);
  });

  it('random grids under the sheet names and labels of the forms', () => {
    const labels = [
      ...INFO_FORM.fields.map((f) => f.label),
      ...[ROLL_FORM, TALLY_FORM, SCORES_FORM, LEADERS_FORM].flatMap((f) => f.columns.map((c) => c.label)),
      'Lần 1',
      'Lần 2',
      'Tổng',
      'Cộng',
      'Mẫu 07-KĐ.ĐV',
      'Chi bộ: Thanh Khê',
    ];
    const cell = fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: fc.constantFrom(...labels) },
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -5, max: 50 }),
      fc.double(),
      fc.boolean(),
      fc.constantFrom<CellValue>({ error: '#N/A' }, 43070, 3e6, 'x', 'Có', '01/12/2017'),
    );
    const names = [INFO, ROLL, TALLY, SCORES, 'Biểu quyết CBLĐQL', 'Kiểm tra', 'Sheet1'];
    const merge = fc.record({ top: fc.nat(8), left: fc.nat(6), h: fc.nat(2), w: fc.nat(3) }).map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
    const sheet = fc.record({
      name: fc.constantFrom(...names),
      values: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }),
      originRow: fc.nat(3),
      originCol: fc.nat(3),
      merges: fc.option(fc.array(merge, { maxLength: 3 }), { nil: undefined }),
      hiddenRows: fc.option(fc.array(fc.nat(15), { maxLength: 2 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 5 }), (sheets) => {
        const sink = newIssueSink();
        readChiBoWorkbook({ sheets }, sink);
        for (const issue of sink.list) expect(issue.cell === null || /^[A-Z]{1,3}\d+$/.test(issue.cell)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
