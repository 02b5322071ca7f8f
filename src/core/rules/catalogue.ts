/**
 * Every rule of the project's catalogue (docs/RULES.md, generated from this metadata by
 * `npm run docs:rules`), by its stable ID, with the seed section it comes from. The IDs are used
 * verbatim in issues, reports, flags and test names. Each family module (data.ts, …) adds its checks;
 * this file is only the metadata, so a rule's ID can be shown even where its check lives in the reader.
 */
import type { Severity } from '../severity';

export const RULE_IDS = [
  'ELIG-01', 'ELIG-02', 'ELIG-03', 'ELIG-04',
  'VOTE-01', 'VOTE-02', 'VOTE-03', 'VOTE-04', 'VOTE-05', 'VOTE-06', 'VOTE-07',
  'MEM-01', 'MEM-02', 'MEM-03', 'MEM-04', 'MEM-05', 'MEM-06', 'MEM-07', 'MEM-08', 'MEM-09', 'MEM-10',
  'CB-01', 'CB-02', 'CB-03', 'CB-04', 'CB-05', 'CB-06', 'CB-07', 'CB-08',
  'LEAD-01', 'LEAD-02',
  'AGG-01', 'AGG-02', 'AGG-03', 'AGG-04',
  'PROC-01', 'PROC-02', 'PROC-03', 'PROC-04', 'PROC-05',
  'DATA-01', 'DATA-02', 'DATA-03', 'DATA-04', 'DATA-05', 'DATA-06', 'DATA-07', 'DATA-08', 'DATA-09',
  // Rule set hd43-2025 (RULES-2025.md).
  'ELIG25-01',
  'M25-01', 'M25-02', 'M25-03', 'M25-04',
  'M25-10', 'M25-11', 'M25-12', 'M25-13', 'M25-14', 'M25-15', 'M25-16', 'M25-17',
  'M25-20', 'M25-30',
  'CB25-01', 'CB25-02', 'CB25-03', 'CB25-04', 'CB25-05',
  'CFG25-01', 'CFG25-02',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
export type RuleFamily = 'ELIG' | 'VOTE' | 'MEM' | 'CB' | 'LEAD' | 'AGG' | 'PROC' | 'DATA' | 'ELIG25' | 'M25' | 'CB25' | 'CFG25';

export interface RuleMeta {
  readonly id: RuleId;
  /** The severity the rule reports by default; some rules also report the other one (e.g. VOTE-03). */
  readonly severity: Severity;
  /** Where in the seed plan the rule comes from ("III.1.3.a"), or the spec section for data rules. */
  readonly seed: string;
  readonly title: string;
  readonly titleEn: string;
  /** What the rule asks, in a sentence or two (RULE_DESCRIPTIONS; the registry fills it in). */
  readonly description?: string;
  readonly descriptionEn?: string;
}

export function familyOf(id: RuleId): RuleFamily {
  return id.slice(0, id.indexOf('-')) as RuleFamily;
}

/** A rule's longer explanation, for people: what it asks and what happens when it is broken. */
export interface RuleDescription {
  readonly description: string;
  readonly descriptionEn: string;
}

/**
 * The description of every rule, in Vietnamese and English, restating the project's rule catalogue
 * (docs/RULES.md is generated from these and the families' titles: `npm run docs:rules`). Thresholds
 * are those of rule set hd27-2014; another rule set reads its own numbers (src/core/ruleSets).
 */
export const RULE_DESCRIPTIONS: Readonly<Record<RuleId, RuleDescription>> = {
  'ELIG-01': {
    description: 'Đảng viên được miễn công tác và sinh hoạt đảng không kiểm điểm, không phân loại: kết quả "không phân loại", lý do "miễn công tác, sinh hoạt".',
    descriptionEn: 'Members exempt from party work and activities are neither reviewed nor classified: status not-classified, reason exempt.',
  },
  'ELIG-02': {
    description: 'Đảng viên vào Đảng chưa đủ 6 tháng tròn tính đến ngày họp đánh giá của chi bộ thì không phân loại. Vào Đảng ngày 05/6/2017, họp ngày 05/12/2017 là vừa đủ 6 tháng: được phân loại.',
    descriptionEn: "Members admitted fewer than 6 full calendar months before the chi bộ's classification meeting are not classified. Admitted 05/06/2017, meeting 05/12/2017 is exactly 6 months: classified.",
  },
  'ELIG-03': {
    description: 'Đảng viên chưa làm bản kiểm điểm (mẫu 01-KĐ.ĐV) hoặc vắng mặt tại cuộc họp thì chưa phân loại ở cuộc họp này: kết quả "phân loại sau".',
    descriptionEn: 'A member without a self-review (form 01-KĐ.ĐV), or absent from the meeting, is not classified at this meeting: status deferred.',
  },
  'ELIG-04': {
    description: 'Đảng viên dự bị được phân loại như đảng viên chính thức nhưng không bỏ phiếu; vì vậy số phiếu không bao giờ vượt số đảng viên chính thức có mặt.',
    descriptionEn: 'Probationary members are classified like official members but do not vote, so the ballots never exceed the official members present.',
  },
  'VOTE-01': {
    description: 'Mọi số phiếu, số người là số nguyên không âm; chữ, số âm, số lẻ là lỗi.',
    descriptionEn: 'Every count of ballots or people is a whole number ≥ 0; text, negative or fractional numbers are errors.',
  },
  'VOTE-02': {
    description: 'Số phiếu hợp lệ ≤ số phiếu thu về ≤ số phiếu phát ra ≤ số đảng viên chính thức có mặt ≤ số đảng viên chính thức trong danh sách (không kể người miễn sinh hoạt).',
    descriptionEn: 'Valid ≤ returned ≤ issued ballots ≤ official members present ≤ official members on the roll (exempt members excluded).',
  },
  'VOTE-03': {
    description: 'Với mỗi đảng viên, tổng phiếu lần 1 (HTTNV + HTNV + KHTNV) không được vượt số phiếu hợp lệ lần 1 (lỗi); ít hơn nghĩa là có phiếu để trống đảng viên đó (cảnh báo).',
    descriptionEn: "For each member, round-1 HTTNV + HTNV + KHTNV votes ≤ round-1 valid ballots (error); fewer means some ballots left the member blank (warning).",
  },
  'VOTE-04': {
    description: 'Phiếu lần 1 không có ô Hoàn thành xuất sắc nhiệm vụ: số ghi vào cột HTXSNV của lần 1 là lỗi.',
    descriptionEn: 'The round-1 ballot has no HTXSNV box: an entry in a round-1 HTXSNV column is an error.',
  },
  'VOTE-05': {
    description: 'Lần 2 chỉ ghi phiếu cho đảng viên đạt Hoàn thành tốt nhiệm vụ theo kết quả lần 1; phiếu lần 2 của người khác là lỗi. Phiếu lần 2 của mỗi người ≤ số phiếu hợp lệ lần 2.',
    descriptionEn: 'Round-2 votes are recorded only for members whose round-1 result is HTTNV; round-2 votes for anyone else are an error. Round-2 votes ≤ round-2 valid ballots.',
  },
  'VOTE-06': {
    description: 'Đảng viên không phân loại hoặc phân loại sau (miễn sinh hoạt, chưa đủ 6 tháng, vắng mặt, chưa kiểm điểm) không được có phiếu.',
    descriptionEn: 'A member not classified or deferred (exempt, under 6 months, absent, no self-review) must have no votes recorded.',
  },
  'VOTE-07': {
    description: '"Số đảng viên chính thức có mặt" ở sheet Thông tin chi bộ phải bằng số đảng viên chính thức được đánh dấu có mặt trong danh sách.',
    descriptionEn: "The header's count of official members present equals the official members marked present on the roll.",
  },
  'MEM-01': {
    description: 'Lần 1: đảng viên đạt Hoàn thành tốt nhiệm vụ khi số phiếu HTTNV trên 1/2 số đảng viên chính thức N.',
    descriptionEn: 'Round 1: HTTNV when HTTNV votes are more than half of N, the official members.',
  },
  'MEM-02': {
    description: 'Lần 1: nếu không đạt HTTNV, đảng viên đạt Hoàn thành nhiệm vụ khi phiếu HTTNV cộng phiếu HTNV trên 1/2 N (phiếu cho mức cao hơn cũng là tán thành mức thấp hơn). Tuỳ chọn: chỉ tính phiếu HTNV.',
    descriptionEn: 'Round 1: otherwise HTNV when HTTNV + HTNV votes are more than half of N (a vote for a higher level also approves the lower one). Option: HTNV votes alone.',
  },
  'MEM-03': {
    description: 'Lần 1: đảng viên Không hoàn thành nhiệm vụ khi số phiếu KHTNV trên 1/2 N.',
    descriptionEn: 'Round 1: KHTNV when KHTNV votes are more than half of N.',
  },
  'MEM-04': {
    description: 'Không mức nào ở lần 1 đạt trên 1/2 N: kết quả "chưa xác định", chi bộ phải bỏ phiếu lại.',
    descriptionEn: 'No round-1 level has more than half of N: the member is undetermined and the chi bộ must vote again.',
  },
  'MEM-05': {
    description: 'Lần 2, trong số đảng viên đạt HTTNV sau lần 1: đảng viên đạt Hoàn thành xuất sắc nhiệm vụ khi số phiếu trên 2/3 N.',
    descriptionEn: 'Round 2, among members who are HTTNV after round 1: HTXSNV needs more than 2/3 of N.',
  },
  'MEM-06': {
    description: 'Số đảng viên HTXSNV không quá 15% số đảng viên HTTNV sau lần 1 (100 × HTXSNV ≤ 15 × HTTNV; 7 người HTTNV cho phép 1, 6 người cho phép 0). Người đủ điều kiện được chọn theo số phiếu lần 2 từ cao xuống; người ngoài giới hạn giữ HTTNV; bằng phiếu đúng ở giới hạn thì những người bằng phiếu "chưa xác định", chi bộ quyết định. Tuỳ chọn: tính trên toàn Đảng bộ (AGG-03).',
    descriptionEn: 'HTXSNV members at most 15 % of the HTTNV members after round 1 (100 × HTXSNV ≤ 15 × HTTNV; 7 HTTNV allow 1, 6 allow 0). Candidates are taken by round-2 votes, highest first; those outside the cap stay HTTNV; a tie across the cap leaves the tied candidates undetermined for the chi bộ to decide. Option: over the whole ward (AGG-03).',
  },
  'MEM-07': {
    description: 'Đảng viên là cán bộ, công chức, viên chức đang công tác chỉ được HTXSNV khi có ít nhất một căn cứ: xếp loại CBCCVC năm đó HTXSNV; được đề nghị Chiến sỹ thi đua cơ sở; có Bằng khen cấp Bộ, Tỉnh. Không có căn cứ thì giữ HTTNV, kèm cảnh báo.',
    descriptionEn: 'A serving civil servant can be HTXSNV only with a ground: civil-service rating HTXSNV that year, proposed for grassroots emulation fighter, or a ministry- or province-level certificate of merit. Otherwise the member stays HTTNV, with a warning.',
  },
  'MEM-08': {
    description: 'Với CBCCVC đang công tác, mức đảng viên phải phù hợp xếp loại CBCCVC: HTTNV cần CBCCVC từ HTTNV trở lên; HTNV cần từ "HTNV nhưng còn hạn chế về năng lực" trở lên. Phiếu cho mức cao hơn mức xếp loại cho phép thì lấy mức cao nhất được phép (cảnh báo); không mức nào phù hợp, hoặc chưa nhập xếp loại CBCCVC, thì "chưa xác định".',
    descriptionEn: "For a serving civil servant the party level agrees with the civil-service rating: HTTNV needs HTTNV or better, HTNV needs HTNV-HCNL or better. A vote above what the rating allows gives the highest level allowed (warning); no fitting level, or no rating entered, leaves the member undetermined.",
  },
  'MEM-09': {
    description: 'Căn cứ xếp loại Không hoàn thành nhiệm vụ: đang chấp hành kỷ luật trong 1 năm; không hoàn thành nhiệm vụ chi bộ giao; xếp loại CBCCVC không hoàn thành nhiệm vụ; vi phạm điều đảng viên không được làm; không chấp hành phân công, gây mất đoàn kết. Có căn cứ mà kết quả phiếu không phải KHTNV, hoặc KHTNV mà không ghi căn cứ: cảnh báo.',
    descriptionEn: 'Grounds for KHTNV: under discipline within the last year; did not complete the tasks the chi bộ assigned; civil-service rating KHTNV; violated what members must not do; refused assignments or caused disunity. A ground with a vote result other than KHTNV, or KHTNV with no ground recorded: warning.',
  },
  'MEM-10': {
    description: 'Cán bộ lãnh đạo, quản lý kiểm điểm trước các đảng viên khác; kiểm điểm tập thể trước kiểm điểm cá nhân. Chỉ kiểm tra khi sổ tính có ngày hoặc thứ tự kiểm điểm.',
    descriptionEn: 'Leaders and managers are reviewed before the other members, collectives before individuals. Checked only where the workbook gives dates or order numbers.',
  },
  'CB-01': {
    description: 'Mỗi điểm chấm chi bộ (mẫu 03-KĐ.ĐV) từ 0 đến điểm tối đa của tiêu chí (40, 20, 15, 15, 10; được chấm nửa điểm). Phiếu có điểm ngoài khung không được tính vào điểm bình quân.',
    descriptionEn: "Each score (form 03-KĐ.ĐV) lies from 0 to its criterion's maximum (40, 20, 15, 15, 10; halves allowed). A sheet with a score out of bounds is left out of the mean.",
  },
  'CB-02': {
    description: 'Tổng của một phiếu chấm là tổng năm tiêu chí; điểm của chi bộ là bình quân tổng điểm các phiếu hợp lệ. Số phiếu chấm không vượt số đảng viên có mặt.',
    descriptionEn: "A scoring sheet's total is the sum of its five scores; the chi bộ's score is the mean of the valid sheets' totals. Sheets ≤ members present.",
  },
  'CB-03': {
    description: 'Chi bộ Trong sạch, vững mạnh: điểm từ 90 trở lên và đủ các điều kiện: đoàn kết, hoàn thành xuất sắc nhiệm vụ chính trị; sinh hoạt đúng quy định; mọi đảng viên được phân loại từ HTNV trở lên; chính quyền, Mặt trận, đoàn thể xếp loại mức cao nhất.',
    descriptionEn: 'TSVM: score ≥ 90 and all of: united and political task completed excellently; meetings held as required; every classified member HTNV or better; government, Front and mass organisations rated at their highest level.',
  },
  'CB-04': {
    description: 'Chi bộ Hoàn thành tốt nhiệm vụ: điểm từ 70 đến dưới 90 (hoặc từ 90 mà không đủ điều kiện TSVM) và đủ các điều kiện: đoàn kết, hoàn thành tốt nhiệm vụ chính trị; không có cấp ủy viên, cán bộ chủ chốt bị kỷ luật; chính quyền, Mặt trận, đoàn thể xếp loại từ mức cao thứ hai trở lên.',
    descriptionEn: 'HTTNV: score 70 to < 90 (or ≥ 90 without TSVM) and all of: united and political task completed well; no committee member or key official disciplined; those organisations rated second-highest or better.',
  },
  'CB-05': {
    description: 'Chi bộ Hoàn thành nhiệm vụ: điểm từ 50 đến dưới 70, hoặc từ 70 mà không đủ điều kiện HTTNV.',
    descriptionEn: 'HTNV: score 50 to < 70, or ≥ 70 without the conditions of HTTNV.',
  },
  'CB-06': {
    description: 'Chi bộ Yếu kém: điểm dưới 50, hoặc (bất kể điểm) có một trong các trường hợp: nội bộ mất đoàn kết; có đảng viên bị kỷ luật do tham nhũng, tiêu cực, suy thoái; từ 2 tổ chức Mặt trận, đoàn thể trở lên xếp loại thấp nhất; quá nửa số đảng viên được phân loại là KHTNV. Mức Yếu kém thay mọi mức khác.',
    descriptionEn: 'YK: score < 50, or, whatever the score: internal disunity; a member disciplined for corruption or degradation; two or more Front or mass organisations at the lowest level; more than half the classified members KHTNV. YK overrides every other level.',
  },
  'CB-07': {
    description: 'Điều kiện xếp loại chi bộ ở sheet Thông tin chi bộ phải được nhập: để trống là lỗi, không được hiểu ngầm là "không"; hai điều kiện mâu thuẫn nhau (ví dụ vừa đoàn kết vừa mất đoàn kết) là cảnh báo.',
    descriptionEn: 'The chi bộ conditions must be entered: an empty one is an error, never a silent "no"; two conditions that contradict each other are a warning.',
  },
  'CB-08': {
    description: 'Khi còn đảng viên "chưa xác định", mức của chi bộ chỉ là tạm thời: cảnh báo.',
    descriptionEn: "While any member is undetermined, the chi bộ's level is provisional: warning.",
  },
  'LEAD-01': {
    description: 'Phiếu biểu quyết cán bộ lãnh đạo, quản lý (mẫu 04-ĐG.CBLĐQL) được tổng hợp theo từng mức với tỷ lệ trên số phiếu hợp lệ (mẫu 05-ĐG.CBLĐQL); số phiếu của mỗi người không vượt số phiếu hợp lệ.',
    descriptionEn: "Leaders' ballots (form 04-ĐG.CBLĐQL) are tallied per level with the share of valid ballots (form 05-ĐG.CBLĐQL); each leader's votes ≤ valid ballots.",
  },
  'LEAD-02': {
    description: 'Ủy viên Ban Thường vụ chỉ được lấy phiếu tại hội nghị Ban Chấp hành; Phó Chủ tịch HĐND và người đứng đầu đoàn thể tại nơi mình lãnh đạo. Một người được lấy phiếu ở hai nơi: cảnh báo.',
    descriptionEn: 'Standing-committee members are voted at the executive committee only; the deputy chair of the People\'s Council and heads of mass organisations where they lead. A leader voted in two places: warning.',
  },
  'AGG-01': {
    description: 'Khi tổng hợp toàn Đảng bộ: đếm đảng viên theo từng mức và theo lý do không phân loại, với tỷ lệ trên số đảng viên được phân loại; đếm chi bộ theo từng mức, với tỷ lệ (mẫu 04-, 05-KĐ.ĐV).',
    descriptionEn: 'The ward summary counts members by level and by reason not classified, with percentages of members classified, and chi bộ by level, with percentages (forms 04- and 05-KĐ.ĐV).',
  },
  'AGG-02': {
    description: 'Chi bộ Trong sạch, vững mạnh tiêu biểu được khen thưởng không quá 20% số chi bộ TSVM (100 × tiêu biểu ≤ 20 × TSVM).',
    descriptionEn: 'Exemplary TSVM chi bộ chosen for commendation are at most 20 % of the TSVM chi bộ (100 × exemplary ≤ 20 × TSVM).',
  },
  'AGG-03': {
    description: 'Khi chọn tuỳ chọn phạm vi "toàn Đảng bộ" của MEM-06, giới hạn 15% HTXSNV được áp dụng trên toàn Đảng bộ lúc tổng hợp.',
    descriptionEn: "With MEM-06's ward-scope option, the 15 % HTXSNV cap is applied over the whole ward when results are combined.",
  },
  'AGG-04': {
    description: 'Chi bộ có trong lịch của kế hoạch mà chưa có kết quả: cảnh báo. Một đảng viên (cùng họ tên và ngày sinh) có tên ở hai chi bộ: lỗi.',
    descriptionEn: "A chi bộ in the plan's schedule with no results: warning. A member (same name and date of birth) in two chi bộ: error.",
  },
  'PROC-01': {
    description: 'Mọi ngày của sự kiện (họp, báo cáo, lịch) thuộc năm đánh giá hoặc những tuần đầu năm sau (đến hết 31/01); ngày như "07/12/2016" trong kế hoạch năm 2017 là nhầm lẫn: cảnh báo.',
    descriptionEn: 'Every event date (meeting, report, schedule) lies in the assessment year or the first weeks of the next (to 31/01); a slip such as "07/12/2016" in the 2017 plan is a warning.',
  },
  'PROC-02': {
    description: 'Ngày họp của chi bộ trùng với ngày trong lịch của kế hoạch (mục IV.7), khi sổ tính có lịch: cảnh báo nếu khác.',
    descriptionEn: "The chi bộ's meeting date matches the plan's schedule (IV.7) where the workbook carries it: warning otherwise.",
  },
  'PROC-03': {
    description: 'Chi bộ báo cáo kết quả lên Ban Thường vụ Đảng ủy chậm nhất 2 ngày sau cuộc họp (mục IV.8): cảnh báo nếu chậm.',
    descriptionEn: 'The chi bộ reports to the standing committee within 2 days of its meeting (IV.8): warning when late.',
  },
  'PROC-04': {
    description: 'Dự thảo báo cáo kiểm điểm của tập thể được gửi đến các thành viên ít nhất 3 ngày trước buổi kiểm điểm (mục II.3.1.a): cảnh báo nếu muộn hơn.',
    descriptionEn: "A collective's draft report reaches its members at least 3 days before the review (II.3.1.a): warning otherwise.",
  },
  'PROC-05': {
    description: 'Hồ sơ của chi bộ gửi Ban Thường vụ có đủ các văn bản của mục IV.8, hồ sơ cán bộ lãnh đạo, quản lý đủ các văn bản của mục IV.5; thiếu văn bản nào thì cảnh báo, nêu tên mẫu.',
    descriptionEn: "The chi bộ's dossier holds the documents of IV.8, the leaders' dossier those of IV.5; a missing one is a warning naming its form.",
  },
  'DATA-01': {
    description: 'Thiếu sheet, thiếu cột hoặc ô bắt buộc để trống: lỗi, nêu tên mẫu và ô. Cột có/không chỉ cần có cột; ô trống nghĩa là "không".',
    descriptionEn: 'A required sheet, column or header field is missing or empty: error naming the form and cell. A yes/no column need only exist; an empty cell means "no".',
  },
  'DATA-02': {
    description: 'Giá trị thuộc danh sách cố định (mức xếp loại, có/không, chính thức/dự bị) được đọc bất kể chữ hoa, khoảng trắng, dấu hay chữ viết tắt thông dụng (HTTNV, x, có); giá trị khác là lỗi, kèm các giá trị được chấp nhận.',
    descriptionEn: 'A value from a fixed list (levels, yes/no, official/probationary) is read whatever its case, spacing, diacritics or usual abbreviation (HTTNV, x, có); anything else is an error listing the accepted values.',
  },
  'DATA-03': {
    description: 'Ngày ghi theo ngày/tháng/năm. Ngày của Excel được giữ nguyên; chữ như 01/12/2017 đọc ngày trước; chữ không thể là ngày, hoặc ngày sau ngày họp, là lỗi.',
    descriptionEn: 'Dates are day/month/year. A real Excel date is taken as is; text such as 01/12/2017 is read day-first; text that cannot be a date, or a date after the meeting, is an error.',
  },
  'DATA-04': {
    description: 'Ô chứa lỗi công thức (#N/A, #VALUE!, #REF! …) là lỗi.',
    descriptionEn: 'A cell holding a formula error (#N/A, #VALUE!, #REF! …) is an error.',
  },
  'DATA-05': {
    description: 'Cùng một người (họ tên và ngày sinh) có hai dòng trong danh sách: lỗi.',
    descriptionEn: 'The same person (name and date of birth) twice in a roll: error.',
  },
  'DATA-06': {
    description: 'Chữ gõ bằng bảng mã cũ (TCVN3/ABC, VNI) được nhận ra: cảnh báo, kèm chữ Unicode tương ứng; có thể chuyển sang Unicode bằng một lần bấm mà không đổi gì khác.',
    descriptionEn: 'Text in a legacy Vietnamese encoding (TCVN3/ABC, VNI) is detected: warning with the Unicode text it stands for; one click converts it and changes nothing else.',
  },
  'DATA-07': {
    description: 'Ô gộp hoặc dòng, cột bị ẩn trong bảng dữ liệu: cảnh báo.',
    descriptionEn: 'Merged cells, or hidden rows or columns, inside a data table: warning.',
  },
  'DATA-08': {
    description: 'Mỗi người trong kiểm phiếu phải có trong danh sách, và mỗi người được phân loại phải có dòng kiểm phiếu; khớp theo họ tên đã chuẩn hoá (chữ hoa, khoảng trắng, dạng Unicode, vị trí dấu "Hòa"/"Hoà"). Không khớp là lỗi, nêu cả hai nơi.',
    descriptionEn: 'Every member in the tally is on the roll and every member to be classified has a tally row, matched by normalised name (case, spacing, Unicode form, tone-mark placement "Hòa"/"Hoà"). A mismatch is an error naming both places.',
  },
  'DATA-09': {
    description: 'Ô tổng do người nhập (tổng điểm của phiếu chấm, tổng phiếu) khác với tổng tính được: lỗi, nêu cả hai số; XếpLoại dùng tổng tính được.',
    descriptionEn: 'A total entered by the clerk (a scoring sheet\'s total, a vote total) that differs from the computed sum: error showing both numbers; the computed sum is used.',
  },
  'ELIG25-01': {
    description: "Đảng viên đang bị đình chỉ sinh hoạt đảng không được xếp loại: kết quả \"không phân loại\", lý do \"đình chỉ sinh hoạt đảng\". Cấp ủy viên chỉ bị đình chỉ sinh hoạt cấp ủy vẫn được xếp loại.",
    descriptionEn: "A member suspended from party activity is not classified (status not-classified, reason suspended). A committee member suspended only from the committee is classified.",
  },
  'M25-01': {
    description: "Mỗi đảng viên được chấm trên 100 điểm: nhóm tiêu chí chung tối đa 30 điểm, nhóm kết quả thực hiện nhiệm vụ tối đa 70 điểm. Một nhóm cộng vượt tối đa là lỗi.",
    descriptionEn: "Each member is scored out of 100: common criteria at most 30, task results at most 70. A group adding up to more than its maximum is an error.",
  },
  'M25-02': {
    description: "Tiêu chí trong mỗi nhóm và điểm tối đa của chúng theo bảng của đảng ủy trong sheet \"Bộ tiêu chí\"; không có bảng thì mỗi nhóm một tiêu chí (30 và 70).",
    descriptionEn: "The criteria in each group and their maxima are the rows of the committee's table on the criteria sheet (Bộ tiêu chí); without a table, one criterion per group (30 and 70).",
  },
  'M25-03': {
    description: "Mỗi điểm là số từ 0 đến điểm tối đa của tiêu chí, theo bước điểm (mặc định 0,5). Ô điểm trống hoặc không phải số làm điểm của đảng viên chưa xác định, không bao giờ coi là 0. Tổng do người nhập khác tổng tính được: XếpLoại dùng tổng tính được (DATA-09).",
    descriptionEn: "Each score is a number from 0 to its criterion's maximum, in steps (0.5 by default). An empty or unreadable score leaves the member's score unknown, never 0. A typed total that differs from the sum: the sum is used (DATA-09).",
  },
  'M25-04': {
    description: "Số nhiệm vụ được giao, hoàn thành đúng hạn, vượt yêu cầu, số hạn chế được chỉ ra và đã khắc phục là số nguyên không âm, với vượt yêu cầu ≤ đúng hạn ≤ được giao và đã khắc phục ≤ được chỉ ra. Không được giao nhiệm vụ nào thì mọi điều kiện về tỷ lệ đều đạt.",
    descriptionEn: "Tasks assigned, completed on time and beyond requirements, shortcomings pointed out and fixed are whole numbers ≥ 0 with beyond ≤ on time ≤ assigned and fixed ≤ pointed out. No task assigned meets every percentage condition.",
  },
  'M25-10': {
    description: "Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm, mọi nhiệm vụ hoàn thành đúng hạn, ít nhất 30 % nhiệm vụ vượt yêu cầu (100 × vượt ≥ 30 × được giao) và khắc phục hết hạn chế, khuyết điểm được chỉ ra.",
    descriptionEn: "HTXSNV: 90 points or more, every task on time, at least 30 % beyond requirements (100 × beyond ≥ 30 × assigned), every shortcoming fixed.",
  },
  'M25-11': {
    description: "Hoàn thành tốt nhiệm vụ: từ 70 điểm và mọi nhiệm vụ hoàn thành đúng hạn.",
    descriptionEn: "HTTNV: 70 points or more and every task on time.",
  },
  'M25-12': {
    description: "Hoàn thành nhiệm vụ: từ 50 điểm (đảng ủy có thể nâng mức này bằng \"Điểm dưới mức KHTNV\").",
    descriptionEn: "HTNV: 50 points or more (the committee may raise the bar with the setting Điểm dưới mức KHTNV).",
  },
  'M25-13': {
    description: "Không hoàn thành nhiệm vụ: dưới 50 điểm (hoặc dưới mức đảng ủy đặt), hoặc có một căn cứ của M25-14 bất kể điểm.",
    descriptionEn: "KHTNV: below 50 points (or the committee's bar), or any ground of M25-14 whatever the score.",
  },
  'M25-14': {
    description: "Căn cứ không hoàn thành nhiệm vụ bất kể điểm: bị kỷ luật trong năm, bị kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hóa\", xếp loại CBCCVC không hoàn thành nhiệm vụ, vi phạm điều đảng viên không được làm. Kết quả nêu căn cứ.",
    descriptionEn: "Grounds for KHTNV whatever the score: disciplined in the year, concluded to show degradation, a civil-service rating of KHTNV, violating what members must not do. The result names the ground.",
  },
  'M25-15': {
    description: "Đảng viên được mức cao nhất mà cả khung điểm và điều kiện đều đạt; điều kiện chưa đạt được nêu trong lời giải thích (92 điểm nhưng chỉ 20 % nhiệm vụ vượt mức → Hoàn thành tốt nhiệm vụ).",
    descriptionEn: "A member gets the highest level whose band and conditions both hold; an unmet condition is named in the explanation (92 points but 20 % beyond requirements → HTTNV).",
  },
  'M25-16': {
    description: "Nghỉ ốm từ 3 tháng trở lên trong năm (cộng dồn): tối đa Hoàn thành nhiệm vụ. Nghỉ thai sản: đánh giá theo thời gian thực tế làm việc, không giới hạn mức.",
    descriptionEn: "Sick leave of 3 months or more in the year in total: at most HTNV. Maternity leave: assessed on the time worked, no cap.",
  },
  'M25-17': {
    description: "Cán bộ, công chức, viên chức chỉ được Hoàn thành xuất sắc nhiệm vụ khi xếp loại CBCCVC là Hoàn thành xuất sắc nhiệm vụ; mức đảng viên cao hơn xếp loại CBCCVC là cảnh báo nêu cả hai.",
    descriptionEn: "A civil servant can be HTXSNV only with a civil-service rating of HTXSNV; a party level above the civil-service rating is a warning naming both.",
  },
  'M25-20': {
    description: "Số đảng viên Hoàn thành xuất sắc nhiệm vụ không quá 20 % số Hoàn thành tốt nhiệm vụ trở lên trong toàn Đảng bộ (mặc định; tỷ lệ và phạm vi do đảng ủy đặt). Chọn theo điểm từ cao xuống; bằng điểm ở ngưỡng thì chưa xác định; người không được chọn là Hoàn thành tốt nhiệm vụ. Sổ của một chi bộ chỉ cho thấy giới hạn tạm tính theo riêng chi bộ.",
    descriptionEn: "HTXSNV members at most 20 % of those at HTTNV or above across the ward (default; the committee sets percentage and scope). Chosen by score, highest first; a tie at the cap is undetermined; those not taken are HTTNV. One chi bộ's workbook shows only its own provisional cap.",
  },
  'M25-30': {
    description: "Sổ vẫn giữ bảng kiểm phiếu: đảng viên có đa số phiếu khác mức theo điểm được cảnh báo; mức theo điểm là mức đề xuất.",
    descriptionEn: "Where the workbook keeps a tally, a member whose majority vote differs from the score's level gets a warning; the score's level is the proposal.",
  },
  'CB25-01': {
    description: "Chi bộ được chấm trên 100 điểm (30 + 70) theo bảng tiêu chí chi bộ trong \"Bộ tiêu chí\"; mặc định điểm là trung bình các phiếu của đảng viên có mặt, hoặc điểm chi ủy nhập nếu đảng ủy chọn.",
    descriptionEn: "The chi bộ is scored out of 100 (30 + 70) on its own criteria; by default the mean of the sheets of the members present, or the chi ủy's score if the committee chose so.",
  },
  'CB25-02': {
    description: "Chi bộ Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm, mọi nhiệm vụ đúng hạn, ít nhất 30 % vượt yêu cầu, không cấp ủy viên hay tổ chức trực thuộc nào bị kỷ luật; mặc định thêm: mọi đảng viên được xếp loại từ Hoàn thành nhiệm vụ trở lên, ít nhất 80 % từ Hoàn thành tốt nhiệm vụ, chính quyền, Mặt trận, đoàn thể từ Hoàn thành tốt nhiệm vụ.",
    descriptionEn: "Chi bộ HTXSNV: 90+, all tasks on time, 30 % beyond, no committee member or subordinate body disciplined; by default also every classified member HTNV or better, 80 % HTTNV or better, and the government, Front and mass organisations HTTNV or better.",
  },
  'CB25-03': {
    description: "Chi bộ Hoàn thành tốt nhiệm vụ: từ 70 điểm và mọi nhiệm vụ hoàn thành đúng hạn.",
    descriptionEn: "Chi bộ HTTNV: 70+ and every task on time.",
  },
  'CB25-04': {
    description: "Chi bộ Hoàn thành nhiệm vụ: từ 50 điểm, hoàn thành mọi nhiệm vụ, không quá 20 % chậm hạn (100 × chậm ≤ 20 × được giao).",
    descriptionEn: "Chi bộ HTNV: 50+, every task completed, at most 20 % late (100 × late ≤ 20 × assigned).",
  },
  'CB25-05': {
    description: "Chi bộ Không hoàn thành nhiệm vụ: các trường hợp còn lại, và (mặc định) khi quá nửa số đảng viên được xếp loại là Không hoàn thành nhiệm vụ.",
    descriptionEn: "Chi bộ KHTNV: otherwise, and (by default) when more than half of the classified members are KHTNV.",
  },
  'CFG25-01': {
    description: "Kết quả dùng một thiết lập mà sheet \"Bộ tiêu chí\" để trống: cảnh báo nêu thiết lập và giá trị mặc định, đề nghị đối chiếu hướng dẫn của cấp ủy. Không điều gì chưa xác nhận được trình bày như quy định.",
    descriptionEn: "A result used a setting left empty on the criteria sheet: a warning naming the setting and its default, asking to check the committee's guidance.",
  },
  'CFG25-02': {
    description: "Điểm tối đa các tiêu chí của một nhóm trong \"Bộ tiêu chí\" phải cộng đúng 30 (tiêu chí chung) hoặc 70 (kết quả thực hiện nhiệm vụ); sai là lỗi.",
    descriptionEn: "The maxima of a group's criteria on the criteria sheet must add up to 30 (common) or 70 (tasks); otherwise an error.",
  },
};
