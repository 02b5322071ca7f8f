/**
 * PROC rules (RULES.md section 7): the plan's schedule and deadlines, and the dossiers. They look at event
 * dates only (meeting, report, draft report, schedule; never births or admissions) and only at what the
 * workbook carries (RULES.md 9.13): no `Kế hoạch` sheet, no PROC-02; no dossier sheet, no PROC-05.
 */
import { CHI_BO_DOCUMENTS, CHI_BO_DOSSIER_FORM, COLLECTIVE_DOCUMENTS, type DossierDocument, documentLabel, LEADER_DOCUMENTS, LEADER_DOSSIER_FORM } from '../forms/definitions';
import type { ChiBoWorkbook, DossierRead, Located } from '../forms/model';
import { a1 } from '../grid';
import type { RuleSet } from '../ruleSets';
import { chiBoKey, nameKey } from '../text/normalize';
import { addDays, compareDates, type DateOnly, dayNumber, formatDate, isValidDate } from '../values/dates';
import type { RuleMeta } from './catalogue';
import type { IssueSink } from '../issues';

export const PROC_RULES: readonly RuleMeta[] = [
  { id: 'PROC-01', severity: 'warning', seed: 'IV', title: 'Ngày thuộc năm đánh giá hoặc những tuần đầu năm sau', titleEn: 'Dates lie in the assessment year or the first weeks of the next' },
  { id: 'PROC-02', severity: 'warning', seed: 'IV.7', title: 'Ngày họp của chi bộ đúng lịch của kế hoạch', titleEn: "The chi bộ's meeting date matches the plan's schedule" },
  { id: 'PROC-03', severity: 'warning', seed: 'IV.8', title: 'Báo cáo kết quả lên Ban Thường vụ chậm nhất 2 ngày sau cuộc họp', titleEn: 'Report to the standing committee within 2 days of the meeting' },
  { id: 'PROC-04', severity: 'warning', seed: 'II.3.1.a', title: 'Dự thảo báo cáo kiểm điểm tập thể gửi trước ít nhất 3 ngày', titleEn: "The collective's draft report reaches members at least 3 days before" },
  { id: 'PROC-05', severity: 'warning', seed: 'IV.5, IV.8', title: 'Hồ sơ gửi Ban Thường vụ đủ các văn bản', titleEn: 'The dossier holds every document' },
];

/** An event date and what it is, for PROC-01's message. */
interface EventDate {
  readonly located: Located<DateOnly>;
  readonly label: string;
}

/** The dates PROC-01 looks at: meeting, report, draft report, the schedule's dates. */
function eventDates(input: ChiBoWorkbook): EventDate[] {
  const out: EventDate[] = [];
  const info = input.info;
  if (info) {
    out.push({ located: info.meetingDate, label: 'Ngày họp đánh giá' });
    out.push({ located: info.reportDate, label: 'Ngày gửi báo cáo' });
    out.push({ located: info.draftSentDate, label: 'Ngày gửi dự thảo báo cáo kiểm điểm tập thể' });
  }
  for (const row of input.plan?.rows ?? []) {
    const chiBo = row.chiBo.value ? `, chi bộ ${row.chiBo.value}` : '';
    out.push({ located: row.meetingDate, label: `Ngày họp (kế hoạch)${chiBo}` });
    out.push({ located: row.reportDue, label: `Hạn báo cáo${chiBo}` });
  }
  if (input.leaders) {
    out.push({ located: input.leaders.reviewDate, label: 'Ngày kiểm điểm' });
    out.push({ located: input.leaders.draftSentDate, label: 'Ngày gửi dự thảo báo cáo kiểm điểm tập thể' });
  }
  return out.filter((e) => e.located.value !== null && !e.located.absent);
}

/** The assessment year: `Năm đánh giá` of `Thông tin chi bộ`, else the schedule's own field. */
export function assessmentYear(input: ChiBoWorkbook): number | null {
  return input.info?.year.value ?? input.plan?.year.value ?? null;
}

/** PROC-01: each event date from 01/01 of the assessment year to the rule set's day of the next. */
function checkYear(input: ChiBoWorkbook, ruleSet: Pick<RuleSet, 'procedure'>, sink: IssueSink): void {
  const year = assessmentYear(input);
  if (year === null) return;
  const from: DateOnly = { y: year, m: 1, d: 1 };
  const until: DateOnly = { y: year + 1, ...ruleSet.procedure.nextYearUntil };
  for (const { located, label } of eventDates(input)) {
    const d = located.value as DateOnly;
    if (compareDates(d, from) >= 0 && compareDates(d, until) <= 0) continue;
    const guess = isValidDate(year, d.m, d.d) ? { y: year, m: d.m, d: d.d } : null;
    const hint = guess && d.y !== year ? ` Có thể gõ nhầm năm: ${formatDate(guess)}?` : '';
    sink.add(
      'PROC-01',
      located.sheet,
      located.cell,
      `Sheet "${located.sheet}", ô ${located.cell} (${label}): ngày ${formatDate(d)} không thuộc năm đánh giá ${year} (từ ${formatDate(from)} đến ${formatDate(until)}).${hint} Kiểm tra lại ngày.`,
      `Sheet "${located.sheet}", cell ${located.cell} (${label}): ${formatDate(d)} is outside the assessment year ${year} (${formatDate(from)} to ${formatDate(until)}).`,
    );
  }
}

/** PROC-02: the chi bộ's meeting date against its row of the schedule. */
function checkSchedule(input: ChiBoWorkbook, sink: IssueSink): void {
  const plan = input.plan;
  if (!plan || plan.rows.length === 0) return;
  const byKey = new Map<string, (typeof plan.rows)[number]>();
  for (const row of plan.rows) {
    if (!row.key) continue;
    const first = byKey.get(row.key);
    if (!first) {
      byKey.set(row.key, row);
      continue;
    }
    sink.add(
      'PROC-02',
      row.chiBo.sheet,
      row.chiBo.cell,
      `Sheet "${row.chiBo.sheet}", ô ${row.chiBo.cell}: chi bộ "${row.chiBo.value}" đã có trong lịch ở dòng ${first.row} (ô ${first.chiBo.cell}). Mỗi chi bộ một dòng: xoá dòng trùng.`,
      `Sheet "${row.chiBo.sheet}", cell ${row.chiBo.cell}: chi bộ "${row.chiBo.value}" is already scheduled on row ${first.row}.`,
    );
  }
  const info = input.info;
  const name = info?.chiBo.value;
  const meeting = info?.meetingDate.value;
  if (!info || !name || input.role !== 'chi-bo') return;
  const row = byKey.get(chiBoKey(name));
  if (!row) {
    sink.add(
      'PROC-02',
      info.chiBo.sheet,
      info.chiBo.cell,
      `Sheet "${info.sheet}", ô ${info.chiBo.cell}: chi bộ "${name}" không có trong lịch ở sheet "${plan.sheet}" (mục IV.7). Sửa tên chi bộ cho giống trong lịch, hoặc thêm chi bộ vào lịch.`,
      `Sheet "${info.sheet}", cell ${info.chiBo.cell}: chi bộ "${name}" is not in the schedule on "${plan.sheet}" (IV.7).`,
    );
    return;
  }
  const scheduled = row.meetingDate.value;
  if (!meeting || !scheduled || compareDates(meeting, scheduled) === 0) return;
  sink.add(
    'PROC-02',
    info.meetingDate.sheet,
    info.meetingDate.cell,
    `Sheet "${info.sheet}", ô ${info.meetingDate.cell}: chi bộ họp ngày ${formatDate(meeting)}, nhưng lịch của kế hoạch (sheet "${plan.sheet}", ô ${row.meetingDate.cell}) là ngày ${formatDate(scheduled)}. Kiểm tra lại ngày họp, hoặc ghi lý do đổi lịch.`,
    `Sheet "${info.sheet}", cell ${info.meetingDate.cell}: the chi bộ met on ${formatDate(meeting)}, but the schedule (${plan.sheet}!${row.meetingDate.cell}) says ${formatDate(scheduled)}.`,
  );
}

/** PROC-03: the report reaches the standing committee within two days of the meeting (and by the schedule's deadline). */
function checkReport(input: ChiBoWorkbook, ruleSet: Pick<RuleSet, 'procedure'>, sink: IssueSink): void {
  const info = input.info;
  const meeting = info?.meetingDate.value;
  const report = info?.reportDate.value;
  if (!info || !meeting || !report) return;
  const days = dayNumber(report) - dayNumber(meeting);
  const within = ruleSet.procedure.reportWithinDays;
  const cell = info.reportDate.cell;
  const where = `Sheet "${info.sheet}", ô ${cell}`;
  if (days < 0) {
    sink.add('PROC-03', info.sheet, cell, `${where}: ngày gửi báo cáo ${formatDate(report)} trước ngày họp ${formatDate(meeting)}. Báo cáo kết quả gửi sau cuộc họp; kiểm tra lại ngày.`, `${where}: the report date ${formatDate(report)} is before the meeting ${formatDate(meeting)}.`);
    return;
  }
  if (days > within) {
    sink.add(
      'PROC-03',
      info.sheet,
      cell,
      `${where}: báo cáo gửi ngày ${formatDate(report)}, ${days} ngày sau cuộc họp ${formatDate(meeting)}; kế hoạch (IV.8) yêu cầu chậm nhất ${within} ngày (đến ${formatDate(addDays(meeting, within))}).`,
      `${where}: reported ${days} days after the meeting; the plan (IV.8) asks for at most ${within}.`,
    );
    return;
  }
  const due = scheduleRowOf(input)?.reportDue;
  if (due?.value && compareDates(report, due.value) > 0) {
    sink.add(
      'PROC-03',
      info.sheet,
      cell,
      `${where}: báo cáo gửi ngày ${formatDate(report)}, sau hạn báo cáo ${formatDate(due.value)} ghi trong lịch (sheet "${due.sheet}", ô ${due.cell}).`,
      `${where}: reported on ${formatDate(report)}, after the deadline ${formatDate(due.value)} in the schedule.`,
    );
  }
}

function scheduleRowOf(input: ChiBoWorkbook) {
  const name = input.info?.chiBo.value;
  if (!name || !input.plan) return undefined;
  const key = chiBoKey(name);
  return input.plan.rows.find((r) => r.key === key);
}

/** PROC-04: the collective's draft report sent at least three days before its review. */
function checkDraft(sent: Located<DateOnly>, review: Located<DateOnly>, reviewLabel: string, ruleSet: Pick<RuleSet, 'procedure'>, sink: IssueSink): void {
  if (!sent.value || !review.value) return;
  const days = dayNumber(review.value) - dayNumber(sent.value);
  const need = ruleSet.procedure.draftDaysBefore;
  if (days >= need) return;
  const where = `Sheet "${sent.sheet}", ô ${sent.cell}`;
  sink.add(
    'PROC-04',
    sent.sheet,
    sent.cell,
    `${where}: dự thảo báo cáo kiểm điểm tập thể gửi ngày ${formatDate(sent.value)}, ${days < 0 ? 'sau' : `chỉ ${days} ngày trước`} ${reviewLabel} ${formatDate(review.value)}. Kế hoạch (II.3.1.a) yêu cầu gửi trước ít nhất ${need} ngày (chậm nhất ngày ${formatDate(addDays(review.value, -need))}).`,
    `${where}: the draft report went out on ${formatDate(sent.value)}, ${days < 0 ? 'after' : `only ${days} day(s) before`} the review on ${formatDate(review.value)}; at least ${need} days are required (II.3.1.a).`,
  );
}

function docName(doc: DossierDocument): string {
  return doc.form ? `"${doc.name}" (${doc.form.startsWith('Thông tư') ? doc.form : `Mẫu ${doc.form}`})` : `"${doc.name}"`;
}

/** PROC-05 on one checklist: columns the sheet lacks, then each document not ticked. */
function checkDossier(dossier: DossierRead, docs: readonly DossierDocument[], section: string, subjectWord: string, sink: IssueSink): void {
  const cols = [...dossier.columns.values()];
  const headerRow = dossier.headerRow - 1;
  let next = Math.max(...cols) + 1;
  const present = docs.filter((doc) => {
    if (dossier.columns.has(doc.key)) return true;
    const cell = a1(headerRow, next++);
    sink.add(
      'PROC-05',
      dossier.sheet,
      cell,
      `Sheet "${dossier.sheet}" không có cột cho văn bản ${docName(doc)} của hồ sơ (${section}). Thêm cột "${documentLabel(doc)}", ví dụ ở ô ${cell}, và đánh dấu x khi đã có.`,
      `Sheet "${dossier.sheet}" has no column for ${doc.name} (${section}). Add it, e.g. at ${cell}.`,
    );
    return false;
  });
  for (const row of dossier.rows) {
    const who = row.subject.value ? `${subjectWord} ${row.subject.value}` : `dòng ${row.row}`;
    for (const doc of present) {
      const cell = row.docs[doc.key];
      if (!cell || cell.value === true) continue;
      // A value that is not yes/no was reported by DATA-02.
      if (cell.filled && cell.value === null) continue;
      if (doc.onlyManaged && row.managed.value !== true) continue;
      sink.add(
        'PROC-05',
        cell.sheet,
        cell.cell,
        `Sheet "${cell.sheet}", ô ${cell.cell}: hồ sơ của ${who} thiếu ${docName(doc)} (${section}). Bổ sung văn bản rồi đánh dấu x vào ô này.`,
        `Sheet "${cell.sheet}", cell ${cell.cell}: the dossier of ${who} lacks ${doc.name} (${section}).`,
      );
    }
  }
}

/** PROC-05 on both checklists, and their rows against the workbook's own chi bộ and leaders. */
function checkDossiers(input: ChiBoWorkbook, sink: IssueSink): void {
  const chiBo = input.chiBoDossier;
  if (chiBo && chiBo.rows.length > 0) {
    checkDossier(chiBo, CHI_BO_DOCUMENTS, 'mục IV.8', 'chi bộ', sink);
    const name = input.info?.chiBo.value;
    if (name && input.role === 'chi-bo' && !chiBo.rows.some((r) => r.key === chiBoKey(name))) {
      const col = chiBo.columns.get('subject') ?? 0;
      const cell = a1(chiBo.rows[chiBo.rows.length - 1].row, col);
      sink.add(
        'PROC-05',
        chiBo.sheet,
        cell,
        `Sheet "${chiBo.sheet}": không có dòng nào cho chi bộ "${name}" (sheet "${input.info?.sheet}"). Thêm một dòng, ví dụ ở ô ${cell}, và đánh dấu các văn bản đã có (${CHI_BO_DOSSIER_FORM.sheet}, mục IV.8).`,
        `Sheet "${chiBo.sheet}": no row for chi bộ "${name}". Add one, e.g. at ${cell}.`,
      );
    }
  }
  const leaders = input.leaderDossier;
  if (!leaders) return;
  const collectiveNamed = leaders.collective?.value;
  if (leaders.rows.length > 0 || collectiveNamed) {
    for (const doc of COLLECTIVE_DOCUMENTS) {
      const field = leaders.collectiveDocs[doc.key];
      if (!field || field.value === true || (field.filled && field.value === null)) continue;
      const cell = field.absent ? 'A1' : field.cell;
      sink.add(
        'PROC-05',
        leaders.sheet,
        cell,
        `Sheet "${leaders.sheet}", ô ${cell}: hồ sơ của tập thể${collectiveNamed ? ` ${collectiveNamed}` : ''} thiếu ${docName(doc)} (mục IV.5).${field.absent ? ` Thêm mục "${documentLabel(doc)}" và ghi Có khi đã có.` : ' Bổ sung văn bản rồi ghi Có vào ô này.'}`,
        `Sheet "${leaders.sheet}", cell ${cell}: the collective's dossier lacks ${doc.name} (IV.5).`,
      );
    }
  }
  if (leaders.rows.length === 0) return;
  checkDossier(leaders, LEADER_DOCUMENTS, 'mục IV.5', 'đồng chí', sink);
  const inDossier = new Set(leaders.rows.map((r) => r.key).filter(Boolean));
  for (const row of input.leaders?.rows ?? []) {
    const name = row.name.value;
    if (!name || inDossier.has(nameKey(name))) continue;
    sink.add(
      'PROC-05',
      row.name.sheet,
      row.name.cell,
      `Sheet "${row.name.sheet}", ô ${row.name.cell}: "${name}" được biểu quyết nhưng không có dòng nào trong sheet "${leaders.sheet}" (hồ sơ CBLĐQL, mục IV.5). Thêm đồng chí vào ${LEADER_DOSSIER_FORM.sheet} và đánh dấu các văn bản đã có.`,
      `Sheet "${row.name.sheet}", cell ${row.name.cell}: "${name}" was voted on but has no row in "${leaders.sheet}" (IV.5).`,
    );
  }
}

/** PROC-01..05 on what the workbook carries. */
export function checkProcedure(input: ChiBoWorkbook, ruleSet: Pick<RuleSet, 'procedure'>, sink: IssueSink): void {
  checkYear(input, ruleSet, sink);
  checkSchedule(input, sink);
  checkReport(input, ruleSet, sink);
  if (input.info) checkDraft(input.info.draftSentDate, input.info.meetingDate, 'cuộc họp', ruleSet, sink);
  if (input.leaders) checkDraft(input.leaders.draftSentDate, input.leaders.reviewDate, 'phiên kiểm điểm', ruleSet, sink);
  checkDossiers(input, sink);
}
