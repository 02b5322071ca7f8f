/**
 * The bundled example: chi bộ Thanh Khê of Đảng bộ phường Hương Xuân, meeting on 01/12/2017 as the
 * plan schedules it (IV.7). Names are made up. The figures are worked by hand in docs/EXAMPLE.md.
 * The leader comes first on the roll and in the tally: leaders are reviewed first (MEM-10).
 */
import { type ChiBoData, date, fillWorkbook, type RowInput } from './fill';

const X = 'x';

interface Person {
  name: string;
  born: string;
  admitted: string;
  kind: 'Chính thức' | 'Dự bị';
  extra?: RowInput;
  votes?: [number, number, number, number?];
}

const PEOPLE: Person[] = [
  {
    name: 'Nguyễn Hữu Dũng',
    born: '21/11/1970',
    admitted: '02/09/1996',
    kind: 'Chính thức',
    extra: { leader: X, civilServant: X, civilRating: 'Hoàn thành xuất sắc nhiệm vụ', note: 'Phó Chủ tịch UBND phường' },
    votes: [15, 0, 0, 13],
  },
  { name: 'Trần Văn Bình', born: '12/03/1952', admitted: '19/05/1975', kind: 'Chính thức', votes: [14, 1, 0, 7] },
  { name: 'Lê Thị Cúc', born: '08/07/1958', admitted: '03/02/1984', kind: 'Chính thức', votes: [12, 3, 0, 3] },
  { name: 'Phạm Thị Hoà', born: '30/04/1976', admitted: '26/03/2001', kind: 'Chính thức', extra: { civilServant: X, civilRating: 'Hoàn thành tốt nhiệm vụ', note: 'Công chức Văn phòng - Thống kê' }, votes: [13, 2, 0, 1] },
  { name: 'Hoàng Văn Hùng', born: '15/01/1949', admitted: '07/11/1972', kind: 'Chính thức', votes: [6, 8, 1] },
  { name: 'Võ Thị Lan', born: '02/02/1961', admitted: '08/03/1990', kind: 'Chính thức', votes: [11, 4, 0, 0] },
  { name: 'Đặng Văn Minh', born: '19/08/1955', admitted: '22/12/1978', kind: 'Chính thức', votes: [10, 5, 0, 0] },
  {
    name: 'Bùi Thị Ngọc',
    born: '11/06/1982',
    admitted: '03/02/2008',
    kind: 'Chính thức',
    extra: { civilServant: X, civilRating: 'HTTNV', note: 'Giáo viên Trường Tiểu học số 2' },
    votes: [14, 1, 0, 11],
  },
  { name: 'Ngô Văn Phúc', born: '25/12/1957', admitted: '30/04/1980', kind: 'Chính thức', votes: [9, 6, 0, 0] },
  { name: 'Dương Thị Quế', born: '14/09/1963', admitted: '19/05/1992', kind: 'Chính thức', votes: [12, 3, 0, 0] },
  { name: 'Lý Văn Sơn', born: '03/03/1953', admitted: '27/07/1976', kind: 'Chính thức', votes: [4, 10, 1] },
  { name: 'Trương Thị Thu', born: '17/10/1966', admitted: '08/03/1995', kind: 'Chính thức', votes: [13, 2, 0, 0] },
  { name: 'Phan Văn Tâm', born: '09/05/1959', admitted: '02/09/1985', kind: 'Chính thức', votes: [11, 4, 0, 0] },
  { name: 'Huỳnh Thị Uyên', born: '28/02/1972', admitted: '03/02/2003', kind: 'Chính thức', votes: [12, 3, 0, 0] },
  { name: 'Mai Văn Vinh', born: '05/04/1938', admitted: '19/12/1960', kind: 'Chính thức', extra: { exempt: X, present: null, selfReviewed: null, note: 'Miễn sinh hoạt do tuổi cao' } },
  { name: 'Châu Thị Xuân', born: '22/07/1968', admitted: '26/03/1998', kind: 'Chính thức', extra: { present: null, note: 'Đi vắng, kiểm điểm ở cuộc họp sau' } },
  { name: 'Tôn Văn Yên', born: '13/01/1960', admitted: '19/05/1988', kind: 'Chính thức', votes: [8, 7, 0] },
  { name: 'Lâm Thị Hạnh', born: '04/11/1994', admitted: '10/03/2017', kind: 'Dự bị', votes: [10, 5, 0, 0] },
  { name: 'Đỗ Văn Khoa', born: '20/08/1996', admitted: '15/08/2017', kind: 'Dự bị', extra: { note: 'Mới kết nạp, chưa đủ 6 tháng' } },
];

const SCORES: [number, number, number, number, number][] = [
  [36, 18, 13, 13, 9],
  [35, 17, 13, 13.5, 8.5],
  [37, 18, 14, 13, 9],
  [34, 17, 12, 13, 9],
  [36, 18, 13, 12, 9],
  [35, 17.5, 13, 13, 8],
  [36, 17, 13, 13, 9],
  [33, 17, 12, 12, 8],
  [38, 18, 14, 14, 9],
  [35, 18, 13, 13, 9],
  [36, 17, 13, 13, 8],
  [34, 17, 13, 12, 9],
  [37, 18, 13, 13, 9],
  [35, 17, 12, 13, 9],
  [36, 18, 13, 13, 9],
];

export function exampleData(): ChiBoData {
  const roll: RowInput[] = PEOPLE.map((p, i) => ({
    stt: i + 1,
    name: p.name,
    birthDate: date(p.born),
    admissionDate: date(p.admitted),
    membership: p.kind,
    present: X,
    selfReviewed: X,
    ...p.extra,
  }));
  const tally: RowInput[] = [];
  PEOPLE.forEach((p) => {
    if (!p.votes) return;
    const [good, done, failed, excellent] = p.votes;
    tally.push({ stt: tally.length + 1, name: p.name, r1Good: good, r1Done: done, r1Failed: failed, r2Excellent: excellent ?? null });
  });
  const scores: RowInput[] = SCORES.map((s, i) => ({ sheetNo: i + 1, c1: s[0], c2: s[1], c3: s[2], c4: s[3], c5: s[4], total: i === 0 ? s.reduce((a, b) => a + b, 0) : undefined }));
  return {
    organisation: 'ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN',
    info: {
      dangBo: 'Đảng bộ phường Hương Xuân',
      chiBo: 'Thanh Khê',
      year: 2017,
      meetingDate: date('01/12/2017'),
      reportDate: date('02/12/2017'),
      officialPresent: 15,
      r1Issued: 15,
      r1Returned: 15,
      r1Valid: 15,
      r2Issued: 15,
      r2Returned: 15,
      r2Valid: 15,
      excellentUnited: 'Không',
      goodUnited: 'Có',
      meetingsRegular: 'Có',
      leadersDisciplined: 'Không',
      disunity: 'Không',
      corruption: 'Không',
      orgRating: 'Cao thứ hai',
      lowestOrgCount: 0,
    },
    roll,
    tally,
    scores,
  };
}

export function buildExampleWorkbook(): ReturnType<typeof fillWorkbook> {
  return fillWorkbook(exampleData());
}
