/**
 * Every word the task pane shows, in Vietnamese (the default: the clerks read Vietnamese) and in English.
 * Both dictionaries are typed by `Messages`, so a key missing from either one fails the type check.
 * Issue messages and explanations are not here: the engine writes them in both languages.
 */
import type { ChiBoLevel } from '../core/rules/cb';
import type { MemberResult, MemberStatus } from '../core/rules/mem';
import type { MemberLevel } from '../core/values/parse';
import { REASON_WORDS } from '../core/rules/words';
import type { CheckStage } from '../office/runCheck';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

/** What the pane was doing when something went wrong. */
export type Action = 'check' | 'clear' | 'template' | 'combine' | 'convert' | 'ballots' | 'minutes' | 'select' | 'loadSettings' | 'saveSettings';
/** What went wrong, as far as the clerk can do something about it (see `classifyFailure`). */
export type FailureKind = 'notInExcel' | 'cellEditMode' | 'protected' | 'notFound' | 'tooLarge' | 'unsupported' | 'busy' | 'unknown';
/** What the pane is busy with; the progress bar says it. */
export type BusyStage = CheckStage | 'clearing' | 'template' | 'combining' | 'converting' | 'ballots' | 'minutes';

export interface Messages {
  /** The `lang` attribute of the page. */
  readonly htmlLang: string;
  readonly appTitle: string;
  readonly appSubtitle: string;
  /** The language switch's accessible name (the same in both languages, so either reader finds it). */
  readonly languageLabel: string;
  readonly languageNames: Readonly<Record<Lang, string>>;

  readonly actionsLabel: string;
  readonly checkButton: string;
  readonly clearButton: string;
  readonly templateButton: string;
  readonly combineButton: string;
  readonly checkHint: string;
  readonly clearHint: string;
  readonly templateHint: string;
  readonly combineHint: string;
  /** "Chuyển sang Unicode" (DATA-06), shown when the check found legacy-encoded text; `cells` of it. */
  readonly convertButton: (cells: number) => string;
  /** The same, in its group, when the last check found no legacy text (disabled). */
  readonly convertButtonIdle: string;
  readonly convertHint: string;
  /** The meeting-day group: "In phiếu lần 1", "In phiếu lần 2" (form 07-KĐ.ĐV) and "Biên bản" (kiểm phiếu). */
  readonly meetingLabel: string;
  /** "Việc khác": the button that opens the grouped secondary actions, and what it holds. */
  readonly moreButton: string;
  readonly moreHint: string;
  readonly groupTitles: Readonly<Record<'meeting' | 'template' | 'combine' | 'convert' | 'flags', string>>;
  /** Under the conversion group when the last check found no legacy text. */
  readonly convertIdle: string;
  readonly ballotButton: (round: 1 | 2) => string;
  readonly ballotHint: (round: 1 | 2) => string;
  readonly minutesButton: string;
  readonly minutesHint: string;
  /** hd43-2025's meeting paper: "Phiếu chấm điểm", one scoring sheet per member (instead of the 2014 ballots). */
  readonly scoreSheetsButton: string;
  readonly scoreSheetsHint: string;

  readonly progressLabel: string;
  readonly stages: Readonly<Record<BusyStage, string>>;
  readonly stageStep: (step: number, of: number) => string;

  readonly notInExcelTitle: string;
  readonly notInExcelMessage: string;
  readonly failureTitles: Readonly<Record<Action, string>>;
  readonly failures: Readonly<Record<FailureKind, string>>;
  readonly selectNotFound: (place: string) => string;
  readonly saveSettingsAfter: string;
  readonly loadSettingsAfter: string;
  readonly errorCode: (code: string) => string;
  readonly dismiss: string;
  readonly clearedTitle: string;
  readonly cleared: (cells: number) => string;
  readonly nothingToClear: string;
  readonly templateTitle: string;
  readonly templateAdded: (sheets: readonly string[]) => string;
  readonly templateNothing: string;
  readonly combinedTitle: string;
  /** How many files were combined, how many chi bộ they hold, and the issues found in them. */
  readonly combined: (files: number, chiBo: number, errors: number, warnings: number) => string;
  /** The files that could not be read (the others were combined). */
  readonly combineUnreadable: (names: readonly string[]) => string;
  readonly combineNothing: string;
  readonly convertedTitle: string;
  readonly converted: (cells: number) => string;
  readonly nothingToConvert: string;
  readonly ballotTitle: (round: 1 | 2) => string;
  /** The ballot written: its sheet, the members on it, the copies, the A4 pages and, for round 2, K. */
  readonly ballotWritten: (sheet: string, names: number, copies: number, pages: number, cap: number | null) => string;
  /** Why the ballot was not printed; the problems (rule IDs and messages) follow. */
  readonly ballotRefused: (round: 1 | 2) => string;
  readonly minutesTitle: string;
  readonly minutesWritten: (errors: number, warnings: number) => string;
  readonly scoreSheetsTitle: string;
  /** The scoring sheets written: their sheet, the members, the A4 pages. */
  readonly scoreSheetsWritten: (sheet: string, names: number, pages: number) => string;
  /** Why the scoring sheets were not printed; the problems follow. */
  readonly scoreSheetsRefused: string;
  /** A paper the workbook's rule set does not use (the reason, naming the rule set, follows). */
  readonly paperRefused: string;
  /** hd43-2025: the settings of `Bộ tiêu chí` the results used by default (CFG25-01). */
  readonly defaultSettingsTitle: string;
  readonly defaultSettingsIntro: (count: number) => string;
  /** One setting used by default: its label, the value used, and the cell to confirm it in. */
  readonly defaultSetting: (label: string, value: string, place: string | null) => string;

  readonly summaryTitle: string;
  readonly chiBoLabel: string;
  readonly chiBoUnnamed: string;
  readonly chiBoLevelLabel: string;
  readonly chiBoNoLevel: string;
  readonly score: (score: string) => string;
  readonly noScore: string;
  readonly provisional: string;
  readonly membersTitle: (total: number) => string;
  readonly memberLevels: Readonly<Record<MemberLevel, string>>;
  readonly chiBoLevels: Readonly<Record<ChiBoLevel, string>>;
  readonly statuses: Readonly<Record<MemberStatus, string>>;
  /** Why a member is not classified or undetermined (FORMS.md `reason`; `input-error`: RULES.md 9.21). */
  readonly reasons: Readonly<Record<NonNullable<MemberResult['reason']>, string>>;
  readonly figuresN: string;
  readonly figuresPool: string;
  readonly figuresCap: string;
  /** hd43-2025's figures: those proposed a level, the pool of HTTNV or better before the cap, the provisional cap. */
  readonly figures25: { readonly n: string; readonly pool: string; readonly cap: string };
  readonly noMembers: string;
  readonly errors: (n: number) => string;
  readonly warnings: (n: number) => string;
  /** The title of a count that leads to the list ("6 lỗi"). */
  readonly showInList: string;
  readonly allClear: string;
  readonly memberFiguresTitle: string;
  readonly staleResult: string;

  readonly issuesTitle: string;
  readonly issuesLabel: string;
  readonly severityGroup: Readonly<Record<'error' | 'warning', (n: number) => string>>;
  readonly sheetCounts: (errors: number, warnings: number) => string;
  readonly noCell: string;
  readonly goToCell: (place: string) => string;
  /** The cells an issue is on, after its message ("ô H8, H9"). */
  readonly cellsOf: (cells: readonly string[]) => string;
  /** The rule ID's tooltip ("Mã quy tắc DATA-02"). */
  readonly ruleTag: (rule: string) => string;
  readonly showMore: (shown: number, total: number) => string;

  readonly chiBoExplanationTitle: string;
  readonly membersListTitle: (n: number) => string;
  readonly memberRow: (row: number) => string;

  readonly settingsTitle: string;
  readonly settingsIntro: string;
  readonly ruleSetLabel: string;
  readonly defaultValue: string;
  readonly settingsLoading: string;
}

/** The reasons in words, from the engine's own table (the command line says the same). */
function reasonWords(lang: Lang): Record<NonNullable<MemberResult['reason']>, string> {
  return Object.fromEntries(Object.entries(REASON_WORDS).map(([reason, words]) => [reason, words[lang]])) as Record<NonNullable<MemberResult['reason']>, string>;
}

function joinNames(names: readonly string[], and: string): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${and} ${quoted[quoted.length - 1]}`;
}

export const vi: Messages = {
  htmlLang: 'vi',
  appTitle: 'XếpLoại',
  appSubtitle: 'Kiểm tra sổ tính đánh giá, xếp loại đảng viên và chi bộ đang mở, chỉ ra ô cần sửa.',
  languageLabel: 'Ngôn ngữ / Language',
  languageNames: { vi: 'Tiếng Việt', en: 'English' },

  actionsLabel: 'Thao tác',
  checkButton: 'Kiểm tra',
  clearButton: 'Xoá đánh dấu',
  templateButton: 'Tạo mẫu',
  combineButton: 'Tổng hợp các chi bộ',
  checkHint: 'Kiểm tra toàn bộ sổ tính, đánh dấu ô có lỗi và ghi các trang kết quả.',
  clearHint: 'Bỏ mọi đánh dấu và ghi chú XếpLoại đã đặt trên các ô; nội dung đã nhập không thay đổi.',
  templateHint: 'Thêm vào sổ tính các trang nhập liệu còn thiếu (có danh sách chọn), cả trang Kế hoạch và hồ sơ; trang đã có giữ nguyên.',
  combineHint: 'Chọn các tệp .xlsx của các chi bộ trên máy: kiểm tra từng tệp rồi ghi trang Tổng hợp (có biểu đồ) và Kiểm tra vào sổ tính đang mở. Các tệp đã chọn không bị thay đổi.',
  convertButton: (cells) => `Chuyển sang Unicode (${cells} ô)`,
  convertButtonIdle: 'Chuyển sang Unicode',
  meetingLabel: 'Ngày họp: phiếu và biên bản',
  moreButton: 'Việc khác',
  moreHint: 'Ngày họp (phiếu, biên bản), tạo mẫu, tổng hợp các chi bộ, chuyển chữ bảng mã cũ, xoá đánh dấu.',
  groupTitles: {
    meeting: 'Ngày họp: phiếu và biên bản',
    template: 'Mẫu nhập liệu',
    combine: 'Tổng hợp ở Đảng bộ',
    convert: 'Chữ gõ bằng bảng mã cũ',
    flags: 'Đánh dấu trên các ô',
  },
  convertIdle: 'Dùng khi lần kiểm tra tìm thấy chữ gõ bằng bảng mã cũ (TCVN3, VNI).',
  ballotButton: (round) => `In phiếu lần ${round}`,
  ballotHint: (round) =>
    round === 1
      ? 'Thêm trang Phiếu lần 1 (Mẫu 07-KĐ.ĐV): mọi đảng viên được phân loại, ba ô Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ; số bản bằng số đảng viên chính thức có mặt, khổ A4.'
      : 'Thêm trang Phiếu lần 2 sau khi đã nhập kết quả kiểm phiếu lần 1: những đồng chí Hoàn thành tốt nhiệm vụ, mỗi người một ô, chọn không quá 15%.',
  minutesButton: 'Biên bản',
  minutesHint: 'Lập lại trang Biên bản kiểm phiếu: số phiếu từng lần, kết quả từng đồng chí, giới hạn 15% và chữ ký ban kiểm phiếu, chủ trì.',
  scoreSheetsButton: 'Phiếu chấm điểm',
  scoreSheetsHint: 'Thêm trang Phiếu chấm điểm đảng viên: mỗi đồng chí một trang A4, các tiêu chí và điểm tối đa theo sheet Bộ tiêu chí, cột điểm tự chấm và điểm chi bộ chấm để trống.',
  convertHint: 'Chuyển chữ gõ bằng bảng mã cũ (TCVN3/ABC phông .VnTime, VNI phông VNI-Times) sang Unicode và đổi phông của các ô đó sang phông Unicode; các ô khác giữ nguyên. Sau đó kiểm tra lại.',

  progressLabel: 'Tiến trình',
  stages: {
    reading: 'Đang đọc sổ tính…',
    checking: 'Đang kiểm tra…',
    writing: 'Đang ghi kết quả…',
    done: 'Đã xong.',
    clearing: 'Đang xoá đánh dấu…',
    template: 'Đang tạo các trang mẫu…',
    combining: 'Đang đọc và kiểm tra các tệp của chi bộ…',
    converting: 'Đang chuyển chữ sang Unicode…',
    ballots: 'Đang lập phiếu đánh giá…',
    minutes: 'Đang lập biên bản kiểm phiếu…',
  },
  stageStep: (step, of) => `Bước ${step}/${of}`,

  notInExcelTitle: 'Chưa mở trong Excel',
  notInExcelMessage: 'Bảng này chỉ làm việc bên trong Excel. Hãy mở sổ tính bằng Excel, rồi bấm nút Mở bảng trong nhóm Xếp loại ở thẻ Trang đầu (Home).',
  failureTitles: {
    check: 'Kiểm tra không thành công',
    clear: 'Chưa xoá được đánh dấu',
    template: 'Chưa tạo được mẫu',
    combine: 'Chưa tổng hợp được',
    convert: 'Chưa chuyển được sang Unicode',
    ballots: 'Chưa in được phiếu',
    minutes: 'Chưa lập được biên bản kiểm phiếu',
    select: 'Không chọn được ô',
    loadSettings: 'Không đọc được thiết lập đã lưu',
    saveSettings: 'Chưa lưu được thiết lập vào sổ tính',
  },
  failures: {
    notInExcel: 'Không kết nối được với Excel. Hãy mở bảng bên trong Excel: nút Mở bảng trong nhóm Xếp loại ở thẻ Trang đầu (Home).',
    cellEditMode: 'Excel đang ở chế độ sửa một ô nên không cho thay đổi sổ tính. Hãy bấm Enter hoặc Esc để rời ô đang sửa, rồi thử lại.',
    protected: 'Sổ tính hoặc trang tính đang được khoá (bảo vệ) hoặc chỉ cho đọc. Hãy bỏ khoá (thẻ Xem lại → Bỏ bảo vệ trang tính) hoặc lưu một bản có thể sửa, rồi thử lại.',
    notFound: 'Không tìm thấy trang tính cần dùng; có thể trang vừa bị đổi tên hoặc xoá. Hãy bấm Kiểm tra lại.',
    tooLarge: 'Sổ tính quá lớn để Excel xử lý trong một lần. Hãy xoá các trang không cần thiết hoặc dùng Excel trên máy tính, rồi thử lại.',
    unsupported: 'Phiên bản Excel này chưa hỗ trợ thao tác này. Hãy cập nhật Excel, hoặc dùng Excel trên web.',
    busy: 'Excel đang bận. Hãy đợi vài giây rồi thử lại.',
    unknown: 'Đã xảy ra sự cố ngoài dự kiến. Hãy lưu sổ tính, đóng rồi mở lại bảng XếpLoại và thử lại. Nếu vẫn không được, hãy báo cho người hỗ trợ kèm mã lỗi bên dưới (nếu có).',
  },
  selectNotFound: (place) => `Không tìm thấy ô ${place}: trang tính có thể đã bị đổi tên hoặc xoá sau lần kiểm tra. Hãy bấm Kiểm tra lại.`,
  saveSettingsAfter: 'Thiết lập vẫn được dùng cho lần kiểm tra tới trong bảng này, nhưng người mở sổ tính sau sẽ không thấy. Hãy chọn lại để lưu.',
  loadSettingsAfter: 'Đang dùng thiết lập mặc định.',
  errorCode: (code) => `Mã lỗi: ${code}`,
  dismiss: 'Đóng thông báo',
  clearedTitle: 'Đã xoá đánh dấu',
  cleared: (cells) => `Đã bỏ đánh dấu ở ${cells} ô và trả lại màu nền ban đầu. Các trang kết quả vẫn giữ nguyên.`,
  nothingToClear: 'Không có ô nào đang được đánh dấu.',
  templateTitle: 'Tạo mẫu',
  templateAdded: (sheets) => `Đã thêm ${sheets.length} trang: ${joinNames(sheets, 'và')}. Hãy nhập số liệu vào các trang này rồi bấm Kiểm tra.`,
  templateNothing: 'Sổ tính đã có đủ các trang nhập liệu; không thêm trang nào.',
  combinedTitle: 'Tổng hợp các chi bộ',
  combined: (files, chiBo, errors, warnings) =>
    `Đã tổng hợp ${files} tệp (${chiBo} chi bộ) vào trang “Tổng hợp”; ${errors} lỗi, ${warnings} cảnh báo được liệt kê ở trang “Kiểm tra”.`,
  combineUnreadable: (names) => `Không đọc được ${names.length} tệp (không phải tệp .xlsx hoặc tệp hỏng), đã bỏ qua: ${joinNames(names, 'và')}.`,
  combineNothing: 'Không tệp nào đọc được nên chưa ghi gì vào sổ tính. Hãy chọn các tệp .xlsx của chi bộ.',
  convertedTitle: 'Chuyển sang Unicode',
  converted: (cells) => `Đã chuyển ${cells} ô sang Unicode và kiểm tra lại sổ tính.`,
  nothingToConvert: 'Không còn ô nào gõ bằng bảng mã cũ.',
  ballotTitle: (round) => `Phiếu lần ${round}`,
  ballotWritten: (sheet, names, copies, pages, cap) =>
    `Đã ghi trang “${sheet}”: ${names} đồng chí, ${copies} bản (bằng số đảng viên chính thức có mặt), ${pages} trang A4${cap === null ? '' : `; chọn không quá ${cap} đồng chí`}. Hãy xem trước khi in (Tệp → In).`,
  ballotRefused: (round) => `Chưa in phiếu lần ${round} vì:`,
  minutesTitle: 'Biên bản kiểm phiếu',
  scoreSheetsTitle: 'Phiếu chấm điểm',
  scoreSheetsWritten: (sheet, names, pages) => `Đã ghi trang “${sheet}”: ${names} đồng chí, mỗi đồng chí một trang (${pages} trang A4). Hãy xem trước khi in (Tệp → In).`,
  scoreSheetsRefused: 'Chưa in phiếu chấm điểm vì:',
  paperRefused: 'Sổ này không dùng giấy tờ này:',
  defaultSettingsTitle: 'Thiết lập dùng giá trị mặc định',
  defaultSettingsIntro: (count) => `Sheet “Bộ tiêu chí” chưa ghi ${count} thiết lập nên kết quả dùng giá trị mặc định. Đề nghị đối chiếu hướng dẫn của cấp ủy và ghi giá trị vào ô tương ứng:`,
  defaultSetting: (label, value, place) => `${label}: ${value}${place ? ` (ô ${place})` : ''}`,
  minutesWritten: (errors, warnings) =>
    `Đã lập lại trang “Biên bản kiểm phiếu” từ số liệu hiện có${errors > 0 ? `; còn ${errors} lỗi, ${warnings} cảnh báo: hãy bấm Kiểm tra và sửa trước khi ký` : warnings > 0 ? ` (${warnings} cảnh báo, xem bằng nút Kiểm tra)` : ''}.`,

  summaryTitle: 'Kết quả',
  chiBoLabel: 'Chi bộ',
  chiBoUnnamed: '(chưa ghi tên chi bộ)',
  chiBoLevelLabel: 'Xếp loại chi bộ',
  chiBoNoLevel: 'Chưa xác định được',
  score: (score) => `${score} điểm`,
  noScore: 'chưa có điểm',
  provisional: 'tạm thời',
  membersTitle: (total) => `Đảng viên (${total} người trong danh sách)`,
  memberLevels: {
    HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
    HTTNV: 'Hoàn thành tốt nhiệm vụ',
    HTNV: 'Hoàn thành nhiệm vụ',
    KHTNV: 'Không hoàn thành nhiệm vụ',
  },
  chiBoLevels: {
    TSVM: 'Trong sạch, vững mạnh',
    HTTNV: 'Hoàn thành tốt nhiệm vụ',
    HTNV: 'Hoàn thành nhiệm vụ',
    YK: 'Yếu kém',
    HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
    KHTNV: 'Không hoàn thành nhiệm vụ',
  },
  statuses: {
    classified: 'Đã phân loại',
    'not-classified': 'Không phân loại',
    deferred: 'Phân loại sau',
    undetermined: 'Chưa xác định',
  },
  reasons: reasonWords('vi'),
  figuresN: 'N (đảng viên chính thức)',
  figuresPool: 'HTTNV sau lần bỏ phiếu 1',
  figuresCap: 'Tối đa được HTXSNV',
  figures25: { n: 'Đảng viên được đề xuất xếp loại', pool: 'Đạt từ HTTNV trở lên (trước giới hạn)', cap: 'Tối đa được HTXSNV (tạm tính trong chi bộ)' },
  noMembers: 'Chưa đọc được danh sách đảng viên.',
  errors: (n) => `${n} lỗi`,
  warnings: (n) => `${n} cảnh báo`,
  showInList: 'Xem trong danh sách bên dưới',
  allClear: 'Không tìm thấy lỗi hay cảnh báo nào.',
  memberFiguresTitle: 'Số đảng viên theo mức',
  staleResult: 'Thiết lập đã thay đổi sau lần kiểm tra này. Hãy bấm Kiểm tra để cập nhật kết quả.',

  issuesTitle: 'Lỗi và cảnh báo',
  issuesLabel: 'Danh sách lỗi và cảnh báo, theo trang tính',
  severityGroup: { error: (n) => `Lỗi (${n})`, warning: (n) => `Cảnh báo (${n})` },
  sheetCounts: (errors, warnings) => `${errors} lỗi, ${warnings} cảnh báo`,
  noCell: 'cả trang',
  goToCell: (place) => `Chọn ô ${place}`,
  cellsOf: (cells) => `ô ${cells.join(', ')}`,
  ruleTag: (rule) => `Mã quy tắc ${rule}`,
  showMore: (shown, total) => `Xem thêm (đang hiện ${shown}/${total})`,

  chiBoExplanationTitle: 'Cách tính xếp loại chi bộ',
  membersListTitle: (n) => `Cách tính từng đảng viên (${n})`,
  memberRow: (row) => `dòng ${row}`,

  settingsTitle: 'Thiết lập quy tắc',
  settingsIntro: 'Lưu trong sổ tính: người mở sổ tính sau sẽ dùng cùng thiết lập. Áp dụng từ lần kiểm tra tới.',
  ruleSetLabel: 'Bộ quy tắc',
  defaultValue: 'mặc định',
  settingsLoading: 'Đang đọc thiết lập đã lưu trong sổ tính…',
};

export const en: Messages = {
  htmlLang: 'en',
  appTitle: 'XếpLoại',
  appSubtitle: 'Checks the open workbook of party member and chi bộ ratings and points to the cells to fix.',
  languageLabel: 'Ngôn ngữ / Language',
  languageNames: { vi: 'Tiếng Việt', en: 'English' },

  actionsLabel: 'Actions',
  checkButton: 'Check',
  clearButton: 'Clear flags',
  templateButton: 'Add template',
  combineButton: 'Combine chi bộ workbooks',
  checkHint: 'Checks the whole workbook, flags the cells with problems and writes the result sheets.',
  clearHint: 'Removes every flag and note XếpLoại put on cells; nothing typed changes.',
  templateHint: 'Adds the input sheets the workbook lacks (with dropdowns), the plan and dossier sheets too; existing sheets stay as they are.',
  combineHint: 'Pick the chi bộ .xlsx files on this computer: each is checked, then the Tổng hợp sheet (with a chart) and Kiểm tra are written into the open workbook. The picked files are not changed.',
  convertButton: (cells) => `Convert to Unicode (${cells} ${cells === 1 ? 'cell' : 'cells'})`,
  convertButtonIdle: 'Convert to Unicode',
  meetingLabel: 'Meeting day: ballots and minutes',
  moreButton: 'More',
  moreHint: 'Meeting day (ballots, minutes), templates, combining chi bộ, converting legacy text, clearing flags.',
  groupTitles: {
    meeting: 'Meeting day: ballots and minutes',
    template: 'Input sheets',
    combine: 'Combining at the ward',
    convert: 'Text in a legacy encoding',
    flags: 'Flags on cells',
  },
  convertIdle: 'For when the check finds text typed in a legacy encoding (TCVN3, VNI).',
  ballotButton: (round) => `Ballots, round ${round}`,
  ballotHint: (round) =>
    round === 1
      ? 'Adds the Phiếu lần 1 sheet (form 07-KĐ.ĐV): every member to classify with the HTTNV, HTNV and KHTNV boxes; one copy per official member present, on A4.'
      : 'Adds the Phiếu lần 2 sheet once the round-1 tally is entered: the HTTNV members, one box each, choose at most 15 %.',
  minutesButton: 'Minutes',
  minutesHint: 'Rewrites the Biên bản kiểm phiếu sheet: ballots per round, each member’s result, the 15 % cap and the signatures of the counting committee and the chair.',
  scoreSheetsButton: 'Scoring sheets',
  scoreSheetsHint: 'Adds the Phiếu chấm điểm đảng viên sheet: one A4 page per member, the criteria and maxima of the Bộ tiêu chí sheet, blank columns for the self-score and the chi bộ’s score.',
  convertHint: 'Converts text typed in a legacy encoding (TCVN3/ABC with .VnTime fonts, VNI with VNI-Times fonts) to Unicode and gives those cells a Unicode font; no other cell changes. Then checks again.',

  progressLabel: 'Progress',
  stages: {
    reading: 'Reading the workbook…',
    checking: 'Checking…',
    writing: 'Writing the results…',
    done: 'Done.',
    clearing: 'Clearing the flags…',
    template: 'Adding the template sheets…',
    combining: 'Reading and checking the chi bộ files…',
    converting: 'Converting text to Unicode…',
    ballots: 'Laying out the ballots…',
    minutes: 'Writing the minutes of the count…',
  },
  stageStep: (step, of) => `Step ${step} of ${of}`,

  notInExcelTitle: 'Not open in Excel',
  notInExcelMessage: 'This pane works only inside Excel. Open the workbook in Excel, then press Mở bảng (open the pane) in the Xếp loại group on the Home tab.',
  failureTitles: {
    check: 'The check did not finish',
    clear: 'The flags were not cleared',
    template: 'The template was not added',
    combine: 'The workbooks were not combined',
    convert: 'The text was not converted to Unicode',
    ballots: 'The ballots were not printed',
    minutes: 'The minutes were not written',
    select: 'Could not select the cell',
    loadSettings: 'Could not read the saved settings',
    saveSettings: 'The settings were not saved in the workbook',
  },
  failures: {
    notInExcel: 'Excel cannot be reached. Open the pane inside Excel: Mở bảng in the Xếp loại group on the Home tab.',
    cellEditMode: 'Excel is editing a cell and does not allow changes. Press Enter or Esc to leave the cell, then try again.',
    protected: 'The workbook or sheet is protected or read-only. Unprotect it (Review → Unprotect Sheet) or save an editable copy, then try again.',
    notFound: 'A sheet it needs was not found; it may have just been renamed or deleted. Run the check again.',
    tooLarge: 'The workbook is too large for Excel to handle in one request. Remove sheets you do not need or use Excel on the desktop, then try again.',
    unsupported: 'This version of Excel does not support this action. Update Excel or use Excel on the web.',
    busy: 'Excel is busy. Wait a few seconds and try again.',
    unknown: 'Something unexpected happened. Save the workbook, close and reopen the XếpLoại pane and try again. If it still fails, tell your support person the error code below (if any).',
  },
  selectNotFound: (place) => `Cell ${place} was not found: the sheet may have been renamed or deleted since the check. Run the check again.`,
  saveSettingsAfter: 'The settings are still used for the next check in this pane, but whoever opens the workbook next will not see them. Choose again to save.',
  loadSettingsAfter: 'Using the default settings.',
  errorCode: (code) => `Error code: ${code}`,
  dismiss: 'Dismiss',
  clearedTitle: 'Flags cleared',
  cleared: (cells) => `Removed the flags from ${cells} ${cells === 1 ? 'cell' : 'cells'} and restored their fill. The result sheets stay.`,
  nothingToClear: 'No cell is flagged.',
  templateTitle: 'Template',
  templateAdded: (sheets) => `Added ${sheets.length} ${sheets.length === 1 ? 'sheet' : 'sheets'}: ${joinNames(sheets, 'and')}. Fill them in, then press Check.`,
  templateNothing: 'The workbook already has every input sheet; nothing was added.',
  combinedTitle: 'Chi bộ combined',
  combined: (files, chiBo, errors, warnings) =>
    `Combined ${files} ${files === 1 ? 'file' : 'files'} (${chiBo} chi bộ) into the “Tổng hợp” sheet; ${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} are listed on “Kiểm tra”.`,
  combineUnreadable: (names) => `${names.length} ${names.length === 1 ? 'file' : 'files'} could not be read (not .xlsx, or damaged) and ${names.length === 1 ? 'was' : 'were'} left out: ${joinNames(names, 'and')}.`,
  combineNothing: 'None of the files could be read, so nothing was written. Pick the chi bộ .xlsx files.',
  convertedTitle: 'Convert to Unicode',
  converted: (cells) => `Converted ${cells} ${cells === 1 ? 'cell' : 'cells'} to Unicode and checked the workbook again.`,
  nothingToConvert: 'No cell is left in a legacy encoding.',
  ballotTitle: (round) => `Ballots, round ${round}`,
  ballotWritten: (sheet, names, copies, pages, cap) =>
    `Wrote the “${sheet}” sheet: ${names} ${names === 1 ? 'member' : 'members'}, ${copies} ${copies === 1 ? 'copy' : 'copies'} (the official members present), ${pages} A4 ${pages === 1 ? 'page' : 'pages'}${cap === null ? '' : `; choose at most ${cap}`}. Preview it before printing (File → Print).`,
  ballotRefused: (round) => `The round-${round} ballot was not printed:`,
  minutesTitle: 'Minutes of the count',
  scoreSheetsTitle: 'Scoring sheets',
  scoreSheetsWritten: (sheet, names, pages) => `Wrote the “${sheet}” sheet: ${names} members, one page each (${pages} A4 pages). Preview before printing (File → Print).`,
  scoreSheetsRefused: 'The scoring sheets were not printed:',
  paperRefused: 'This workbook does not use this paper:',
  defaultSettingsTitle: 'Settings used by default',
  defaultSettingsIntro: (count) => `The “Bộ tiêu chí” sheet does not give ${count} setting(s), so the results use the defaults. Check the committee’s guidance and enter the values:`,
  defaultSetting: (label, value, place) => `${label}: ${value}${place ? ` (cell ${place})` : ''}`,
  minutesWritten: (errors, warnings) =>
    `Rewrote the “Biên bản kiểm phiếu” sheet from the figures as they are${errors > 0 ? `; ${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} remain: check and fix them before signing` : warnings > 0 ? ` (${warnings} ${warnings === 1 ? 'warning' : 'warnings'}; see Check)` : ''}.`,

  summaryTitle: 'Results',
  chiBoLabel: 'Chi bộ',
  chiBoUnnamed: '(chi bộ name not entered)',
  chiBoLevelLabel: 'Chi bộ rating',
  chiBoNoLevel: 'Not determined',
  score: (score) => `${score} points`,
  noScore: 'no score yet',
  provisional: 'provisional',
  membersTitle: (total) => `Members (${total} on the roll)`,
  memberLevels: {
    HTXSNV: 'Completed duties excellently',
    HTTNV: 'Completed duties well',
    HTNV: 'Completed duties',
    KHTNV: 'Did not complete duties',
  },
  chiBoLevels: {
    TSVM: 'Clean and strong',
    HTTNV: 'Completed duties well',
    HTNV: 'Completed duties',
    YK: 'Weak',
    HTXSNV: 'Completed duties excellently',
    KHTNV: 'Did not complete duties',
  },
  statuses: {
    classified: 'Classified',
    'not-classified': 'Not classified',
    deferred: 'Deferred',
    undetermined: 'Undetermined',
  },
  reasons: reasonWords('en'),
  figuresN: 'N (official members)',
  figuresPool: 'HTTNV after round 1',
  figuresCap: 'HTXSNV at most',
  figures25: { n: 'Members proposed a level', pool: 'HTTNV or better (before the cap)', cap: 'HTXSNV at most (provisional, this chi bộ)' },
  noMembers: 'The member roll could not be read yet.',
  errors: (n) => `${n} ${n === 1 ? 'error' : 'errors'}`,
  warnings: (n) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
  showInList: 'Show in the list below',
  allClear: 'No errors or warnings found.',
  memberFiguresTitle: 'Members by level',
  staleResult: 'The settings changed after this check. Press Check to update the results.',

  issuesTitle: 'Errors and warnings',
  issuesLabel: 'Errors and warnings, by sheet',
  severityGroup: { error: (n) => `Errors (${n})`, warning: (n) => `Warnings (${n})` },
  sheetCounts: (errors, warnings) => `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  noCell: 'whole sheet',
  goToCell: (place) => `Select cell ${place}`,
  cellsOf: (cells) => `${cells.length === 1 ? 'cell' : 'cells'} ${cells.join(', ')}`,
  ruleTag: (rule) => `Rule ${rule}`,
  showMore: (shown, total) => `Show more (showing ${shown} of ${total})`,

  chiBoExplanationTitle: 'How the chi bộ was rated',
  membersListTitle: (n) => `How each member was rated (${n})`,
  memberRow: (row) => `row ${row}`,

  settingsTitle: 'Rule settings',
  settingsIntro: 'Saved in the workbook: whoever opens it next gets the same settings. Used from the next check.',
  ruleSetLabel: 'Rule set',
  defaultValue: 'default',
  settingsLoading: 'Reading the settings saved in the workbook…',
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { vi, en };

export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The engine writes each issue and explanation in both languages; pick the pane's. */
export function localized(item: { readonly message: string; readonly messageEn: string }, lang: Lang): string {
  return lang === 'en' && item.messageEn ? item.messageEn : item.message;
}

export function localizedExplanation(item: { readonly explanation: string; readonly explanationEn: string }, lang: Lang): string {
  return lang === 'en' && item.explanationEn ? item.explanationEn : item.explanation;
}

/** An option's label as the rule set words it (`label` / `labelEn`). */
export function optionLabel(def: { readonly label: string; readonly labelEn: string }, lang: Lang): string {
  return lang === 'en' && def.labelEn ? def.labelEn : def.label;
}

export const LANGUAGE_STORAGE_KEY = 'xeploai.language';

/** The part of `Storage` the pane uses; a parameter so it can be tested without a browser. */
export interface LanguageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * localStorage, when this page may use it. Reading the property itself throws in some webviews (storage
 * disabled, sandboxed frames), so every access is guarded.
 */
export function browserStorage(): LanguageStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadLanguage(storage: LanguageStorage | null = browserStorage()): Lang {
  try {
    const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLang(saved) ? saved : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function saveLanguage(lang: Lang, storage: LanguageStorage | null = browserStorage()): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Full or forbidden storage: the choice lasts for this session only.
  }
}
