/**
 * AGG rules (RULES.md section 6): what the ward office checks when it combines the chi bộ workbooks.
 * They run only in `aggregate` (RULES.md 9.14); the combining itself is src/core/aggregate.ts.
 */
import type { RuleMeta } from './catalogue';

export const AGG_RULES: readonly RuleMeta[] = [
  { id: 'AGG-01', severity: 'warning', seed: 'IV.9, Mẫu 04-, 05-KĐ.ĐV', title: 'Tổng hợp toàn Đảng bộ: đảng viên và chi bộ theo mức, tỷ lệ', titleEn: 'Ward summary: members and chi bộ by level, with percentages' },
  { id: 'AGG-02', severity: 'error', seed: 'III.2.3.b', title: 'Chi bộ TSVM tiêu biểu không quá 20% số chi bộ TSVM', titleEn: 'Exemplary TSVM chi bộ at most 20 % of the TSVM chi bộ' },
  { id: 'AGG-03', severity: 'warning', seed: 'III.1.4', title: 'Giới hạn 15% HTXSNV trên toàn Đảng bộ (tuỳ chọn)', titleEn: 'The 15 % HTXSNV cap over the whole ward (option)' },
  { id: 'AGG-04', severity: 'warning', seed: 'IV.7, IV.9', title: 'Chi bộ trong lịch chưa có kết quả; đảng viên có tên ở hai chi bộ', titleEn: 'Scheduled chi bộ without results; a member in two chi bộ' },
];
