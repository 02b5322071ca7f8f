/**
 * The workbook contract of FORMS.md as data. The reader finds sheets, columns and fields from these
 * definitions and the template writes them, so a template's sheets are always readable.
 */

export type ValueType =
  | 'text'
  | 'number'
  | 'count'
  | 'score'
  | 'date'
  | 'year'
  | 'yesno'
  | 'membership'
  | 'rating'
  | 'orgRating';

/** When a column must exist and when its cells must be filled. */
export type Requirement =
  /** Column must exist and every data row must fill it (DATA-01). */
  | 'always'
  /**
   * Column must exist; an empty cell is not the reader's error (yes/no columns: empty means "no",
   * RULES.md 9.1; counts and scores: the tally and score rules decide, RULES.md 9.20).
   */
  | 'column'
  /** Optional. */
  | 'no';

export interface ColumnDef {
  readonly key: string;
  /** The canonical header text, as the template writes it (with `group` above it when set). */
  readonly label: string;
  /** A merged group label over several columns in a two-row header ("Lần 1"). */
  readonly group?: string;
  /** Other spellings a clerk's form may use; compared after folding. */
  readonly aliases?: readonly string[];
  /** Header texts that start with one of these (then a space) also match: "Tiêu chí 1 …". */
  readonly prefixes?: readonly string[];
  readonly type: ValueType;
  readonly required: Requirement;
  /** Upper bound of a score column. */
  readonly max?: number;
  /** Width in characters for the template. */
  readonly width?: number;
  /** A short note the template puts under the header row. */
  readonly hint?: string;
  /** Read when present, but not written by the template (e.g. a round-1 HTXSNV column, VOTE-04). */
  readonly notInTemplate?: boolean;
}

/** A column's header as the template writes it and messages name it: "Lần 1 - Hoàn thành nhiệm vụ". */
export function columnHeader(column: ColumnDef): string {
  return column.group ? `${column.group} - ${column.label}` : column.label;
}

export interface TableForm {
  readonly kind: 'table';
  readonly key: 'roll' | 'tally' | 'scores' | 'leaders' | 'plan' | 'chiBoDossier' | 'leaderDossier' | 'criteria' | 'memberScores';
  readonly sheet: string;
  readonly sheetAliases: readonly string[];
  /** Official form codes printed in the title block, folded ("07 kd dv"). */
  readonly formCodes: readonly string[];
  readonly title: string;
  readonly subtitle?: string;
  readonly columns: readonly ColumnDef[];
  /** Columns whose value alone does not make a row a data row (pre-numbered STT). */
  readonly numberingColumns: readonly string[];
  readonly optionalSheet?: boolean;
  /**
   * Found by content only through its exact title, never by a cell that merely starts with the sheet's
   * name: "Kế hoạch số 59-KH/TU" typed in a note does not make a sheet the schedule.
   */
  readonly titleOnly?: boolean;
  /** Header fields above the table (leaders' sheet). */
  readonly fields?: readonly FieldDef[];
}

export interface FieldDef {
  readonly key: string;
  readonly label: string;
  readonly aliases?: readonly string[];
  readonly type: ValueType;
  /** `round2`: required when any round-2 vote exists. */
  readonly required: 'yes' | 'no' | 'round2';
  /** Which rule makes the field necessary (shown in the template). */
  readonly neededBy?: string;
  /**
   * A condition of the chi bộ's level (CB-03..06): left empty it is CB-07's error, not DATA-01's
   * (RULES.md 9.1), and an empty yes/no is unanswered, not "no".
   */
  readonly condition?: boolean;
}

export interface FieldsForm {
  readonly kind: 'fields';
  readonly key: 'info';
  readonly sheet: string;
  readonly sheetAliases: readonly string[];
  readonly formCodes: readonly string[];
  readonly title: string;
  readonly fields: readonly FieldDef[];
}

export type FormDef = TableForm | FieldsForm;

export const INFO_FORM: FieldsForm = {
  kind: 'fields',
  key: 'info',
  sheet: 'Thông tin chi bộ',
  sheetAliases: ['Thong tin', 'Thông tin', 'Thông tin chung'],
  formCodes: [],
  title: 'THÔNG TIN CHI BỘ VÀ KẾT QUẢ BỎ PHIẾU',
  fields: [
    { key: 'dangBo', label: 'Đảng bộ', type: 'text', required: 'no' },
    { key: 'chiBo', label: 'Chi bộ', aliases: ['Tên chi bộ'], type: 'text', required: 'yes' },
    { key: 'year', label: 'Năm đánh giá', aliases: ['Năm'], type: 'year', required: 'yes' },
    { key: 'meetingDate', label: 'Ngày họp đánh giá', aliases: ['Ngày họp', 'Ngày họp chi bộ', 'Ngày họp đánh giá, phân loại'], type: 'date', required: 'yes' },
    { key: 'reportDate', label: 'Ngày gửi báo cáo', aliases: ['Ngày báo cáo'], type: 'date', required: 'no', neededBy: 'PROC-03' },
    { key: 'draftSentDate', label: 'Ngày gửi dự thảo báo cáo kiểm điểm tập thể', aliases: ['Ngày gửi dự thảo báo cáo', 'Ngày gửi dự thảo báo cáo kiểm điểm'], type: 'date', required: 'no', neededBy: 'PROC-04' },
    { key: 'officialPresent', label: 'Số đảng viên chính thức có mặt', aliases: ['Số đảng viên chính thức dự họp', 'Số ĐVCT có mặt'], type: 'count', required: 'yes' },
    { key: 'r1Issued', label: 'Lần 1 - Số phiếu phát ra', aliases: ['Số phiếu phát ra lần 1', 'Lần 1 phiếu phát ra'], type: 'count', required: 'yes' },
    { key: 'r1Returned', label: 'Lần 1 - Số phiếu thu về', aliases: ['Số phiếu thu về lần 1', 'Lần 1 phiếu thu về'], type: 'count', required: 'yes' },
    { key: 'r1Valid', label: 'Lần 1 - Số phiếu hợp lệ', aliases: ['Số phiếu hợp lệ lần 1', 'Lần 1 phiếu hợp lệ'], type: 'count', required: 'yes' },
    { key: 'r2Issued', label: 'Lần 2 - Số phiếu phát ra', aliases: ['Số phiếu phát ra lần 2', 'Lần 2 phiếu phát ra'], type: 'count', required: 'round2' },
    { key: 'r2Returned', label: 'Lần 2 - Số phiếu thu về', aliases: ['Số phiếu thu về lần 2', 'Lần 2 phiếu thu về'], type: 'count', required: 'round2' },
    { key: 'r2Valid', label: 'Lần 2 - Số phiếu hợp lệ', aliases: ['Số phiếu hợp lệ lần 2', 'Lần 2 phiếu hợp lệ'], type: 'count', required: 'round2' },
    { key: 'excellentUnited', condition: true, label: 'Chi bộ đoàn kết, hoàn thành xuất sắc nhiệm vụ chính trị', aliases: ['Đoàn kết, hoàn thành xuất sắc nhiệm vụ chính trị'], type: 'yesno', required: 'yes', neededBy: 'CB-03' },
    { key: 'goodUnited', condition: true, label: 'Chi bộ đoàn kết, hoàn thành tốt nhiệm vụ chính trị', aliases: ['Đoàn kết, hoàn thành tốt nhiệm vụ chính trị'], type: 'yesno', required: 'yes', neededBy: 'CB-04' },
    { key: 'meetingsRegular', condition: true, label: 'Chi bộ sinh hoạt đúng quy định', aliases: ['Sinh hoạt đúng quy định'], type: 'yesno', required: 'yes', neededBy: 'CB-03' },
    { key: 'leadersDisciplined', condition: true, label: 'Có cấp ủy viên, cán bộ chủ chốt bị kỷ luật', aliases: ['Có cấp uỷ viên, cán bộ chủ chốt bị kỷ luật', 'Cấp ủy viên, cán bộ chủ chốt bị kỷ luật'], type: 'yesno', required: 'yes', neededBy: 'CB-04' },
    { key: 'disunity', condition: true, label: 'Nội bộ mất đoàn kết', aliases: ['Mất đoàn kết nội bộ'], type: 'yesno', required: 'yes', neededBy: 'CB-06' },
    { key: 'corruption', condition: true, label: 'Có đảng viên bị kỷ luật do tham nhũng, tiêu cực, suy thoái', aliases: ['Đảng viên bị kỷ luật do tham nhũng, tiêu cực, suy thoái'], type: 'yesno', required: 'yes', neededBy: 'CB-06' },
    { key: 'orgRating', condition: true, label: 'Xếp loại chính quyền, Mặt trận, đoàn thể', aliases: ['Xếp loại chính quyền, Mặt trận và các đoàn thể'], type: 'orgRating', required: 'yes', neededBy: 'CB-03, CB-04' },
    { key: 'lowestOrgCount', condition: true, label: 'Số tổ chức Mặt trận, đoàn thể xếp loại thấp nhất', aliases: ['Số tổ chức Mặt trận, đoàn thể xếp loại mức thấp nhất'], type: 'count', required: 'yes', neededBy: 'CB-06' },
  ],
};

export const ROLL_FORM: TableForm = {
  kind: 'table',
  key: 'roll',
  sheet: 'Danh sách đảng viên',
  sheetAliases: ['Danh sach', 'Danh sách', 'DS đảng viên', 'DSDV'],
  formCodes: [],
  title: 'DANH SÁCH ĐẢNG VIÊN',
  numberingColumns: ['stt'],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT', 'Số thứ tự'], type: 'number', required: 'always', width: 6 },
    { key: 'name', label: 'Họ và tên', aliases: ['Họ tên', 'Họ và tên đảng viên', 'Họ tên đảng viên'], type: 'text', required: 'always', width: 26 },
    { key: 'birthDate', label: 'Ngày sinh', aliases: ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh'], type: 'date', required: 'always', width: 12 },
    { key: 'admissionDate', label: 'Ngày vào Đảng', aliases: ['Ngày vào đảng', 'Ngày kết nạp'], type: 'date', required: 'always', width: 12 },
    { key: 'membership', label: 'Chính thức/Dự bị', aliases: ['Chính thức, dự bị', 'Đảng viên chính thức/dự bị', 'Loại đảng viên'], type: 'membership', required: 'always', width: 11 },
    { key: 'exempt', label: 'Miễn công tác, sinh hoạt', aliases: ['Miễn công tác và sinh hoạt đảng', 'Miễn sinh hoạt'], type: 'yesno', required: 'no', width: 10 },
    { key: 'temporary', label: 'Sinh hoạt tạm thời', aliases: ['Sinh hoạt tạm'], type: 'yesno', required: 'no', width: 10 },
    { key: 'present', label: 'Có mặt', aliases: ['Có mặt họp', 'Dự họp'], type: 'yesno', required: 'column', width: 8 },
    { key: 'selfReviewed', label: 'Đã kiểm điểm', aliases: ['Đã làm bản kiểm điểm', 'Có bản kiểm điểm'], type: 'yesno', required: 'column', width: 10 },
    { key: 'leader', label: 'Lãnh đạo, quản lý', aliases: ['Cán bộ lãnh đạo, quản lý', 'CBLĐQL'], type: 'yesno', required: 'no', width: 10 },
    { key: 'civilServant', label: 'Là CBCCVC', aliases: ['CBCCVC', 'Cán bộ, công chức, viên chức'], type: 'yesno', required: 'no', width: 9 },
    { key: 'civilRating', label: 'Xếp loại CBCCVC', aliases: ['Phân loại CBCCVC', 'Xếp loại cán bộ, công chức, viên chức'], type: 'rating', required: 'no', width: 18 },
    { key: 'cstd', label: 'Đề nghị CSTĐ cơ sở', aliases: ['Đề nghị Chiến sỹ thi đua cơ sở', 'Đề nghị chiến sĩ thi đua cơ sở', 'CSTĐ cơ sở'], type: 'yesno', required: 'no', width: 10 },
    { key: 'commendation', label: 'Bằng khen Bộ, Tỉnh', aliases: ['Bằng khen cấp Bộ, cấp Tỉnh', 'Bằng khen'], type: 'yesno', required: 'no', width: 10 },
    { key: 'disciplined', label: 'Đang chấp hành kỷ luật (trong 1 năm)', aliases: ['Đang chấp hành kỷ luật', 'Bị kỷ luật trong 1 năm'], type: 'yesno', required: 'no', width: 12 },
    { key: 'failedTasks', label: 'Không hoàn thành nhiệm vụ chi bộ giao', aliases: ['Không hoàn thành nhiệm vụ được giao'], type: 'yesno', required: 'no', width: 12 },
    { key: 'violation', label: 'Vi phạm điều đảng viên không được làm', aliases: ['Vi phạm những điều đảng viên không được làm'], type: 'yesno', required: 'no', width: 12 },
    { key: 'disobedience', label: 'Không chấp hành phân công, gây mất đoàn kết', aliases: ['Không chấp hành sự phân công, gây mất đoàn kết'], type: 'yesno', required: 'no', width: 12 },
    { key: 'note', label: 'Ghi chú', type: 'text', required: 'no', width: 20 },
  ],
};

export const TALLY_FORM: TableForm = {
  kind: 'table',
  key: 'tally',
  sheet: 'Kiểm phiếu đảng viên',
  sheetAliases: ['Kiểm phiếu', 'Kiem phieu', 'Tổng hợp phiếu', 'Kết quả kiểm phiếu'],
  formCodes: ['07 kd dv', '7 kd dv'],
  title: 'KẾT QUẢ KIỂM PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN',
  subtitle: 'Mẫu 07-KĐ.ĐV (kiểm phiếu)',
  numberingColumns: ['stt'],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT', 'Số thứ tự'], type: 'number', required: 'always', width: 6 },
    { key: 'name', label: 'Họ và tên', aliases: ['Họ tên', 'Họ và tên đảng viên', 'Họ tên đảng viên'], type: 'text', required: 'always', width: 26 },
    { key: 'r1Good', group: 'Lần 1', label: 'Hoàn thành tốt nhiệm vụ', aliases: ['Hoàn thành tốt nhiệm vụ', 'Lần 1 - Hoàn thành tốt nhiệm vụ', 'Lần 1 HTTNV', 'HTTNV lần 1', 'HTTNV'], type: 'count', required: 'column', width: 12 },
    { key: 'r1Done', group: 'Lần 1', label: 'Hoàn thành nhiệm vụ', aliases: ['Hoàn thành nhiệm vụ', 'Lần 1 - Hoàn thành nhiệm vụ', 'Lần 1 HTNV', 'HTNV lần 1', 'HTNV'], type: 'count', required: 'column', width: 12 },
    { key: 'r1Failed', group: 'Lần 1', label: 'Không hoàn thành nhiệm vụ', aliases: ['Không hoàn thành nhiệm vụ', 'Lần 1 - Không hoàn thành nhiệm vụ', 'Lần 1 KHTNV', 'KHTNV lần 1', 'KHTNV'], type: 'count', required: 'column', width: 12 },
    { key: 'r1Excellent', group: 'Lần 1', label: 'Hoàn thành xuất sắc nhiệm vụ', aliases: ['Lần 1 - Hoàn thành xuất sắc nhiệm vụ', 'Lần 1 HTXSNV', 'HTXSNV lần 1'], type: 'count', required: 'no', width: 12, notInTemplate: true },
    { key: 'r1Total', group: 'Lần 1', label: 'Tổng', aliases: ['Tổng', 'Lần 1 - Tổng', 'Tổng lần 1', 'Tổng số phiếu lần 1', 'Cộng lần 1'], type: 'count', required: 'no', width: 9, notInTemplate: true },
    { key: 'r2Excellent', group: 'Lần 2', label: 'Hoàn thành xuất sắc nhiệm vụ', aliases: ['Lần 2 - Hoàn thành xuất sắc nhiệm vụ', 'Lần 2 HTXSNV', 'HTXSNV lần 2', 'HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ'], type: 'count', required: 'column', width: 14 },
  ],
};

const CRITERIA = [
  { n: 1, name: 'Thực hiện nhiệm vụ chính trị', aliases: [], max: 40 },
  { n: 2, name: 'Công tác chính trị tư tưởng', aliases: [], max: 20 },
  { n: 3, name: 'Công tác tổ chức cán bộ và xây dựng chi bộ', aliases: [], max: 15 },
  {
    n: 4,
    name: 'Lãnh đạo xây dựng chính quyền, Mặt trận và đoàn thể',
    aliases: ['Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội'],
    max: 15,
  },
  { n: 5, name: 'Công tác kiểm tra, giám sát và kỷ luật Đảng', aliases: [], max: 10 },
] as const;

export const CRITERION_MAX: readonly number[] = CRITERIA.map((c) => c.max);

export const SCORES_FORM: TableForm = {
  kind: 'table',
  key: 'scores',
  sheet: 'Chấm điểm chi bộ',
  sheetAliases: ['Chấm điểm', 'Cham diem', 'Phiếu chấm điểm'],
  formCodes: ['03 kd dv', '3 kd dv'],
  title: 'TỔNG HỢP PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG CHI BỘ',
  subtitle: 'Mẫu 03-KĐ.ĐV (mỗi dòng một phiếu)',
  numberingColumns: ['sheetNo'],
  columns: [
    { key: 'sheetNo', label: 'Phiếu số', aliases: ['Số phiếu', 'STT', 'Phiếu'], type: 'number', required: 'always', width: 8 },
    ...CRITERIA.map(
      (c): ColumnDef => ({
        key: `c${c.n}`,
        label: `Tiêu chí ${c.n} - ${c.name}`,
        aliases: [c.name, ...c.aliases],
        prefixes: [`Tiêu chí ${c.n}`],
        type: 'score',
        required: 'column',
        max: c.max,
        width: 16,
        hint: `tối đa ${c.max}`,
      }),
    ),
    { key: 'total', label: 'Tổng', aliases: ['Tổng điểm', 'Cộng'], type: 'number', required: 'no', max: 100, width: 9 },
  ],
};

export const LEADERS_FORM: TableForm = {
  kind: 'table',
  key: 'leaders',
  sheet: 'Biểu quyết CBLĐQL',
  sheetAliases: ['Bieu quyet CBLDQL', 'Biểu quyết', 'Biểu quyết cán bộ lãnh đạo quản lý'],
  formCodes: ['05 dg cbldql', '04 dg cbldql'],
  title: 'TỔNG HỢP KẾT QUẢ BIỂU QUYẾT CÁN BỘ LÃNH ĐẠO, QUẢN LÝ',
  subtitle: 'Mẫu 05-ĐG.CBLĐQL',
  optionalSheet: true,
  numberingColumns: ['stt'],
  fields: [
    { key: 'place', label: 'Nơi biểu quyết', type: 'text', required: 'yes', neededBy: 'LEAD-02' },
    { key: 'issued', label: 'Số phiếu phát ra', type: 'count', required: 'yes', neededBy: 'LEAD-01' },
    { key: 'valid', label: 'Số phiếu hợp lệ', type: 'count', required: 'yes', neededBy: 'LEAD-01' },
    { key: 'reviewDate', label: 'Ngày kiểm điểm', aliases: ['Ngày họp kiểm điểm', 'Ngày biểu quyết'], type: 'date', required: 'no', neededBy: 'PROC-04' },
    { key: 'draftSentDate', label: 'Ngày gửi dự thảo báo cáo kiểm điểm tập thể', aliases: ['Ngày gửi dự thảo báo cáo', 'Ngày gửi dự thảo báo cáo kiểm điểm'], type: 'date', required: 'no', neededBy: 'PROC-04' },
  ],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT'], type: 'number', required: 'always', width: 6 },
    { key: 'name', label: 'Họ và tên', aliases: ['Họ tên'], type: 'text', required: 'always', width: 26 },
    { key: 'position', label: 'Chức vụ', type: 'text', required: 'always', width: 22 },
    { key: 'btv', label: 'Ủy viên BTV Đảng ủy', aliases: ['Uỷ viên BTV Đảng uỷ', 'Ủy viên Ban Thường vụ Đảng ủy', 'UV BTV', 'UVBTV', 'BTV'], type: 'yesno', required: 'no', width: 10 },
    { key: 'excellent', label: 'Hoàn thành xuất sắc nhiệm vụ', aliases: ['HTXSNV'], type: 'count', required: 'always', width: 13 },
    { key: 'good', label: 'Hoàn thành tốt nhiệm vụ', aliases: ['HTTNV'], type: 'count', required: 'always', width: 13 },
    { key: 'done', label: 'Hoàn thành nhiệm vụ', aliases: ['HTNV'], type: 'count', required: 'always', width: 13 },
    { key: 'failed', label: 'Không hoàn thành nhiệm vụ', aliases: ['KHTNV'], type: 'count', required: 'always', width: 13 },
  ],
};

/**
 * `Kế hoạch`: the plan's schedule (IV.7) with the committee member in charge of each chi bộ (the
 * assignment list at the plan's end), optionally the report deadline, and the exemplary TSVM chi bộ the
 * executive committee chose (III.2.3.b, AGG-02). Optional; PROC-01/02 and AGG-04 read it.
 */
export const PLAN_FORM: TableForm = {
  kind: 'table',
  key: 'plan',
  titleOnly: true,
  sheet: 'Kế hoạch',
  sheetAliases: ['Ke hoach', 'Kế hoạch kiểm điểm', 'Lịch họp', 'Lịch họp chi bộ', 'Lịch kiểm điểm'],
  formCodes: [],
  title: 'LỊCH KIỂM ĐIỂM, ĐÁNH GIÁ, PHÂN LOẠI CỦA CÁC CHI BỘ',
  subtitle: 'Theo Kế hoạch của Đảng ủy (mục IV.7) và danh sách phân công phụ trách',
  optionalSheet: true,
  numberingColumns: ['stt'],
  fields: [{ key: 'year', label: 'Năm đánh giá', aliases: ['Năm'], type: 'year', required: 'no', neededBy: 'PROC-01' }],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT', 'Số thứ tự'], type: 'number', required: 'no', width: 6 },
    { key: 'chiBo', label: 'Chi bộ', aliases: ['Tên chi bộ', 'Chi bộ trực thuộc'], type: 'text', required: 'always', width: 30 },
    { key: 'meetingDate', label: 'Ngày họp (kế hoạch)', aliases: ['Ngày họp', 'Ngày họp kế hoạch', 'Ngày kiểm điểm', 'Ngày họp đánh giá'], type: 'date', required: 'always', width: 14 },
    { key: 'inCharge', label: 'Người phụ trách', aliases: ['Đồng chí phụ trách', 'Cấp ủy viên phụ trách', 'Phụ trách'], type: 'text', required: 'no', width: 26 },
    { key: 'reportDue', label: 'Hạn báo cáo', aliases: ['Hạn gửi báo cáo', 'Hạn nộp báo cáo'], type: 'date', required: 'no', width: 13 },
    { key: 'exemplary', label: 'TSVM tiêu biểu', aliases: ['Tiêu biểu', 'Chi bộ TSVM tiêu biểu', 'Chi bộ tiêu biểu'], type: 'yesno', required: 'no', width: 11 },
    { key: 'note', label: 'Ghi chú', type: 'text', required: 'no', width: 24 },
  ],
};

/** A document of a dossier: the column key, its name and its official form (null: a minute with no form). */
export interface DossierDocument {
  readonly key: string;
  readonly name: string;
  readonly form: string | null;
  /** Required only when the row's "Diện BTV Thị ủy quản lý" is yes (the asset declaration). */
  readonly onlyManaged?: boolean;
}

/** IV.8: the dossier a chi bộ sends to the standing committee with its classification. */
export const CHI_BO_DOCUMENTS: readonly DossierDocument[] = [
  { key: 'd1', name: 'Bản kiểm điểm đảng viên (có xác nhận của chi bộ)', form: '01-KĐ.ĐV' },
  { key: 'd2', name: 'Phiếu đánh giá xếp loại chất lượng chi bộ', form: '03-KĐ.ĐV' },
  { key: 'd3', name: 'Phiếu đánh giá chất lượng đảng viên', form: '07-KĐ.ĐV' },
  { key: 'd4', name: 'Báo cáo kết quả đánh giá chất lượng đảng viên', form: '04-KĐ.ĐV' },
  { key: 'd5', name: 'Báo cáo đánh giá chất lượng TCCS Đảng và đảng viên', form: '05-KĐ.ĐV' },
  { key: 'd6', name: 'Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị', form: '06-KĐ.ĐV' },
  { key: 'd7', name: 'Phiếu lấy ý kiến nhận xét nơi cư trú, nơi công tác', form: '2a-KĐ.ĐV, 2b-KĐ.ĐV' },
  { key: 'd8', name: 'Biên bản họp kiểm điểm, đánh giá phân loại của chi bộ', form: null },
];

/** IV.5, the collective's part: two documents per collective (header fields of the leaders' dossier). */
export const COLLECTIVE_DOCUMENTS: readonly DossierDocument[] = [
  { key: 'c1', name: 'Báo cáo kiểm điểm của tập thể', form: '01-BC.TT' },
  { key: 'c2', name: 'Biên bản họp kiểm điểm tập thể và cá nhân CBLĐQL', form: null },
];

/** IV.5, the personal part: seven documents per leader. */
export const LEADER_DOCUMENTS: readonly DossierDocument[] = [
  { key: 'l1', name: 'Bản kiểm điểm đảng viên', form: '01-KĐ.ĐV' },
  { key: 'l2', name: 'Bản tự nhận xét, đánh giá của cá nhân', form: '01-ĐG.CBLĐQL' },
  { key: 'l3', name: 'Phiếu bổ sung lý lịch cán bộ, công chức', form: '4a-BNV/2007' },
  { key: 'l4', name: 'Nhận xét của chi ủy nơi cư trú', form: '02-ĐG.CBLĐQL' },
  { key: 'l5', name: 'Bản nhận xét, đánh giá của tập thể lãnh đạo', form: '03-ĐG.CBLĐQL' },
  { key: 'l6', name: 'Bản kê khai tài sản', form: 'Thông tư 08/2013/TT-TTCP', onlyManaged: true },
  { key: 'l7', name: 'Bản tổng hợp kết quả biểu quyết', form: '05-ĐG.CBLĐQL' },
];

/** A document's header: its name with the form in parentheses (ignored when headers are matched). */
export function documentLabel(doc: DossierDocument): string {
  return doc.form ? `${doc.name} (${doc.form})` : doc.name;
}

function documentColumn(doc: DossierDocument): ColumnDef {
  const aliases = [doc.name];
  if (doc.form && !doc.form.includes(',') && !doc.form.startsWith('Thông tư')) aliases.push(doc.form, `Mẫu ${doc.form}`);
  return { key: doc.key, label: documentLabel(doc), aliases, type: 'yesno', required: 'no', width: 13 };
}

/** `Hồ sơ chi bộ`: one row per chi bộ, one yes/no column per document of IV.8 ("Đã có": x). */
export const CHI_BO_DOSSIER_FORM: TableForm = {
  kind: 'table',
  key: 'chiBoDossier',
  titleOnly: true,
  sheet: 'Hồ sơ chi bộ',
  sheetAliases: ['Ho so chi bo', 'Hồ sơ', 'Hồ sơ phân loại', 'Hồ sơ phân loại chi bộ'],
  formCodes: [],
  title: 'HỒ SƠ PHÂN LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN',
  subtitle: 'Kế hoạch mục IV.8. Mỗi dòng một chi bộ; đánh dấu x vào văn bản đã có trong hồ sơ gửi Ban Thường vụ',
  optionalSheet: true,
  numberingColumns: ['stt'],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT'], type: 'number', required: 'no', width: 6 },
    { key: 'subject', label: 'Chi bộ', aliases: ['Tên chi bộ'], type: 'text', required: 'always', width: 26 },
    ...CHI_BO_DOCUMENTS.map(documentColumn),
    { key: 'note', label: 'Ghi chú', type: 'text', required: 'no', width: 18 },
  ],
};

/** `Hồ sơ CBLĐQL`: the collective's two documents above, then one row per leader (IV.5). */
export const LEADER_DOSSIER_FORM: TableForm = {
  kind: 'table',
  key: 'leaderDossier',
  titleOnly: true,
  sheet: 'Hồ sơ CBLĐQL',
  sheetAliases: ['Ho so CBLDQL', 'Hồ sơ cán bộ lãnh đạo quản lý', 'Hồ sơ kiểm điểm CBLĐQL'],
  formCodes: [],
  title: 'HỒ SƠ KIỂM ĐIỂM TẬP THỂ VÀ CÁ NHÂN CÁN BỘ LÃNH ĐẠO, QUẢN LÝ',
  subtitle: 'Kế hoạch mục IV.5. Mỗi dòng một đồng chí; đánh dấu x vào văn bản đã có trong hồ sơ gửi Ban Thường vụ',
  optionalSheet: true,
  numberingColumns: ['stt'],
  fields: [
    { key: 'collective', label: 'Tập thể', aliases: ['Tập thể kiểm điểm', 'Tập thể lãnh đạo'], type: 'text', required: 'no' },
    ...COLLECTIVE_DOCUMENTS.map((doc): FieldDef => ({ key: doc.key, label: documentLabel(doc), aliases: [doc.name], type: 'yesno', required: 'no', neededBy: 'PROC-05' })),
  ],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT'], type: 'number', required: 'no', width: 6 },
    { key: 'subject', label: 'Họ và tên', aliases: ['Họ tên'], type: 'text', required: 'always', width: 24 },
    { key: 'position', label: 'Chức vụ', type: 'text', required: 'no', width: 20 },
    { key: 'managed', label: 'Diện BTV Thị ủy quản lý', aliases: ['Diện BTV Thị uỷ quản lý', 'Thuộc diện BTV Thị ủy quản lý', 'Diện Thị ủy quản lý'], type: 'yesno', required: 'no', width: 11 },
    ...LEADER_DOCUMENTS.map(documentColumn),
    { key: 'note', label: 'Ghi chú', type: 'text', required: 'no', width: 16 },
  ],
};

/** The sheets of one chi bộ's workbook (FORMS.md), as the add-in's "Tạo mẫu" adds them. */
export const INPUT_FORMS: readonly FormDef[] = [INFO_FORM, ROLL_FORM, TALLY_FORM, SCORES_FORM, LEADERS_FORM];

/** The optional schedule and dossier sheets (RULES.md 7): PROC rules read them where a workbook carries them. */
export const PROC_FORMS: readonly TableForm[] = [PLAN_FORM, CHI_BO_DOSSIER_FORM, LEADER_DOSSIER_FORM];

/** Every input sheet `xeploai template` writes. */
export const ALL_INPUT_FORMS: readonly FormDef[] = [...INPUT_FORMS, ...PROC_FORMS];

/** Sheets the add-in writes; never read as input even if their titles look like a form. */
export const RESULT_SHEETS = {
  members: 'KQ xếp loại đảng viên',
  chiBo: 'KQ xếp loại chi bộ',
  issues: 'Kiểm tra',
  ward: 'Tổng hợp',
} as const;

/**
 * Result sheets written only where there is something to show (the leaders' tally of form
 * 05-ĐG.CBLĐQL): by `check --out` when the workbook has leaders, by `aggregate`. Never read as input.
 */
export const MORE_RESULT_SHEETS = {
  leaders: 'KQ biểu quyết CBLĐQL',
} as const;

/**
 * The meeting-day sheets (`xeploai ballots`, `minutes`, the pane's "In phiếu" and "Biên bản"): written only
 * on request and left alone by a check. Never read as input: a ballot carries form 07-KĐ.ĐV's code.
 */
export const MEETING_SHEETS = {
  ballot1: 'Phiếu lần 1',
  ballot2: 'Phiếu lần 2',
  minutes: 'Biên bản kiểm phiếu',
  /** hd43-2025: one scoring sheet per member (phiếu chấm điểm, core/output/scoreSheets.ts). */
  scoreSheets: 'Phiếu chấm điểm đảng viên',
} as const;

/*
 * Rule set hd43-2025 (RULES-2025.md §7). These sheets are read only by that rule set, which is not yet
 * offered to clerks: no list above includes them, so hd27-2014's reading and template are unchanged.
 */

/** A group of criteria and its fixed maximum (M25-01, CB25-01). */
export interface CriteriaGroupDef {
  readonly key: 'common' | 'tasks';
  readonly label: string;
  readonly max: number;
  /** Folded spellings of the group cell; a number 1 or 2 also names a group. */
  readonly aliases: readonly string[];
}

export const CRITERIA_GROUPS: readonly CriteriaGroupDef[] = [
  { key: 'common', label: 'Nhóm tiêu chí chung', max: 30, aliases: ['tieu chi chung', 'nhom tieu chi chung', 'chung', 'nhom 1', '1', 'i'] },
  { key: 'tasks', label: 'Kết quả thực hiện nhiệm vụ', max: 70, aliases: ['ket qua thuc hien nhiem vu', 'ket qua thuc hien nhiem vu duoc giao', 'nhiem vu', 'nhom 2', '2', 'ii'] },
];

/** One criteria table of `Bộ tiêu chí`: group / criterion / maximum. */
const criteriaColumns: readonly ColumnDef[] = [
  { key: 'group', label: 'Nhóm', aliases: ['Nhóm tiêu chí', 'Nhóm tiêu chí đánh giá'], type: 'text', required: 'always', width: 24 },
  { key: 'criterion', label: 'Tiêu chí', aliases: ['Nội dung tiêu chí', 'Tên tiêu chí', 'Nội dung'], type: 'text', required: 'always', width: 48 },
  { key: 'max', label: 'Điểm tối đa', aliases: ['Tối đa', 'Điểm chuẩn', 'Thang điểm'], type: 'number', required: 'always', width: 10 },
];

/** A setting of `Bộ tiêu chí`: a label–value field with its default (RULES-2025.md §7). */
export interface SettingDef {
  readonly key: string;
  readonly label: string;
  readonly aliases?: readonly string[];
  readonly kind: 'number' | 'yesno' | 'choice';
  /** The value used when the cell is empty (then CFG25-01 where it decides a result). */
  readonly default: number | boolean | string;
  /** `choice`: the accepted values, each with the words the sheet shows and other spellings. */
  readonly choices?: readonly { readonly value: string; readonly label: string; readonly aliases?: readonly string[] }[];
  /** `number`: the accepted range. */
  readonly min?: number;
  readonly max?: number;
  /** The rule the setting belongs to. */
  readonly rule: string;
}

export const CRITERIA_SETTINGS: readonly SettingDef[] = [
  { key: 'capPercent', label: 'Tỷ lệ HTXSNV tối đa (%)', aliases: ['Tỷ lệ HTXSNV tối đa', 'Tỷ lệ hoàn thành xuất sắc nhiệm vụ tối đa (%)'], kind: 'number', default: 20, min: 0, max: 100, rule: 'M25-20' },
  {
    key: 'capScope',
    label: 'Phạm vi giới hạn',
    aliases: ['Phạm vi giới hạn HTXSNV', 'Phạm vi áp dụng giới hạn'],
    kind: 'choice',
    default: 'ward',
    choices: [
      { value: 'ward', label: 'Đảng bộ', aliases: ['Toàn Đảng bộ', 'Đảng bộ cơ sở', 'Tổ chức cơ sở đảng'] },
      { value: 'chi-bo', label: 'Chi bộ', aliases: ['Từng chi bộ'] },
    ],
    rule: 'M25-20',
  },
  { key: 'failBelow', label: 'Điểm dưới mức KHTNV', aliases: ['Điểm dưới mức Không hoàn thành nhiệm vụ', 'Ngưỡng điểm KHTNV'], kind: 'number', default: 50, min: 0, max: 100, rule: 'M25-13' },
  { key: 'scoreStep', label: 'Bước điểm', aliases: ['Bước chấm điểm'], kind: 'number', default: 0.5, min: 0, max: 100, rule: 'M25-03' },
  { key: 'khtnvGrounds', label: 'Áp dụng căn cứ KHTNV', aliases: ['Áp dụng các căn cứ KHTNV', 'Áp dụng căn cứ Không hoàn thành nhiệm vụ'], kind: 'yesno', default: true, rule: 'M25-14' },
  { key: 'sickLeaveCap', label: 'Nghỉ ốm từ 3 tháng: tối đa HTNV', aliases: ['Nghỉ ốm từ 3 tháng tối đa HTNV'], kind: 'yesno', default: true, rule: 'M25-16' },
  { key: 'civilServantExcellent', label: 'CBCCVC: HTXSNV cần xếp loại CBCCVC HTXSNV', aliases: ['CBCCVC HTXSNV cần xếp loại CBCCVC HTXSNV'], kind: 'yesno', default: true, rule: 'M25-17' },
  { key: 'chiBoMemberConditions', label: 'Điều kiện đảng viên cho chi bộ HTXSNV', aliases: ['Điều kiện về đảng viên cho chi bộ HTXSNV'], kind: 'yesno', default: true, rule: 'CB25-02' },
  {
    key: 'chiBoScoreMethod',
    label: 'Cách tính điểm chi bộ',
    kind: 'choice',
    default: 'mean',
    choices: [
      { value: 'mean', label: 'Trung bình phiếu', aliases: ['Trung bình các phiếu', 'Bình quân phiếu'] },
      { value: 'committee', label: 'Chi ủy nhập', aliases: ['Chi uỷ nhập', 'Chi ủy chấm'] },
    ],
    rule: 'CB25-01',
  },
  { key: 'exemplaryPercent', label: 'Tỷ lệ chi bộ "Trong sạch, vững mạnh" tối đa (%)', aliases: ['Tỷ lệ chi bộ Trong sạch, vững mạnh tối đa (%)', 'Tỷ lệ chi bộ TSVM tối đa (%)'], kind: 'number', default: 20, min: 0, max: 100, rule: 'AGG-02' },
];

/** The settings as label fields, for locating them on the sheet (forms/locate.ts `findFields`). */
export const CRITERIA_SETTING_FIELDS: readonly FieldDef[] = CRITERIA_SETTINGS.map((s) => ({ key: s.key, label: s.label, aliases: s.aliases, type: 'text', required: 'no', neededBy: s.rule }));

/** `Bộ tiêu chí`: the members' criteria table, the chi bộ's, then the settings (RULES-2025.md §7). */
export const CRITERIA_FORM: TableForm & {
  /** The title rows that open each part; folded text of a row whose only text is the title. */
  readonly sections: { readonly members: readonly string[]; readonly chiBo: readonly string[]; readonly settings: readonly string[] };
  readonly settings: readonly SettingDef[];
  readonly groups: readonly CriteriaGroupDef[];
} = {
  kind: 'table',
  key: 'criteria',
  sheet: 'Bộ tiêu chí',
  sheetAliases: ['Bo tieu chi', 'Tiêu chí', 'Bộ tiêu chí đánh giá'],
  formCodes: [],
  title: 'BỘ TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG',
  subtitle: 'Đảng ủy ban hành; sao vào sổ của từng chi bộ',
  numberingColumns: [],
  columns: criteriaColumns,
  sections: {
    members: ['tieu chi danh gia dang vien', 'tieu chi dang vien', 'a tieu chi danh gia dang vien', 'i tieu chi danh gia dang vien', 'dang vien'],
    chiBo: ['tieu chi danh gia chi bo', 'tieu chi chi bo', 'b tieu chi danh gia chi bo', 'ii tieu chi danh gia chi bo', 'chi bo', 'tieu chi danh gia tap the', 'tieu chi tap the'],
    settings: ['thiet lap', 'cac thiet lap', 'c thiet lap', 'iii thiet lap', 'tham so', 'cac tham so'],
  },
  settings: CRITERIA_SETTINGS,
  groups: CRITERIA_GROUPS,
};

/** `Chấm điểm đảng viên`: the score the chi bộ settled on for each member, and the task figures (M25-03, M25-04). */
export const MEMBER_SCORES_FORM: TableForm = {
  kind: 'table',
  key: 'memberScores',
  sheet: 'Chấm điểm đảng viên',
  sheetAliases: ['Cham diem dang vien', 'Điểm đảng viên', 'Chấm điểm ĐV'],
  formCodes: [],
  title: 'CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN',
  subtitle: 'Điểm chi bộ thống nhất; số nhiệm vụ và khuyết điểm của năm',
  numberingColumns: ['stt'],
  columns: [
    { key: 'stt', label: 'STT', aliases: ['Số TT', 'TT', 'Số thứ tự'], type: 'number', required: 'always', width: 6 },
    { key: 'name', label: 'Họ và tên', aliases: ['Họ tên', 'Họ và tên đảng viên', 'Họ tên đảng viên'], type: 'text', required: 'always', width: 26 },
    // Scores and task figures are read as plain numbers: M25-03 and M25-04 say what is wrong with them.
    { key: 'common', group: 'Điểm', label: 'Tiêu chí chung', aliases: ['Nhóm tiêu chí chung', 'Điểm tiêu chí chung', 'Điểm - Tiêu chí chung'], type: 'number', required: 'column', max: 30, width: 11, hint: 'tối đa 30' },
    { key: 'tasks', group: 'Điểm', label: 'Kết quả thực hiện nhiệm vụ', aliases: ['Điểm kết quả thực hiện nhiệm vụ', 'Điểm - Kết quả thực hiện nhiệm vụ', 'Điểm nhiệm vụ'], type: 'number', required: 'column', max: 70, width: 13, hint: 'tối đa 70' },
    { key: 'total', group: 'Điểm', label: 'Tổng', aliases: ['Tổng điểm', 'Điểm - Tổng'], type: 'number', required: 'no', max: 100, width: 9 },
    { key: 'assigned', group: 'Nhiệm vụ', label: 'Được giao', aliases: ['Số nhiệm vụ được giao', 'Nhiệm vụ được giao'], type: 'number', required: 'column', width: 10 },
    { key: 'onTime', group: 'Nhiệm vụ', label: 'Hoàn thành đúng hạn', aliases: ['Số nhiệm vụ hoàn thành đúng hạn', 'Nhiệm vụ hoàn thành đúng hạn'], type: 'number', required: 'column', width: 11 },
    { key: 'exceeded', group: 'Nhiệm vụ', label: 'Vượt yêu cầu', aliases: ['Số nhiệm vụ vượt yêu cầu', 'Hoàn thành vượt yêu cầu', 'Vượt mức'], type: 'number', required: 'column', width: 10 },
    { key: 'pointedOut', group: 'Hạn chế, khuyết điểm', label: 'Được chỉ ra', aliases: ['Số hạn chế, khuyết điểm được chỉ ra', 'Khuyết điểm được chỉ ra'], type: 'number', required: 'column', width: 10 },
    { key: 'fixed', group: 'Hạn chế, khuyết điểm', label: 'Đã khắc phục', aliases: ['Số hạn chế, khuyết điểm đã khắc phục', 'Khuyết điểm đã khắc phục'], type: 'number', required: 'column', width: 10 },
    { key: 'selfScore', label: 'Tự chấm', aliases: ['Điểm tự chấm'], type: 'number', required: 'no', width: 9 },
    { key: 'committeeScore', label: 'Chi ủy chấm', aliases: ['Chi uỷ chấm', 'Điểm chi ủy chấm'], type: 'number', required: 'no', width: 9 },
  ],
};

/** `Thông tin chi bộ`'s "Bộ quy tắc" (RULES-2025.md §7), read before anything else (ruleSets/resolve.ts). */
export const RULE_SET_FIELD: FieldDef = { key: 'ruleSet', label: 'Bộ quy tắc', aliases: ['Bộ quy tắc áp dụng', 'Quy tắc'], type: 'text', required: 'no' };

/**
 * hd43-2025's `Thông tin chi bộ` (RULES-2025.md §5, §7): the chi bộ, the year and the meeting, "Bộ quy
 * tắc", the chi bộ's task figures (CB25-02..04), the conditions of CB25-02, and the chi ủy's score where
 * `Bộ tiêu chí` says the chi ủy enters it (CB25-01). The 2014 ballot counts are read where a workbook still
 * keeps a tally (RULES-2025.md §6), never required.
 */
export const HD43_INFO_FORM: FieldsForm = {
  ...INFO_FORM,
  title: 'THÔNG TIN CHI BỘ',
  fields: [
    ...INFO_FORM.fields.filter((f) => ['dangBo', 'chiBo', 'year', 'meetingDate', 'reportDate', 'draftSentDate'].includes(f.key)),
    { ...RULE_SET_FIELD, required: 'yes' },
    { key: 'officialPresent', label: 'Số đảng viên chính thức có mặt', aliases: ['Số đảng viên chính thức dự họp', 'Số ĐVCT có mặt'], type: 'count', required: 'no' },
    { key: 'cbAssigned', label: 'Số nhiệm vụ chi bộ được giao', aliases: ['Nhiệm vụ chi bộ được giao', 'Số nhiệm vụ được giao'], type: 'count', required: 'yes', neededBy: 'CB25-02, CB25-03, CB25-04' },
    { key: 'cbCompleted', label: 'Số nhiệm vụ chi bộ đã hoàn thành', aliases: ['Nhiệm vụ chi bộ đã hoàn thành', 'Số nhiệm vụ đã hoàn thành'], type: 'count', required: 'yes', neededBy: 'CB25-04' },
    { key: 'cbOnTime', label: 'Số nhiệm vụ chi bộ hoàn thành đúng hạn', aliases: ['Nhiệm vụ chi bộ hoàn thành đúng hạn', 'Số nhiệm vụ hoàn thành đúng hạn'], type: 'count', required: 'yes', neededBy: 'CB25-02, CB25-03, CB25-04' },
    { key: 'cbExceeded', label: 'Số nhiệm vụ chi bộ vượt yêu cầu', aliases: ['Nhiệm vụ chi bộ vượt yêu cầu', 'Số nhiệm vụ vượt yêu cầu'], type: 'count', required: 'yes', neededBy: 'CB25-02' },
    { key: 'subordinateDisciplined', condition: true, label: 'Cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật', aliases: ['Cấp uỷ viên hoặc tổ chức trực thuộc bị kỷ luật', 'Có cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật'], type: 'yesno', required: 'yes', neededBy: 'CB25-02' },
    { key: 'orgRating', condition: true, label: 'Xếp loại chính quyền, Mặt trận, đoàn thể', aliases: ['Xếp loại chính quyền, Mặt trận và các đoàn thể'], type: 'orgRating', required: 'yes', neededBy: 'CB25-02' },
    { key: 'committeeCommon', label: 'Điểm chi bộ do chi ủy chấm - Tiêu chí chung', aliases: ['Chi ủy chấm - Tiêu chí chung', 'Điểm chi ủy chấm - Tiêu chí chung'], type: 'number', required: 'no', neededBy: 'CB25-01' },
    { key: 'committeeTasks', label: 'Điểm chi bộ do chi ủy chấm - Kết quả thực hiện nhiệm vụ', aliases: ['Chi ủy chấm - Kết quả thực hiện nhiệm vụ', 'Điểm chi ủy chấm - Kết quả thực hiện nhiệm vụ'], type: 'number', required: 'no', neededBy: 'CB25-01' },
    // A tally kept beside the scores (RULES-2025.md §6, M25-30) is checked with these, never required.
    ...INFO_FORM.fields.filter((f) => f.key.startsWith('r1') || f.key.startsWith('r2')).map((f): FieldDef => ({ ...f, required: 'no' })),
  ],
};

/** hd43-2025's roll: the 2014 columns and four optional ones (RULES-2025.md §7; ELIG25-01, M25-14, M25-16). */
export const HD43_ROLL_FORM: TableForm = {
  ...ROLL_FORM,
  columns: [
    ...ROLL_FORM.columns.filter((c) => c.key !== 'note'),
    { key: 'suspended', label: 'Đình chỉ sinh hoạt', aliases: ['Đình chỉ sinh hoạt đảng', 'Bị đình chỉ sinh hoạt đảng'], type: 'yesno', required: 'no', width: 10 },
    { key: 'sickMonths', label: 'Nghỉ ốm (tháng)', aliases: ['Nghỉ ốm', 'Số tháng nghỉ ốm'], type: 'number', required: 'no', width: 9 },
    { key: 'maternity', label: 'Nghỉ thai sản', aliases: ['Nghỉ chế độ thai sản'], type: 'yesno', required: 'no', width: 9 },
    { key: 'degraded', label: 'Bị kết luận suy thoái', aliases: ['Bị kết luận suy thoái, tự diễn biến, tự chuyển hóa', 'Kết luận suy thoái'], type: 'yesno', required: 'no', width: 11 },
    ...ROLL_FORM.columns.filter((c) => c.key === 'note'),
  ],
};

/** hd43-2025's `Chấm điểm chi bộ` (CB25-01): one row per member's scoring sheet, the two groups (30 + 70). */
export const HD43_SCORES_FORM: TableForm = {
  ...SCORES_FORM,
  title: 'TỔNG HỢP PHIẾU CHẤM ĐIỂM CHI BỘ',
  subtitle: 'Mỗi dòng một phiếu của đảng viên có mặt',
  formCodes: [],
  columns: [
    SCORES_FORM.columns[0],
    { key: 'common', label: 'Tiêu chí chung', aliases: ['Nhóm tiêu chí chung', 'Điểm tiêu chí chung'], type: 'score', required: 'column', max: 30, width: 14, hint: 'tối đa 30' },
    { key: 'tasks', label: 'Kết quả thực hiện nhiệm vụ', aliases: ['Điểm kết quả thực hiện nhiệm vụ', 'Điểm nhiệm vụ'], type: 'score', required: 'column', max: 70, width: 16, hint: 'tối đa 70' },
    { key: 'total', label: 'Tổng', aliases: ['Tổng điểm', 'Cộng'], type: 'number', required: 'no', max: 100, width: 9 },
  ],
};

/** The input sheets of rule set hd43-2025, in the order the template writes them. */
export const HD43_INPUT_FORMS: readonly FormDef[] = [HD43_INFO_FORM, HD43_ROLL_FORM, CRITERIA_FORM, MEMBER_SCORES_FORM, HD43_SCORES_FORM, LEADERS_FORM, ...PROC_FORMS];

/** The sheets of a chi bộ's workbook that differ between rule sets (each rule set declares its own); the ward's sheets are shared. */
export interface ChiBoForms {
  readonly info: FieldsForm;
  readonly roll: TableForm;
  readonly tally: TableForm;
  readonly scores: TableForm;
  /** hd43-2025: `Bộ tiêu chí` and `Chấm điểm đảng viên`. */
  readonly criteria?: TableForm;
  readonly memberScores?: TableForm;
}

/** hd27-2014's chi bộ sheets: what a workbook is read as when nothing says otherwise. */
export const HD27_FORMS: ChiBoForms = { info: INFO_FORM, roll: ROLL_FORM, tally: TALLY_FORM, scores: SCORES_FORM };
