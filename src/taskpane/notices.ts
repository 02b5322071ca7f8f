/**
 * What the pane tells the clerk after an action, kept as data (not text) so that it follows a change of
 * language, and turned into words by `describeNotice`.
 */
import type { Action, Messages } from './i18n';
import type { Failure } from './format';

export type Notice =
  | { readonly kind: 'failure'; readonly action: Action; readonly failure: Failure; readonly place?: string }
  | { readonly kind: 'cleared'; readonly cells: number }
  | { readonly kind: 'converted'; readonly cells: number }
  | { readonly kind: 'ballot'; readonly round: 1 | 2; readonly sheet: string; readonly names: number; readonly copies: number; readonly pages: number; readonly cap: number | null }
  | { readonly kind: 'ballotRefused'; readonly round: 1 | 2; readonly problems: readonly { readonly rule: string; readonly message: string; readonly messageEn: string }[] }
  | { readonly kind: 'minutes'; readonly errors: number; readonly warnings: number }
  | { readonly kind: 'scoreSheets'; readonly sheet: string; readonly names: number; readonly pages: number }
  | { readonly kind: 'scoreSheetsRefused'; readonly problems: readonly { readonly rule: string; readonly message: string; readonly messageEn: string }[] }
  | { readonly kind: 'paperRefused'; readonly paper: 'minutes'; readonly message: string; readonly messageEn: string }
  | { readonly kind: 'templateAdded'; readonly sheets: readonly string[] }
  | { readonly kind: 'combined'; readonly files: number; readonly chiBo: number; readonly errors: number; readonly warnings: number; readonly unreadable: readonly string[] };

export interface NoticeText {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly title: string;
  readonly message: string;
  /** Office's error code, shown small, for support. */
  readonly detail: string | null;
  /** Reasons listed one per line under the message (a refused ballot's problems), each with its rule ID. */
  readonly items?: readonly { readonly text: string; readonly tag?: string }[];
}

/** Failures that leave the pane usable as it was get a warning, the rest an error. */
const WARNING_ACTIONS: ReadonlySet<Action> = new Set<Action>(['select', 'loadSettings', 'saveSettings']);

export function describeNotice(notice: Notice, t: Messages): NoticeText {
  switch (notice.kind) {
    case 'cleared':
      return { intent: notice.cells > 0 ? 'success' : 'info', title: t.clearedTitle, message: notice.cells > 0 ? t.cleared(notice.cells) : t.nothingToClear, detail: null };
    case 'converted':
      return { intent: notice.cells > 0 ? 'success' : 'info', title: t.convertedTitle, message: notice.cells > 0 ? t.converted(notice.cells) : t.nothingToConvert, detail: null };
    case 'ballot':
      return { intent: 'success', title: t.ballotTitle(notice.round), message: t.ballotWritten(notice.sheet, notice.names, notice.copies, notice.pages, notice.cap), detail: null };
    case 'ballotRefused': {
      // Every reason is said, each as its own sentence in a list (never one run-on paragraph); the rule
      // ID follows, small, for whoever supports the clerk.
      // A refusal of the paper itself (another rule set's workbook) has no rule: no tag then.
      const items = notice.problems.map((p) => ({ text: t.htmlLang === 'vi' ? p.message : p.messageEn || p.message, ...(p.rule ? { tag: p.rule } : {}) }));
      return { intent: 'warning', title: t.ballotTitle(notice.round), message: t.ballotRefused(notice.round), detail: null, items };
    }
    case 'minutes':
      return { intent: notice.errors > 0 ? 'warning' : 'success', title: t.minutesTitle, message: t.minutesWritten(notice.errors, notice.warnings), detail: null };
    case 'scoreSheets':
      return { intent: 'success', title: t.scoreSheetsTitle, message: t.scoreSheetsWritten(notice.sheet, notice.names, notice.pages), detail: null };
    case 'scoreSheetsRefused': {
      const items = notice.problems.map((p) => ({ text: t.htmlLang === 'vi' ? p.message : p.messageEn || p.message, ...(p.rule ? { tag: p.rule } : {}) }));
      return { intent: 'warning', title: t.scoreSheetsTitle, message: t.scoreSheetsRefused, detail: null, items };
    }
    case 'paperRefused':
      // One line naming the workbook's rule set: the paper belongs to the other regime.
      return { intent: 'warning', title: t.minutesTitle, message: t.paperRefused, detail: null, items: [{ text: t.htmlLang === 'vi' ? notice.message : notice.messageEn || notice.message }] };
    case 'templateAdded':
      return notice.sheets.length > 0
        ? { intent: 'success', title: t.templateTitle, message: t.templateAdded(notice.sheets), detail: null }
        : { intent: 'info', title: t.templateTitle, message: t.templateNothing, detail: null };
    case 'combined': {
      if (notice.files === 0) {
        const why = notice.unreadable.length > 0 ? ` ${t.combineUnreadable(notice.unreadable)}` : '';
        return { intent: 'warning', title: t.combinedTitle, message: `${t.combineNothing}${why}`, detail: null };
      }
      const message = t.combined(notice.files, notice.chiBo, notice.errors, notice.warnings);
      return notice.unreadable.length > 0
        ? { intent: 'warning', title: t.combinedTitle, message: `${message} ${t.combineUnreadable(notice.unreadable)}`, detail: null }
        : { intent: 'success', title: t.combinedTitle, message, detail: null };
    }
    case 'failure': {
      const { action, failure } = notice;
      let message = action === 'select' && failure.kind === 'notFound' && notice.place ? t.selectNotFound(notice.place) : t.failures[failure.kind];
      if (action === 'saveSettings') message = `${message} ${t.saveSettingsAfter}`;
      if (action === 'loadSettings') message = `${message} ${t.loadSettingsAfter}`;
      const title = action === 'select' && notice.place ? `${t.failureTitles.select} ${notice.place}` : t.failureTitles[action];
      return {
        intent: WARNING_ACTIONS.has(action) ? 'warning' : 'error',
        title,
        message,
        detail: failure.code ? t.errorCode(failure.code) : null,
      };
    }
  }
}
