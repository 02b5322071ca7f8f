/**
 * Data validation as Excel keeps it: each setting applies to a set of cells (`sqref` in the file), and
 * the sets of one sheet do not overlap. What `Range.dataValidation` reads is what the range's cells
 * share: `type` is 'None' without any, 'MixedCriteria' when only some cells have one, 'Inconsistent'
 * when they differ; `rule`, `prompt`, `errorAlert` and `ignoreBlanks` then read null.
 */
import { type Rect, intersection, parseRect, rectCells, splitSheet, subtract } from './address';
import { invalidArgument } from './errors';
import { type Content, type DataValidationType, type HostSheet, type ValidationState, cellKey, cellsIn, isCoveredByMerge, serialFromDate } from './model';

export const DEFAULT_PROMPT: ValidationState['prompt'] = { showPrompt: false, title: '', message: '' };
export const DEFAULT_ALERT: ValidationState['errorAlert'] = { showAlert: true, style: 'Stop', title: '', message: '' };
/** What a cell without data validation reads as. */
export const NO_VALIDATION: ValidationState = { type: 'None', rule: {}, prompt: DEFAULT_PROMPT, errorAlert: DEFAULT_ALERT, ignoreBlanks: true };

export const RULE_TYPES: Readonly<Record<string, DataValidationType>> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};
export const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'] as const;
const ALERT_STYLES = ['Stop', 'Warning', 'Information'] as const;

/** Excel's limits on validation texts (from its Data Validation dialog). */
export const LIMITS = { title: 32, promptMessage: 255, alertMessage: 225, listSource: 255 } as const;

const key = (state: ValidationState): string => JSON.stringify(state);
const NO_VALIDATION_KEY = key(NO_VALIDATION);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown): boolean => v !== undefined && v !== null;

// ---------------------------------------------------------------------------------------------------
// Parsing what the add-in sets (after JSON, as Excel receives it)

function operand(value: unknown, kind: 'number' | 'date', what: string): string | number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // The documentation: date and time criteria take an ISO 8601 string or a formula, not a number.
    if (kind === 'date') throw invalidArgument(`${what} must be an ISO date/time string or a formula`);
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    if (text.startsWith('=')) return value;
    if (kind === 'number' && !Number.isNaN(Number(text))) return value;
    if (kind === 'date' && (isoSerial(text, false) !== null || timeFraction(text) !== null)) return value;
  }
  throw invalidArgument(`${what} ${JSON.stringify(value)}`);
}

function basicCriteria(value: Record<string, unknown>, kind: 'number' | 'date', type: string): Record<string, unknown> {
  const op = value.operator;
  if (!OPERATORS.includes(op as (typeof OPERATORS)[number])) throw invalidArgument(`${type}.operator ${JSON.stringify(op)}`);
  if (!present(value.formula1)) throw invalidArgument(`${type}.formula1 is required`);
  const ternary = op === 'Between' || op === 'NotBetween';
  if (ternary && !present(value.formula2)) throw invalidArgument(`${type}.formula2 is required with ${String(op)}`);
  return {
    formula1: operand(value.formula1, kind, `${type}.formula1`),
    ...(ternary ? { formula2: operand(value.formula2, kind, `${type}.formula2`) } : {}),
    operator: op,
  };
}

/** A `DataValidationRule` as Excel accepts it: exactly one criteria object. */
export function parseRule(value: unknown): { type: DataValidationType; rule: ValidationState['rule'] } {
  if (!isObject(value)) throw invalidArgument('rule must be an object');
  const keys = Object.keys(value).filter((k) => present(value[k]));
  const unknown = keys.find((k) => !RULE_TYPES[k]);
  if (unknown) throw invalidArgument(`DataValidationRule has no ${unknown}`);
  if (keys.length !== 1) throw invalidArgument(`a DataValidationRule needs exactly one criteria object, got ${keys.length}`);
  const name = keys[0];
  const criteria = value[name];
  if (!isObject(criteria)) throw invalidArgument(`${name} must be an object`);
  let normalised: Record<string, unknown>;
  switch (name) {
    case 'list': {
      const source = criteria.source;
      // A Range object arrives as its JSON (not an address): Excel refuses it (OfficeDev/office-js#277).
      if (typeof source !== 'string' || source.trim() === '') throw invalidArgument('list.source must be a string: "a,b,c" or "=A1:A3"').withLocation('ListDataValidation.source');
      if (!source.trim().startsWith('=') && source.length > LIMITS.listSource) throw invalidArgument(`a list source is at most ${LIMITS.listSource} characters`).withLocation('ListDataValidation.source');
      const dropDown = criteria.inCellDropDown;
      if (present(dropDown) && typeof dropDown !== 'boolean') throw invalidArgument('list.inCellDropDown must be true or false');
      normalised = { inCellDropDown: dropDown ?? true, source };
      break;
    }
    case 'custom':
      if (typeof criteria.formula !== 'string' || criteria.formula.trim() === '') throw invalidArgument('custom.formula must be a formula string');
      normalised = { formula: criteria.formula };
      break;
    case 'date':
    case 'time':
      normalised = basicCriteria(criteria, 'date', name);
      break;
    default:
      normalised = basicCriteria(criteria, 'number', name);
  }
  return { type: RULE_TYPES[name], rule: { [name]: normalised } };
}

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string') throw invalidArgument(`${what} must be a string`);
  if (value.length > max) throw invalidArgument(`${what} is at most ${max} characters`);
  return value;
}

function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw invalidArgument(`${what} must be true or false`);
  return value;
}

/** `prompt = {…}`: the given fields replace the current ones; the others stay. */
export function parsePrompt(value: unknown, current: ValidationState['prompt']): ValidationState['prompt'] {
  if (!isObject(value)) throw invalidArgument('prompt must be an object');
  return {
    showPrompt: present(value.showPrompt) ? flag(value.showPrompt, 'prompt.showPrompt') : current.showPrompt,
    title: present(value.title) ? text(value.title, LIMITS.title, 'prompt.title') : current.title,
    message: present(value.message) ? text(value.message, LIMITS.promptMessage, 'prompt.message') : current.message,
  };
}

export function parseErrorAlert(value: unknown, current: ValidationState['errorAlert']): ValidationState['errorAlert'] {
  if (!isObject(value)) throw invalidArgument('errorAlert must be an object');
  const style = value.style;
  if (present(style) && !ALERT_STYLES.includes(style as (typeof ALERT_STYLES)[number])) throw invalidArgument(`errorAlert.style ${JSON.stringify(style)}`);
  return {
    showAlert: present(value.showAlert) ? flag(value.showAlert, 'errorAlert.showAlert') : current.showAlert,
    style: present(style) ? (style as ValidationState['errorAlert']['style']) : current.style,
    title: present(value.title) ? text(value.title, LIMITS.title, 'errorAlert.title') : current.title,
    message: present(value.message) ? text(value.message, LIMITS.alertMessage, 'errorAlert.message') : current.message,
  };
}

export const parseIgnoreBlanks = (value: unknown): boolean => flag(value, 'ignoreBlanks');

// ---------------------------------------------------------------------------------------------------
// Reading and changing the host

export interface ValidationRead {
  /** The setting all cells share; null when they do not share one. */
  readonly state: ValidationState | null;
  readonly type: DataValidationType | 'Inconsistent' | 'MixedCriteria';
}

export function validationOf(sheet: HostSheet, rects: readonly Rect[]): ValidationRead {
  const total = rects.reduce((n, r) => n + rectCells(r), 0);
  let covered = 0;
  const states = new Map<string, ValidationState>();
  for (const record of sheet.validations) {
    for (const area of record.rects) {
      for (const target of rects) {
        const i = intersection(area, target);
        if (!i) continue;
        covered += rectCells(i);
        states.set(key(record.dv), record.dv);
      }
    }
  }
  if (covered === 0) return { state: NO_VALIDATION, type: 'None' };
  if (covered < total) return { state: null, type: 'MixedCriteria' };
  if (states.size > 1) return { state: null, type: 'Inconsistent' };
  const [only] = states.values();
  return { state: only, type: only.type };
}

/** `dataValidation.clear()`: the cells of `rects` lose their validation; other cells keep theirs. */
export function clearValidation(sheet: HostSheet, rects: readonly Rect[]): void {
  for (const record of sheet.validations) {
    record.rects = record.rects.flatMap((area) => rects.reduce<Rect[]>((parts, cut) => parts.flatMap((p) => subtract(p, cut)), [area]));
  }
  sheet.validations = sheet.validations.filter((r) => r.rects.length > 0);
}

function add(sheet: HostSheet, rects: Rect[], dv: ValidationState): void {
  if (rects.length && key(dv) !== NO_VALIDATION_KEY) sheet.validations.push({ rects, dv });
}

/**
 * Setting `rule`: the range must not mix validations (Excel answers InvalidArgument, as in
 * OfficeDev/office-js#2594); the new rule keeps the range's prompt, alert and ignoreBlanks.
 */
export function setRule(sheet: HostSheet, rects: readonly Rect[], value: unknown): void {
  const { type, rule } = parseRule(value);
  const current = validationOf(sheet, rects);
  if (!current.state) throw invalidArgument(`the range has ${current.type} data validation: clear() it before setting a rule`);
  clearValidation(sheet, rects);
  add(sheet, [...rects], { ...current.state, type, rule });
}

/** Setting `prompt`, `errorAlert` or `ignoreBlanks`: each cell keeps its own rule. */
export function updateValidation(sheet: HostSheet, rects: readonly Rect[], change: (state: ValidationState) => ValidationState): void {
  const pieces: { rect: Rect; dv: ValidationState }[] = [];
  for (const target of rects) {
    let uncovered: Rect[] = [target];
    for (const record of sheet.validations) {
      for (const area of record.rects) {
        const i = intersection(area, target);
        if (!i) continue;
        pieces.push({ rect: i, dv: change(record.dv) });
        uncovered = uncovered.flatMap((u) => subtract(u, i));
      }
    }
    if (uncovered.length) {
      const dv = change(NO_VALIDATION);
      for (const rect of uncovered) pieces.push({ rect, dv });
    }
  }
  clearValidation(sheet, rects);
  for (const { rect, dv } of pieces) add(sheet, [rect], dv);
}

// ---------------------------------------------------------------------------------------------------
// DataValidation.valid: whether the values satisfy the rule (constants only; formulas are not calculated)

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** An ISO date or date-time as a serial; the time is taken as written (wall clock), not converted. */
export function isoSerial(text: string, date1904: boolean): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (date.getUTCMonth() !== Number(mo) - 1) return null;
  return serialFromDate(date, date1904);
}

function timeFraction(text: string): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400;
}

/** A criteria operand as a number, or null when it is a formula the fake cannot calculate. */
function operandValue(value: unknown, type: DataValidationType, date1904: boolean): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const t = value.trim().replace(/^=/, '').trim();
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  if (type === 'Time') {
    const f = timeFraction(t);
    if (f !== null) return f;
    const s = isoSerial(t, date1904);
    return s === null ? null : s - Math.floor(s);
  }
  if (type === 'Date') return isoSerial(t, date1904);
  return null;
}

function compare(x: number, op: string, a: number, b: number | null): boolean {
  switch (op) {
    case 'Between':
      return b !== null && x >= Math.min(a, b) && x <= Math.max(a, b);
    case 'NotBetween':
      return b !== null && (x < Math.min(a, b) || x > Math.max(a, b));
    case 'EqualTo':
      return x === a;
    case 'NotEqualTo':
      return x !== a;
    case 'GreaterThan':
      return x > a;
    case 'LessThan':
      return x < a;
    case 'GreaterThanOrEqualTo':
      return x >= a;
    default:
      return x <= a;
  }
}

const contentAt = (sheet: HostSheet, r: number, c: number): Content => (isCoveredByMerge(sheet, r, c) ? null : (sheet.cells.get(cellKey(r, c))?.content ?? null));
const asText = (c: Content): string => (c === null ? '' : typeof c === 'object' ? c.error : typeof c === 'boolean' ? (c ? 'TRUE' : 'FALSE') : String(c));

/** The items of a list source, or null when it is a formula the fake cannot resolve. */
function listItems(sheet: HostSheet, source: string): string[] | null {
  const s = source.trim();
  if (!s.startsWith('=')) return s.split(',').map((item) => item.trim());
  const { sheet: named, ref } = splitSheet(s.slice(1));
  const target = named === undefined ? sheet : sheet.book.findSheet(named);
  const rect = parseRect(ref);
  if (!target || !rect || rectCells(rect) > 100_000) return null;
  const items: string[] = [];
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) items.push(asText(contentAt(target, r, c)));
  return items;
}

/** One cell against its validation; null when the fake cannot tell (a formula criterion). */
function cellValid(sheet: HostSheet, r: number, c: number, dv: ValidationState, items: string[] | null): boolean | null {
  if (dv.type === 'None') return true;
  const content = contentAt(sheet, r, c);
  if (content === null || content === '') return dv.ignoreBlanks;
  if (dv.type === 'Custom') return null;
  if (dv.type === 'List') {
    if (!items) return null;
    // Excel's list check ignores case.
    const t = asText(content).toLocaleUpperCase();
    return items.some((item) => item.toLocaleUpperCase() === t);
  }
  const criteria = Object.values(dv.rule)[0];
  const a = operandValue(criteria.formula1, dv.type, sheet.book.date1904);
  const b = criteria.formula2 === undefined ? null : operandValue(criteria.formula2, dv.type, sheet.book.date1904);
  if (a === null || (criteria.formula2 !== undefined && b === null)) return null;
  const op = String(criteria.operator);
  if (dv.type === 'TextLength') return compare(asText(content).length, op, a, b);
  if (typeof content !== 'number') return false;
  if (dv.type === 'WholeNumber' && !Number.isInteger(content)) return false;
  return compare(content, op, a, b);
}

/** `DataValidation.valid`: true when every cell is valid, false when none is, null when mixed. */
export function validity(sheet: HostSheet, rects: readonly Rect[]): boolean | null {
  let validCells = rects.reduce((n, r) => n + rectCells(r), 0);
  let invalidCells = 0;
  for (const record of sheet.validations) {
    const list = record.dv.rule.list;
    const items = list ? listItems(sheet, String(list.source)) : null;
    for (const area of record.rects) {
      for (const target of rects) {
        const i = intersection(area, target);
        if (!i) continue;
        const judge = (r: number, c: number): void => {
          if (cellValid(sheet, r, c, record.dv, items) === false) {
            invalidCells++;
            validCells--;
          }
        };
        if (rectCells(i) <= 100_000) {
          for (let r = i.r0; r <= i.r1; r++) for (let c = i.c0; c <= i.c1; c++) judge(r, c);
          continue;
        }
        // A large area (whole columns): the stored cells one by one, the empty rest at once.
        let stored = 0;
        for (const [r, c] of cellsIn(sheet, i)) {
          stored++;
          judge(r, c);
        }
        if (!record.dv.ignoreBlanks && record.dv.type !== 'None') {
          invalidCells += rectCells(i) - stored;
          validCells -= rectCells(i) - stored;
        }
      }
    }
  }
  if (invalidCells === 0) return true;
  return validCells === 0 ? false : null;
}
