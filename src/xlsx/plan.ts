/**
 * The ward's 2017 plan as the seed writes it (../shared/seeds/000_bc5b89296eaa1022.txt): the sixteen chi bộ
 * of IV.7 with their meeting dates, and the committee member in charge of each from the assignment list
 * at the plan's end. Dates are kept as written, the plan's own slip "07/12/2016" (IV.7, last line) too:
 * PROC-01 is there to catch it. `xeploai template --plan` writes this into `Kế hoạch`.
 */
import { date, type RowInput } from './fill';

export interface PlannedChiBo {
  /** As IV.7 names it. */
  readonly chiBo: string;
  /** `dd/mm/yyyy`, as written. */
  readonly date: string;
  /** From the assignment list ("Đ/c …" dropped). */
  readonly inCharge: string;
}

export const PLAN_ORGANISATION = 'ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN';
export const PLAN_DANG_BO = 'Đảng bộ phường Hương Xuân';
export const PLAN_YEAR = 2017;

export const SEED_SCHEDULE: readonly PlannedChiBo[] = [
  { chiBo: 'Thanh Khê', date: '01/12/2017', inCharge: 'Nguyễn Minh Phụng' },
  { chiBo: 'Công an', date: '01/12/2017', inCharge: 'Ngô Quang Thảo' },
  { chiBo: 'Trường Mầm Non', date: '02/12/2017', inCharge: 'Trần Viết Xuân' },
  { chiBo: 'Trường Tiểu học số 2', date: '02/12/2017', inCharge: 'Nguyễn Thị Thu Phương' },
  { chiBo: 'Trường THCS Nguyễn Khánh Toàn', date: '03/12/2017', inCharge: 'Nguyễn Phú Bình' },
  { chiBo: 'Trạm Y tế', date: '03/12/2017', inCharge: 'Nguyễn Văn Anh' },
  { chiBo: 'Trường Tiểu học số 1', date: '04/12/2017', inCharge: 'Lê Văn Toàn' },
  { chiBo: 'Thanh Lương 4', date: '04/12/2017', inCharge: 'Nguyễn Sào' },
  { chiBo: 'Thượng Thôn', date: '04/12/2017', inCharge: 'Trần Lưu Đức' },
  { chiBo: 'Thanh Lương 2', date: '06/12/2017', inCharge: 'Lê Thị Bảy Lan' },
  { chiBo: 'Liễu Nam', date: '06/12/2017', inCharge: 'Nguyễn Thị Diệu Hương' },
  { chiBo: 'Xuân Tháp', date: '06/12/2017', inCharge: 'Lê Văn Toàn' },
  { chiBo: 'Quân sự', date: '06/12/2017', inCharge: 'Ngô Quang Thảo' },
  { chiBo: 'Trung Thôn', date: '07/12/2016', inCharge: 'Nguyễn Văn Hòa' },
  { chiBo: 'Thanh Lương 3', date: '07/12/2016', inCharge: 'Lê Thị Huê' },
  { chiBo: 'Thanh Tiên', date: '07/12/2016', inCharge: 'Dương Thị Nhã Phương' },
];

/** `Kế hoạch` as the plan writes it; `exemplary` marks chi bộ chosen as exemplary TSVM (AGG-02). */
export function planData(exemplary: readonly string[] = []): { readonly fields: RowInput; readonly rows: readonly RowInput[] } {
  return {
    fields: { year: PLAN_YEAR },
    rows: SEED_SCHEDULE.map((p, i) => ({
      stt: i + 1,
      chiBo: p.chiBo,
      meetingDate: date(p.date),
      inCharge: p.inCharge,
      exemplary: exemplary.includes(p.chiBo) ? 'x' : undefined,
    })),
  };
}
