/** Hướng dẫn 27-HD/BTCTW of 25/9/2014, as the ward's 2017 plan applies it (RULES.md). */
import { ALL_INPUT_FORMS, HD27_FORMS } from '../forms/definitions';
import type { RuleSet } from './types';

export const HD27_2014: RuleSet = {
  id: 'hd27-2014',
  title: 'Hướng dẫn 27-HD/BTCTW ngày 25/9/2014',
  titleEn: 'Guideline 27-HD/BTCTW of 25/9/2014',
  shortName: 'Hướng dẫn 27-HD/BTCTW (2014)',
  names: ['Hướng dẫn 27-HD/BTCTW', 'Hướng dẫn 27', 'HD 27', 'HD27', '2014'],
  engine: 'hd27',
  reads: ALL_INPUT_FORMS,
  forms: HD27_FORMS,
  families: ['ELIG', 'VOTE', 'MEM', 'CB', 'LEAD', 'AGG', 'PROC', 'DATA'],
  majority: { num: 1, den: 2 },
  excellentShare: { num: 2, den: 3 },
  capPercent: 15,
  monthsBeforeClassified: 6,
  scoreBounds: { tsvm: 90, good: 70, done: 50 },
  lowestOrgsForYK: 2,
  exemplaryPercent: 20,
  procedure: { nextYearUntil: { m: 1, d: 31 }, reportWithinDays: 2, draftDaysBefore: 3 },
  options: {
    denominator: {
      values: ['roll', 'present'],
      default: 'roll',
      label: 'Mẫu số N (số đảng viên chính thức)',
      labelEn: 'Denominator N (official members)',
      describe: {
        roll: 'Đảng viên chính thức trong danh sách, trừ người miễn sinh hoạt vắng mặt và người sinh hoạt tạm thời',
        present: 'Đảng viên chính thức có mặt tại cuộc họp',
      },
      describeEn: {
        roll: 'Official members on the roll, less exempt members absent and temporarily attached members',
        present: 'Official members present at the meeting',
      },
    },
    htnvCounting: {
      values: ['cumulative', 'strict'],
      default: 'cumulative',
      label: 'Cách tính mức Hoàn thành nhiệm vụ',
      labelEn: 'Counting votes for "Completed duties" (HTNV)',
      describe: {
        cumulative: 'Phiếu HTTNV cũng tính là tán thành HTNV (cộng dồn)',
        strict: 'Chỉ tính phiếu HTNV',
      },
      describeEn: {
        cumulative: 'An HTTNV vote also approves HTNV (cumulative)',
        strict: 'Only HTNV votes count',
      },
    },
    capScope: {
      values: ['chi-bo', 'ward'],
      default: 'chi-bo',
      label: 'Phạm vi giới hạn 15% Hoàn thành xuất sắc nhiệm vụ',
      labelEn: 'Scope of the 15 % cap on "Completed duties excellently"',
      describe: {
        'chi-bo': 'Trong từng chi bộ',
        ward: 'Trong toàn Đảng bộ (áp dụng khi tổng hợp các chi bộ)',
      },
      describeEn: {
        'chi-bo': 'Within each chi bộ',
        ward: 'Over the whole ward (applied when the chi bộ are combined)',
      },
    },
  },
};
