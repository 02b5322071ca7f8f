/**
 * The bundled 2025 example (rule set hd43-2025, RULES-2025.md): chi bộ Thanh Khê of Đảng bộ phường Hương
 * Xuân, meeting on 12/12/2025. Names are made up. `xeploai template --rules hd43-2025 --example` writes it;
 * examples/chi-bo-thanh-khe-2025.xlsx is that output.
 *
 * Thirty members, each row a case the rules meet in a ward (the expected proposals, worked by hand):
 *  - three members at HTXSNV: ≥ 90 points, every task on time, ≥ 30 % beyond requirements, every
 *    shortcoming fixed (M25-10); the first is a civil servant rated HTXSNV (M25-17 met);
 *  - a civil servant rated HTTNV with 93 points and every condition met: HTTNV (M25-17);
 *  - 92 points with 2 of 10 tasks beyond requirements: HTTNV, "chưa đạt … 30 %" (M25-10, M25-15);
 *  - 83 points with 4 months of sick leave: HTNV (M25-16); 83 points on maternity leave: HTTNV (no cap);
 *  - 74 points, disciplined in the year: KHTNV whatever the score (M25-14);
 *  - 80 points with one task late: HTNV (M25-11 needs every task on time); 62,5 points: HTNV (M25-12);
 *  - not classified: one suspended from party activity (ELIG25-01), one admitted on 15/8/2025, fewer than
 *    6 months before the meeting (ELIG-02), one exempt for old age (ELIG-01); one absent: later (ELIG-03);
 *  - the rest HTTNV (70–89 points, every task on time), one of them a probationary member admitted in
 *    February 2025 (more than 6 months: classified).
 * The chi bộ: 27 scoring sheets (the members present), mean above 90, 12 tasks all on time, 4 beyond
 * requirements; HTXSNV is not reached because one classified member is KHTNV (CB25-02's members'
 * condition), so HTTNV (CB25-03).
 */
import { confirmedDefaults } from '../core/rules/cfg25';
import { date, type RowInput } from './fill';
import type { TemplateData } from './template';

const X = 'x';

interface Person {
  readonly name: string;
  readonly born: string;
  readonly admitted: string;
  readonly kind?: 'Chính thức' | 'Dự bị';
  /** Roll columns beyond the defaults (present, self-reviewed). */
  readonly roll?: RowInput;
  /** Score [common, tasks] and tasks [assigned, on time, beyond requirements, pointed out, fixed]; none: no score row. */
  readonly score?: readonly [number, number];
  readonly tasks?: readonly [number, number, number, number, number];
}

const PEOPLE: readonly Person[] = [
  {
    name: 'Nguyễn Văn Hải',
    born: '14/05/1968',
    admitted: '03/02/1995',
    roll: { leader: X, civilServant: X, civilRating: 'Hoàn thành xuất sắc nhiệm vụ', note: 'Bí thư chi bộ; Phó Chủ tịch UBND phường' },
    score: [28, 65],
    tasks: [12, 12, 5, 1, 1],
  },
  { name: 'Trần Thị Mai', born: '22/09/1975', admitted: '19/05/2002', score: [27.5, 64], tasks: [10, 10, 4, 0, 0], roll: { note: 'Phó Bí thư chi bộ; Trưởng khu dân cư' } },
  { name: 'Lê Văn Tuấn', born: '08/01/1960', admitted: '26/03/1985', score: [28, 63.5], tasks: [8, 8, 3, 1, 1], roll: { note: 'Chi hội trưởng Cựu chiến binh' } },
  {
    name: 'Phạm Thị Hương',
    born: '30/04/1982',
    admitted: '03/02/2009',
    roll: { civilServant: X, civilRating: 'Hoàn thành tốt nhiệm vụ', note: 'Công chức Văn hóa - Xã hội' },
    score: [28, 65],
    tasks: [10, 10, 4, 0, 0],
  },
  { name: 'Hoàng Văn Nam', born: '17/07/1971', admitted: '02/09/1998', score: [27, 65], tasks: [10, 10, 2, 0, 0], roll: { note: 'Tổ trưởng tổ dân phố 3' } },
  { name: 'Võ Thị Thanh Hà', born: '11/11/1979', admitted: '08/03/2006', score: [25, 58], tasks: [6, 6, 1, 0, 0], roll: { sickMonths: 4, note: 'Nghỉ ốm 4 tháng (điều trị dài ngày)' } },
  { name: 'Đặng Văn Lực', born: '25/03/1965', admitted: '19/12/1990', score: [24, 50], tasks: [8, 8, 0, 2, 1], roll: { disciplined: X, note: 'Bị khiển trách tháng 6/2025' } },
  { name: 'Bùi Thị Lan', born: '05/06/1990', admitted: '03/02/2016', score: [26, 57], tasks: [6, 6, 1, 0, 0], roll: { maternity: X, note: 'Nghỉ thai sản từ tháng 3/2025' } },
  { name: 'Ngô Văn Khánh', born: '19/02/1958', admitted: '30/04/1982', score: [25, 55], tasks: [9, 8, 1, 1, 1] },
  { name: 'Dương Văn Thành', born: '02/12/1955', admitted: '22/12/1978', score: [20, 42.5], tasks: [8, 7, 0, 2, 1] },
  { name: 'Lý Thị Kim Oanh', born: '13/08/1969', admitted: '08/03/1996', score: [27, 60], tasks: [9, 9, 2, 0, 0] },
  { name: 'Tôn Thất Bình', born: '27/10/1957', admitted: '07/11/1980', score: [26.5, 59], tasks: [7, 7, 2, 1, 1] },
  { name: 'Huỳnh Văn Sáu', born: '09/04/1962', admitted: '19/05/1987', score: [26, 57.5], tasks: [8, 8, 1, 0, 0] },
  { name: 'Phan Thị Ngọc Lan', born: '21/01/1984', admitted: '02/09/2011', score: [27, 61], tasks: [10, 10, 2, 1, 1], roll: { note: 'Giáo viên Trường Tiểu học số 2' } },
  { name: 'Trương Công Định', born: '16/06/1959', admitted: '26/03/1984', score: [25.5, 54], tasks: [6, 6, 0, 0, 0] },
  { name: 'Nguyễn Thị Thu', born: '03/03/1972', admitted: '03/02/2000', score: [26, 56.5], tasks: [7, 7, 1, 1, 1] },
  { name: 'Lê Quang Vinh', born: '28/12/1966', admitted: '19/12/1993', score: [27.5, 61.5], tasks: [11, 11, 3, 0, 0], roll: { note: 'Trưởng Ban công tác Mặt trận khu dân cư' } },
  { name: 'Đỗ Thị Hồng', born: '10/10/1977', admitted: '08/03/2004', score: [26, 55], tasks: [8, 8, 2, 0, 0] },
  { name: 'Văn Đình Quý', born: '05/05/1954', admitted: '30/04/1977', score: [24.5, 51], tasks: [5, 5, 0, 0, 0] },
  { name: 'Hồ Thị Minh Tâm', born: '18/07/1986', admitted: '19/05/2013', score: [27, 59.5], tasks: [9, 9, 2, 1, 1], roll: { civilServant: X, civilRating: 'Hoàn thành tốt nhiệm vụ', note: 'Viên chức Trạm Y tế phường' } },
  { name: 'Mai Xuân Trường', born: '24/02/1963', admitted: '02/09/1989', score: [25, 53.5], tasks: [7, 7, 1, 0, 0] },
  { name: 'Cao Thị Yến', born: '12/12/1980', admitted: '03/02/2008', score: [26.5, 58], tasks: [8, 8, 2, 0, 0] },
  { name: 'Đinh Văn Hoà', born: '07/09/1958', admitted: '22/12/1983', score: [25.5, 52.5], tasks: [6, 6, 1, 1, 1] },
  { name: 'Tạ Thị Bích Ngọc', born: '29/03/1974', admitted: '08/03/2001', score: [26, 56], tasks: [7, 7, 1, 0, 0] },
  { name: 'Lâm Thị Thu Trang', born: '15/08/1997', admitted: '03/02/2025', kind: 'Dự bị', score: [26, 54], tasks: [6, 6, 1, 0, 0], roll: { note: 'Đảng viên dự bị, kết nạp 03/02/2025' } },
  { name: 'Kiều Văn Toàn', born: '20/11/1970', admitted: '19/05/1997', score: [25.5, 55.5], tasks: [8, 8, 1, 1, 1] },
  { name: 'Lý Văn Phong', born: '02/04/1976', admitted: '26/03/2003', roll: { present: null, selfReviewed: null, suspended: X, note: 'Đình chỉ sinh hoạt đảng từ tháng 10/2025' } },
  { name: 'Châu Thị Ngọc Ánh', born: '09/09/2000', admitted: '15/08/2025', kind: 'Dự bị', roll: { note: 'Mới kết nạp 15/8/2025, chưa đủ 6 tháng' } },
  { name: 'Trịnh Văn Bảy', born: '01/06/1981', admitted: '03/02/2010', roll: { present: null, note: 'Đi làm ăn xa, kiểm điểm ở cuộc họp sau' } },
  { name: 'Mai Văn Cường', born: '12/01/1938', admitted: '19/12/1960', roll: { exempt: X, present: null, selfReviewed: null, note: 'Miễn sinh hoạt do tuổi cao' } },
];

/** The ward's criteria, as its đảng ủy wrote them (each group adds up to 30 and 70), every setting confirmed. */
const WARD_CRITERIA: NonNullable<TemplateData['criteria']> = {
  members: [
    { group: 'Nhóm tiêu chí chung', criterion: 'Tư tưởng chính trị; chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước', max: 10 },
    { group: 'Nhóm tiêu chí chung', criterion: 'Phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tính tiền phong, gương mẫu', max: 10 },
    { group: 'Nhóm tiêu chí chung', criterion: 'Tinh thần đổi mới, sáng tạo; tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm', max: 10 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Kết quả thực hiện nhiệm vụ được giao ở nơi công tác hoặc nơi cư trú', max: 50 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Thực hiện nhiệm vụ chi bộ phân công; tham gia sinh hoạt chi bộ và hoạt động ở khu dân cư', max: 20 },
  ],
  chiBo: [
    { group: 'Nhóm tiêu chí chung', criterion: 'Công tác chính trị, tư tưởng', max: 10 },
    { group: 'Nhóm tiêu chí chung', criterion: 'Công tác tổ chức, cán bộ, đảng viên; đoàn kết nội bộ', max: 10 },
    { group: 'Nhóm tiêu chí chung', criterion: 'Công tác kiểm tra, giám sát và kỷ luật đảng', max: 10 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh ở địa bàn', max: 40 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Lãnh đạo xây dựng chính quyền, Mặt trận và các đoàn thể', max: 15 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Thực hiện các nhiệm vụ cấp ủy cấp trên giao', max: 15 },
  ],
  settings: confirmedDefaults(),
};

const present = (p: Person): boolean => !p.roll || !('present' in p.roll) || p.roll.present === X;

/** Each member present fills a scoring sheet for the chi bộ (CB25-01): common 26–29, tasks 61–66, in steps of 0,5. */
function chiBoSheets(count: number): RowInput[] {
  return Array.from({ length: count }, (_, i) => {
    const common = 26 + ((i * 3) % 7) * 0.5;
    const tasks = 61 + ((i * 5) % 11) * 0.5;
    return { sheetNo: i + 1, common, tasks, total: common + tasks };
  });
}

export function example25Data(): TemplateData {
  const roll: RowInput[] = PEOPLE.map((p, i) => ({
    stt: i + 1,
    name: p.name,
    birthDate: date(p.born),
    admissionDate: date(p.admitted),
    membership: p.kind ?? 'Chính thức',
    present: X,
    selfReviewed: X,
    ...p.roll,
  }));
  const memberScores: RowInput[] = [];
  for (const p of PEOPLE) {
    if (!p.score || !p.tasks) continue;
    const [common, tasks] = p.score;
    const [assigned, onTime, exceeded, pointedOut, fixed] = p.tasks;
    const total = common + tasks;
    memberScores.push({ stt: memberScores.length + 1, name: p.name, common, tasks, total, assigned, onTime, exceeded, pointedOut, fixed, selfScore: Math.min(100, total + 1), committeeScore: total });
  }
  const attending = PEOPLE.filter(present);
  return {
    organisation: 'ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN',
    info: {
      dangBo: 'Đảng bộ phường Hương Xuân',
      chiBo: 'Thanh Khê',
      year: 2025,
      meetingDate: date('12/12/2025'),
      reportDate: date('13/12/2025'),
      draftSentDate: date('08/12/2025'),
      officialPresent: attending.filter((p) => (p.kind ?? 'Chính thức') === 'Chính thức').length,
      cbAssigned: 12,
      cbCompleted: 12,
      cbOnTime: 12,
      cbExceeded: 4,
      subordinateDisciplined: 'Không',
      orgRating: 'Cao thứ hai',
    },
    tables: { roll, memberScores, scores: chiBoSheets(attending.length) },
    criteria: WARD_CRITERIA,
  };
}
