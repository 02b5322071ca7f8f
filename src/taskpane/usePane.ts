/**
 * The pane's state and every Excel call it makes. Excel calls run one at a time (a settings save queued
 * while a check starts finishes first), because each of them may rewrite the add-in's state sheet.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckResult, Issue } from '../core';
import * as office from '../office/runCheck';
import { classifyFailure, formatPlace } from './format';
import { type Action, type BusyStage, type Lang, loadLanguage, saveLanguage } from './i18n';
import type { Notice } from './notices';
import { DEFAULT_SETTINGS, normaliseSettings, type PaneSettings, toCheckOptions, toWorkbookSettings } from './settings';

/** The entry points of src/office/runCheck.ts the pane uses; a parameter so another host can stand in. */
export type PaneOffice = Pick<
  typeof office,
  | 'isExcelAvailable'
  | 'checkOpenWorkbook'
  | 'clearOpenWorkbookFlags'
  | 'addTemplateToOpenWorkbook'
  | 'combineFilesIntoOpenWorkbook'
  | 'convertOpenWorkbookToUnicode'
  | 'printBallotsInOpenWorkbook'
  | 'writeMinutesInOpenWorkbook'
  | 'printScoreSheetsInOpenWorkbook'
  | 'loadWorkbookSettings'
  | 'saveWorkbookSettings'
  | 'selectCell'
>;

/** What the pane needs of a picked file (a DOM `File`). */
export interface PaneFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface CheckedResult {
  readonly result: CheckResult;
  /** Increases with every check, so lists reset (open sections, "Xem thêm") for a new result. */
  readonly run: number;
}

export interface Pane {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly excelAvailable: boolean;
  /** What is running, or null. */
  readonly busy: BusyStage | null;
  readonly checked: CheckedResult | null;
  readonly notice: Notice | null;
  readonly dismissNotice: () => void;
  readonly settings: PaneSettings;
  readonly settingsLoading: boolean;
  readonly changeSettings: (next: PaneSettings) => void;
  readonly check: () => void;
  readonly clearFlags: () => void;
  readonly addTemplate: () => void;
  /** "Tổng hợp các chi bộ": the files the clerk picked, combined into `Tổng hợp` of the open workbook. */
  readonly combine: (files: readonly PaneFile[]) => void;
  readonly goTo: (issue: Issue) => void;
  /** "Chuyển sang Unicode" (DATA-06): converts legacy-encoded text, then checks again. */
  readonly convertToUnicode: () => void;
  /** "In phiếu lần 1/2": the round's ballot sheet (form 07-KĐ.ĐV), or a notice saying why not yet. */
  readonly printBallots: (round: 1 | 2) => void;
  /** "Biên bản": the minutes of the count, regenerated whole. */
  readonly writeMinutes: () => void;
  /** "Phiếu chấm điểm" (hd43-2025): one scoring sheet per member, or a notice saying why not. */
  readonly printScoreSheets: () => void;
}

function failure(action: Action, error: unknown, place?: string): Notice {
  // The details go to the developer console; the clerk gets words from i18n.ts.
  console.error(`XếpLoại: ${action} failed`, error);
  return { kind: 'failure', action, failure: classifyFailure(error), place };
}

export function usePane(api: PaneOffice = office): Pane {
  const [lang, setLangState] = useState<Lang>(() => loadLanguage());
  // Decided once: the page does not move into or out of Excel while it is open.
  const [excelAvailable] = useState(() => api.isExcelAvailable());
  const [busy, setBusy] = useState<BusyStage | null>(null);
  const [checked, setChecked] = useState<CheckedResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const [settingsLoading, setSettingsLoading] = useState(excelAvailable);

  // Refs, not state: a double click must not start two checks before React re-renders.
  const busyRef = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const settingsRef = useRef(settings);
  const runs = useRef(0);

  /** Runs Excel calls one after another, whatever the outcome of the previous one. */
  const serial = useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (!excelAvailable) return;
    let live = true;
    serial(() => api.loadWorkbookSettings())
      .then((saved) => {
        if (!live) return;
        const loaded = normaliseSettings(saved);
        settingsRef.current = loaded;
        setSettings(loaded);
      })
      .catch((error: unknown) => {
        if (live) setNotice(failure('loadSettings', error));
      })
      .finally(() => {
        if (live) setSettingsLoading(false);
      });
    return () => {
      live = false;
    };
  }, [api, excelAvailable, serial]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    saveLanguage(next);
  }, []);

  /** Marks the pane busy for the duration of `job`; ignores a second start while one runs. */
  const exclusive = useCallback(
    (first: BusyStage, action: Action, job: () => Promise<Notice | null>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(first);
      setNotice(null);
      serial(job)
        .then((outcome) => setNotice(outcome))
        .catch((error: unknown) => setNotice(failure(action, error)))
        .finally(() => {
          busyRef.current = false;
          setBusy(null);
        });
    },
    [serial],
  );

  const check = useCallback(() => {
    exclusive('reading', 'check', async () => {
      const result = await api.checkOpenWorkbook({ ...toCheckOptions(settingsRef.current), onProgress: (stage) => setBusy(stage) });
      setChecked({ result, run: ++runs.current });
      return null;
    });
  }, [api, exclusive]);

  const clearFlags = useCallback(() => {
    exclusive('clearing', 'clear', async () => ({ kind: 'cleared', cells: await api.clearOpenWorkbookFlags() }));
  }, [api, exclusive]);

  const addTemplate = useCallback(() => {
    exclusive('template', 'template', async () => ({ kind: 'templateAdded', sheets: await api.addTemplateToOpenWorkbook(undefined, settingsRef.current.ruleSet) }));
  }, [api, exclusive]);

  const combine = useCallback(
    (files: readonly PaneFile[]) => {
      if (files.length === 0) return;
      exclusive('combining', 'combine', async () => {
        const picked = await Promise.all(files.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
        const summary = await api.combineFilesIntoOpenWorkbook(picked, {
          ...toCheckOptions(settingsRef.current),
          onProgress: (stage) => setBusy(stage === 'writing' || stage === 'done' ? stage : 'combining'),
        });
        return {
          kind: 'combined',
          files: summary.files,
          chiBo: summary.chiBo,
          errors: summary.errors,
          warnings: summary.warnings,
          unreadable: summary.unreadable.map((u) => u.name),
        };
      });
    },
    [api, exclusive],
  );

  const changeSettings = useCallback(
    (next: PaneSettings) => {
      settingsRef.current = next;
      setSettings(next);
      serial(() => api.saveWorkbookSettings(toWorkbookSettings(next))).catch((error: unknown) => setNotice(failure('saveSettings', error)));
    },
    [api, serial],
  );

  const goTo = useCallback(
    (issue: Issue) => {
      const cell = issue.cell;
      if (cell === null) return;
      serial(() => api.selectCell(issue.sheet, cell)).catch((error: unknown) => setNotice(failure('select', error, formatPlace(issue.sheet, cell))));
    },
    [api, serial],
  );

  const convertToUnicode = useCallback(() => {
    exclusive('converting', 'convert', async () => {
      const { cells } = await api.convertOpenWorkbookToUnicode();
      // The DATA-06 flags and results must follow the converted text at once.
      const result = await api.checkOpenWorkbook({ ...toCheckOptions(settingsRef.current), onProgress: (stage) => setBusy(stage) });
      setChecked({ result, run: ++runs.current });
      return { kind: 'converted', cells };
    });
  }, [api, exclusive]);

  const printBallots = useCallback(
    (round: 1 | 2) => {
      exclusive('ballots', 'ballots', async () => {
        const summary = await api.printBallotsInOpenWorkbook(round, toCheckOptions(settingsRef.current));
        return summary.ok ? { kind: 'ballot', round, sheet: summary.sheet, names: summary.names, copies: summary.copies, pages: summary.pages, cap: summary.cap } : { kind: 'ballotRefused', round, problems: summary.problems };
      });
    },
    [api, exclusive],
  );

  const writeMinutes = useCallback(() => {
    exclusive('minutes', 'minutes', async () => {
      const { errors, warnings, refused } = await api.writeMinutesInOpenWorkbook(toCheckOptions(settingsRef.current));
      return refused ? { kind: 'paperRefused', paper: 'minutes', message: refused.message, messageEn: refused.messageEn } : { kind: 'minutes', errors, warnings };
    });
  }, [api, exclusive]);

  const dismissNotice = useCallback(() => setNotice(null), []);

  const printScoreSheets = useCallback(() => {
    exclusive('ballots', 'ballots', async () => {
      const summary = await api.printScoreSheetsInOpenWorkbook(toCheckOptions(settingsRef.current));
      return summary.ok ? { kind: 'scoreSheets', sheet: summary.sheet, names: summary.names, pages: summary.pages } : { kind: 'scoreSheetsRefused', problems: summary.problems };
    });
  }, [api, exclusive]);

  return { lang, setLang, excelAvailable, busy, checked, notice, dismissNotice, settings, settingsLoading, changeSettings, check, clearFlags, addTemplate, combine, goTo, convertToUnicode, printBallots, writeMinutes, printScoreSheets };
}
