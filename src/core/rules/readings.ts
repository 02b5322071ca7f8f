/**
 * The readings the project fixed where the plan's text leaves a choice (the catalogue's section 9,
 * items 1–21), in Vietnamese and English. They bind the default rule set hd27-2014; docs/RULES.md
 * prints them (`npm run docs:rules`). Only the documentation imports this module: the engine applies
 * the readings in the rules themselves.
 */
import type { RuleId } from './catalogue';

export interface Reading {
  readonly n: number;
  readonly title: string;
  readonly titleEn: string;
  readonly text: string;
  readonly textEn: string;
  /** The rules the reading settles. */
  readonly rules: readonly RuleId[];
}

export const READINGS: readonly Reading[] = [
  {
    n: 1, rules: ['DATA-01', 'CB-07'],
    title: 'Ô có/không để trống', titleEn: 'Empty yes/no cells',
    text: 'Ô có/không để trống nghĩa là "không". Với cột có/không, "bắt buộc" nghĩa là phải có cột; ô trống trong cột không bao giờ là lỗi DATA-01. Riêng các điều kiện xếp loại chi bộ ở sheet Thông tin chi bộ thì khác: để trống là lỗi (CB-07).',
    textEn: 'An empty yes/no cell means "no". For a yes/no column, "required" means the column must exist; an empty cell in it is never a DATA-01 error. The chi bộ conditions of the header are different: an empty one is an error (CB-07).',
  },
  {
    n: 2, rules: ['ELIG-01', 'ELIG-02', 'ELIG-03'],
    title: 'Mỗi đảng viên một lý do', titleEn: 'One reason per member',
    text: 'Mỗi đảng viên chỉ mang một lý do, lý do đầu tiên đúng theo thứ tự: miễn công tác, sinh hoạt; vào Đảng chưa đủ 6 tháng; vắng mặt; chưa kiểm điểm.',
    textEn: 'One reason per member, the first that applies: exempt, admitted under 6 months, absent, no self-review.',
  },
  {
    n: 3, rules: ['MEM-04', 'MEM-06', 'MEM-08', 'VOTE-01', 'VOTE-03', 'DATA-04', 'DATA-08', 'MEM-03'],
    title: '"Chưa xác định" luôn là lỗi', titleEn: 'Undetermined is always an error',
    text: 'Đảng viên "chưa xác định" luôn đi kèm một lỗi và một lý do: không mức nào đủ phiếu (MEM-04); bằng phiếu ở giới hạn 15% (MEM-06); chưa nhập xếp loại CBCCVC hoặc xếp loại CBCCVC không phù hợp (MEM-08); ô phiếu của chính người đó sai (VOTE-01, VOTE-03, DATA-04); chưa có dòng kiểm phiếu (DATA-08). Khi đó không có mức. CBCCVC xếp loại KHTNV chỉ thành KHTNV qua phiếu (MEM-03); nếu không thì là "xếp loại CBCCVC không phù hợp".',
    textEn: "An undetermined member always carries an error and a reason: no decisive vote (MEM-04), a tie at the cap (MEM-06), a missing or conflicting civil-service rating (MEM-08), the member's own vote cells in error (VOTE-01, VOTE-03, DATA-04), no tally row (DATA-08). Its level is none. A civil servant rated KHTNV becomes KHTNV only through the vote (MEM-03); otherwise the rating conflicts.",
  },
  {
    n: 4, rules: ['CB-03', 'CB-06', 'CB-08'],
    title: 'Mức chi bộ khi còn đảng viên chưa xác định', titleEn: 'Chi bộ level with undetermined members',
    text: 'CB-03 và CB-06 chỉ đếm đảng viên đã được phân loại; khi còn đảng viên chưa xác định, kết quả chi bộ kèm cảnh báo là tạm thời (CB-08).',
    textEn: 'CB-03 and CB-06 count classified members only; while any member is undetermined the chi bộ result carries a warning that it is provisional (CB-08).',
  },
  {
    n: 5, rules: ['MEM-06', 'MEM-08'],
    title: 'Cơ số của giới hạn 15%', titleEn: "The cap's base",
    text: 'Cơ số là số đảng viên đạt HTTNV sau lần 1 và sau MEM-08, trước lần 2, tính cả đảng viên dự bị, không tính người chưa xác định: chính là những người được bầu ở lần 2.',
    textEn: 'The number of members whose level is HTTNV after round 1 and after MEM-08, before round 2, probationary members included, undetermined excluded: the pool round 2 chooses from.',
  },
  {
    n: 6, rules: ['MEM-06'],
    title: 'Sau khi bằng phiếu ở giới hạn', titleEn: 'After a tie at the cap',
    text: 'Suất bị vướng do bằng phiếu không chuyển xuống người có ít phiếu hơn; chi bộ quyết định.',
    textEn: 'The place the tie blocks is not passed down; the chi bộ decides.',
  },
  {
    n: 7, rules: ['MEM-05', 'MEM-06', 'MEM-07'],
    title: 'Đủ điều kiện nhưng ngoài giới hạn', titleEn: 'A candidate outside the cap',
    text: 'Người đạt MEM-05 và MEM-07 nhưng nằm ngoài giới hạn 15% giữ mức HTTNV, kèm cảnh báo MEM-06 nêu tên người đó và giới hạn.',
    textEn: 'A candidate who passes MEM-05 and MEM-07 but falls outside the cap stays HTTNV, with a MEM-06 warning naming the candidate and the cap.',
  },
  {
    n: 8, rules: ['VOTE-03', 'VOTE-02'],
    title: 'Cảnh báo phiếu để trống', titleEn: "VOTE-03's blank-ballot warning",
    text: 'Cảnh báo có phiếu để trống của VOTE-03 chỉ áp dụng cho đảng viên được bỏ phiếu (không áp dụng cho người không phân loại hoặc phân loại sau). Số liệu được kiểm tra đúng như đã nhập: tổng sai do VOTE-02 báo, không tự sửa.',
    textEn: "VOTE-03's blank-ballot warning applies only to members voted on (not to those excluded by ELIG-01..03). Counts are checked as entered: a wrong total is reported by VOTE-02 and not corrected.",
  },
  {
    n: 9, rules: ['VOTE-02', 'VOTE-07'],
    title: 'Số phiếu nhiều hơn số người có mặt', titleEn: 'Ballots above members present',
    text: 'Số phiếu vượt số người có mặt do VOTE-02 báo. "Số đảng viên chính thức có mặt" ở phần đầu phải bằng số đảng viên chính thức được đánh dấu có mặt trong danh sách: VOTE-07, lỗi.',
    textEn: 'Ballots above members present is VOTE-02. The header\'s "Số đảng viên chính thức có mặt" must equal the official members marked present on the roll: VOTE-07, error.',
  },
  {
    n: 10, rules: ['CB-01', 'CB-02', 'DATA-09'],
    title: 'Phiếu chấm điểm chi bộ', titleEn: 'Scoring sheets',
    text: 'Phiếu có điểm ngoài khung (CB-01) không được tính vào điểm bình quân; ô tổng người nhập khác tổng tính được (DATA-09) được báo và dùng tổng tính được. Mức chi bộ vẫn được tính khi có lỗi khác; mã thoát của lệnh báo có lỗi.',
    textEn: "A sheet with a score outside its bounds (CB-01) is left out of the mean; a clerk's total that disagrees (DATA-09) is reported and the computed sum is used. A chi bộ level is still produced when other errors exist; the exit status reports the errors.",
  },
  {
    n: 11, rules: ['DATA-08'],
    title: 'Khớp kiểm phiếu với danh sách', titleEn: 'Matching tally to roll',
    text: 'Khớp theo họ tên đã chuẩn hoá — chữ hoa, khoảng trắng, ký tự vô hình (độ rộng bằng 0, dấu cách không ngắt), dạng Unicode, vị trí dấu thanh — không bao giờ chỉ theo số thứ tự; số thứ tự chỉ dùng để phân biệt hai dòng cùng tên. "Nhân" và "Nhẫn" là hai tên khác nhau.',
    textEn: 'By normalised name — case, spacing, invisible characters (zero-width, non-breaking space), Unicode form, tone-mark placement — never by order number alone; order numbers only separate two rows with the same name. "Nhân" and "Nhẫn" are different names.',
  },
  {
    n: 12, rules: ['DATA-02', 'DATA-01'],
    title: 'So khớp nhãn và tên sheet', titleEn: 'Folding for labels and sheet names',
    text: 'Khi so nhãn và tên sheet, mọi dấu được bỏ, kể cả đ/Đ thành d/D. Giá trị trong danh sách cố định phải khớp trọn vẹn sau khi bỏ dấu, không bao giờ khớp một phần ("Hoàn thành nhiệm vụ" không phải "Không hoàn thành nhiệm vụ"). Ô tiêu đề "Tổng" là tên một cột; chỉ dòng có ô chữ đầu tiên là "Tổng"/"Cộng" bên dưới tiêu đề mới kết thúc bảng.',
    textEn: 'Folding removes all diacritics, đ/Đ → d/D included. Values from a fixed list are matched whole after folding, never by prefix or substring ("Hoàn thành nhiệm vụ" is not "Không hoàn thành nhiệm vụ"). A header cell "Tổng" names a column; only a row whose first text cell says "Tổng"/"Cộng" below the header ends a table.',
  },
  {
    n: 13, rules: ['PROC-01', 'PROC-02', 'PROC-03', 'PROC-04', 'PROC-05'],
    title: 'Quy tắc PROC chỉ xét ngày sự kiện', titleEn: 'PROC rules look at event dates only',
    text: 'Các quy tắc PROC chỉ xét ngày của sự kiện (họp, báo cáo, lịch), không xét ngày sinh hay ngày vào Đảng, và chỉ xét những gì sổ tính có: sổ tính không có sheet lịch hay hồ sơ thì không có cảnh báo PROC về phần đó.',
    textEn: 'PROC rules look at event dates only (meeting, report, schedule), never at births or admissions, and only at what the workbook carries: a workbook with no schedule or dossier sheet gets no PROC warning for it.',
  },
  {
    n: 14, rules: ['AGG-01', 'AGG-02', 'AGG-03', 'AGG-04'],
    title: 'Quy tắc AGG chỉ chạy khi tổng hợp', titleEn: 'AGG rules run only when workbooks are combined',
    text: 'Các quy tắc AGG chỉ chạy khi tổng hợp nhiều sổ tính (aggregate, hoặc Tổng hợp các chi bộ trong bảng); kiểm tra nhiều tệp cùng lúc thì mỗi tệp được kiểm tra riêng. Một người ở hai chi bộ là cùng họ tên đã chuẩn hoá và cùng ngày sinh.',
    textEn: 'AGG rules run only when workbooks are combined (aggregate, or the pane\'s combine); check on several files checks each on its own. A person in two chi bộ is the same normalised name and date of birth.',
  },
  {
    n: 15, rules: ['CB-07'],
    title: 'Điều kiện mâu thuẫn', titleEn: 'Contradictory conditions',
    text: 'Hai điều kiện mâu thuẫn (ví dụ cả "đoàn kết" và "mất đoàn kết" đều là có): cảnh báo CB-07.',
    textEn: 'Contradictory conditions (e.g. both "đoàn kết" and "mất đoàn kết" marked yes): warning CB-07.',
  },
  {
    n: 16, rules: ['MEM-09', 'CB-04'],
    title: 'Cột kỷ luật', titleEn: 'The discipline column',
    text: 'Cột "Đang chấp hành kỷ luật" nghĩa là bị kỷ luật trong thời hạn 1 năm (lời của kế hoạch). Ngoại lệ của CB-04 (kỷ luật do chính tổ chức đảng phát hiện và xử lý) được thể hiện bằng cách trả lời "Không" ở điều kiện tương ứng.',
    textEn: 'The column "Đang chấp hành kỷ luật" means under discipline imposed within the last year (the plan\'s words). The CB-04 exception (discipline the party organisation found and handled itself) is expressed by answering "Không" to that condition.',
  },
  {
    n: 17, rules: ['VOTE-05', 'MEM-08'],
    title: 'VOTE-05 dùng kết quả phiếu lần 1', titleEn: 'VOTE-05 uses the round-1 vote result',
    text: 'VOTE-05 dùng kết quả phiếu lần 1, trước khi áp dụng MEM-08.',
    textEn: 'VOTE-05 uses the round-1 vote result, before MEM-08.',
  },
  {
    n: 18, rules: ['ELIG-02'],
    title: 'Sáu tháng tròn', titleEn: 'Six full calendar months',
    text: 'Lấy ngày sau ngày vào Đảng đúng 6 tháng, nếu tháng đó không có ngày ấy thì lấy ngày cuối tháng (31/05 → 30/11); ngày đó trùng hoặc trước ngày họp thì được phân loại.',
    textEn: 'The date six months after admission, clamped to the month\'s end (31/05 → 30/11); on or before the meeting date means classified.',
  },
  {
    n: 19, rules: ['ELIG-04', 'MEM-05'],
    title: 'Đảng viên dự bị', titleEn: 'Probationary members',
    text: 'Đảng viên dự bị có thể đạt HTXSNV như mọi đảng viên trong số được bầu ở lần 2.',
    textEn: 'Probationary members may be HTXSNV like any member in the round-2 pool.',
  },
  {
    n: 20, rules: ['DATA-01', 'VOTE-06', 'CB-01'],
    title: 'Ô số phiếu để trống', titleEn: 'Blank count cells',
    text: 'Ô để trống ở sheet Kiểm phiếu đảng viên nghĩa là không ghi phiếu; tự nó không phải lỗi. Với đảng viên được bỏ phiếu, ô lần 1 trống là 0 khi ít nhất một trong ba ô lần 1 của người đó có số; cả ba ô đều trống thì người đó chưa có kết quả lần 1: một lỗi DATA-01 cho cả dòng, kết quả "chưa xác định". Ô lần 2 trống là 0. Với người không phân loại hoặc phân loại sau, ô trống là đúng như VOTE-06 yêu cầu. Ở sheet Chấm điểm chi bộ, dòng trống mọi điểm không phải phiếu chấm; dòng trống một vài điểm là lỗi (DATA-01 ở từng ô trống) và phiếu đó không được tính vào bình quân, như CB-01.',
    textEn: "Blank cells on the tally mean no vote was recorded there; a blank is never an error by itself. For a member voted on, a blank round-1 cell is 0 when at least one of that member's three round-1 cells holds a count; when all three are blank the member has no round-1 result: one DATA-01 error for the row, status undetermined. A blank round-2 cell is 0. For a member excluded by ELIG-01..03, blank cells are exactly what VOTE-06 asks for. On the scoring sheet a row with every score blank is no sheet; a row with some scores blank is an error (DATA-01 on each blank score) and is left out of the mean, as for CB-01.",
  },
  {
    n: 21, rules: ['DATA-02', 'DATA-03', 'DATA-04', 'VOTE-07', 'VOTE-06', 'CB-08'],
    title: 'Một nguyên nhân, một thông báo', titleEn: 'One cause, one message',
    text: 'Ô vi phạm DATA-02, DATA-03 hoặc DATA-04 không có giá trị: nó là ẩn số, không bao giờ được hiểu theo mặc định ("không", 0, trống). Không quy tắc nào khác báo hệ quả của ẩn số đó, và không thông báo nào khuyên sửa ô khác vì nó. Kết quả có thể khác đi tuỳ cách đọc ô ẩn số thì "chưa xác định" do lỗi nhập liệu (đảng viên) hoặc tạm thời (chi bộ, như CB-08); kết quả như nhau với mọi cách đọc thì giữ nguyên. Ví dụ: gõ "Y" vào cột Có mặt là một lỗi DATA-02; đảng viên đó "chưa xác định" do lỗi nhập liệu, không phải vắng mặt; VOTE-07 so số có mặt ở phần đầu với cả hai cách đọc ô đó và chỉ báo khi không cách nào khớp; VOTE-06 không báo gì.',
    textEn: 'A cell that breaks DATA-02, DATA-03 or DATA-04 has no value: it is unknown, never read as a default ("no", 0, empty). No other rule reports a consequence of that unknown value, and no message advises changing another cell because of it. A result that could differ for some reading of the unknown cells is undetermined with reason input-error (a member) or provisional (the chi bộ, as CB-08); a result that is the same for every reading stands. Example: "Y" typed in "Có mặt" is one DATA-02 error; the member is undetermined (input-error), not absent; VOTE-07 compares the header\'s count with both readings of that cell and reports only when neither matches; VOTE-06 says nothing.',
  },
];
