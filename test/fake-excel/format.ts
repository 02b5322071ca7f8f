/**
 * Presentation helpers: colours as Office.js takes and gives them, and `Range.text` (a cell's value as
 * its number format shows it). `text` covers the formats this project uses (General, Text, 0, 0.00,
 * #,##0, percentages, day/month/year dates and times), not the whole format language.
 */
import { invalidArgument } from './errors';
import { type Content, dateFromSerial } from './model';

// ---------------------------------------------------------------------------------------------------
// Colours

/** The HTML colour names most likely to be used; Excel accepts every HTML name. */
const NAMED_COLORS: Readonly<Record<string, string>> = {
  aqua: '#00FFFF', beige: '#F5F5DC', black: '#000000', blue: '#0000FF', brown: '#A52A2A', coral: '#FF7F50',
  crimson: '#DC143C', cyan: '#00FFFF', darkblue: '#00008B', darkgray: '#A9A9A9', darkgreen: '#006400',
  darkgrey: '#A9A9A9', darkorange: '#FF8C00', darkred: '#8B0000', fuchsia: '#FF00FF', gold: '#FFD700',
  gray: '#808080', green: '#008000', grey: '#808080', indigo: '#4B0082', ivory: '#FFFFF0', khaki: '#F0E68C',
  lavender: '#E6E6FA', lightblue: '#ADD8E6', lightgray: '#D3D3D3', lightgreen: '#90EE90', lightgrey: '#D3D3D3',
  lightpink: '#FFB6C1', lightyellow: '#FFFFE0', lime: '#00FF00', magenta: '#FF00FF', maroon: '#800000',
  navy: '#000080', olive: '#808000', orange: '#FFA500', orangered: '#FF4500', pink: '#FFC0CB',
  purple: '#800080', red: '#FF0000', salmon: '#FA8072', silver: '#C0C0C0', teal: '#008080', tomato: '#FF6347',
  violet: '#EE82EE', white: '#FFFFFF', yellow: '#FFFF00',
};

/** "#ffa500", "FFA500" or "orange" → "#FFA500"; anything else is refused as Excel refuses it. */
export function parseColor(value: unknown): string {
  if (typeof value === 'string') {
    const hex = /^#?([0-9a-fA-F]{6})$/.exec(value.trim());
    if (hex) return `#${hex[1].toUpperCase()}`;
    const named = NAMED_COLORS[value.trim().toLowerCase()];
    if (named) return named;
  }
  throw invalidArgument(`color ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------------
// Range.text

export function formatText(content: Content, numberFormat: string, date1904: boolean): string {
  if (content === null) return '';
  if (typeof content === 'object') return content.error;
  if (typeof content === 'boolean') return content ? 'TRUE' : 'FALSE';
  if (typeof content === 'string') return content;
  return formatNumber(content, numberFormat, date1904);
}

export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e11 || (abs > 0 && abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  // General shows at most 10 significant digits in a standard-width column.
  const rounded = Number(n.toPrecision(10));
  if (Math.abs(rounded) >= 1e-6) return String(rounded);
  return rounded.toFixed(12).replace(/0+$/, '');
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Drops quoted literals, escapes and [colour]/[condition] brackets to see which codes remain. */
const codesOnly = (section: string): string => section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');

function formatNumber(n: number, format: string, date1904: boolean): string {
  if (format === 'General' || format === '' || format === '@') return formatGeneral(n);
  const sections = splitSections(format);
  let section = sections[0];
  let value = n;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
    sign = '';
  } else if (n === 0 && sections.length > 2) section = sections[2];
  const codes = codesOnly(section);
  if (/[ydhs]/i.test(codes) || (/m/i.test(codes) && !/[0#?]/.test(codes))) return formatDate(n, section, date1904);
  if (!/[0#?]/.test(codes)) return section.includes('General') ? formatGeneral(n) : literal(section);
  return sign + formatDigits(Math.abs(value), section);
}

function literal(text: string): string {
  return text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/\[[^\]]*\]/g, '').replace(/_./g, ' ');
}

function formatDigits(value: number, section: string): string {
  const clean = section.replace(/\[[^\]]*\]/g, '');
  // The digit pattern runs from the first to the last of 0 # ? . , (outside quotes).
  const masked = clean.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)).replace(/\\./g, '  ');
  const first = masked.search(/[0#?]/);
  let last = first;
  for (let i = first; i < masked.length; i++) if (/[0#?.,]/.test(masked[i])) last = i;
  const prefix = literal(clean.slice(0, first));
  const suffix = literal(clean.slice(last + 1));
  const pattern = clean.slice(first, last + 1);
  const percents = (masked.match(/%/g) ?? []).length;
  const scaled = value * 100 ** percents;
  const [intPart, decPart = ''] = pattern.split('.');
  const maxDecimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  let [whole, frac = ''] = scaled.toFixed(maxDecimals).split('.');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (whole === '0' && minInt === 0) whole = '';
  whole = whole.padStart(minInt, '0');
  if (intPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimalPoint = pattern.includes('.') ? '.' : '';
  return `${prefix}${whole}${decimalPoint}${frac}${suffix}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(serial: number, section: string, date1904: boolean): string {
  const d = dateFromSerial(serial, date1904);
  const tokens = section.match(/"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|A\/P|./gi) ?? [];
  const twelveHour = tokens.some((t) => /^(AM\/PM|A\/P)$/i.test(t));
  const isCode = (t: string): boolean => /^(y+|m+|d+|h+|s+)$/i.test(t);
  const hours = d.getUTCHours();
  let out = '';
  tokens.forEach((token, i) => {
    const t = token.toLowerCase();
    const prevCode = tokens.slice(0, i).reverse().find(isCode)?.toLowerCase() ?? '';
    const nextCode = tokens.slice(i + 1).find(isCode)?.toLowerCase() ?? '';
    const minute = (t === 'm' || t === 'mm') && (prevCode.startsWith('h') || nextCode.startsWith('s'));
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith('\\')) out += token.slice(1);
    else if (token.startsWith('[')) out += '';
    else if (t === 'yyyy') out += String(d.getUTCFullYear());
    else if (t === 'yy') out += String(d.getUTCFullYear() % 100).padStart(2, '0');
    else if (minute) out += t === 'mm' ? String(d.getUTCMinutes()).padStart(2, '0') : String(d.getUTCMinutes());
    else if (t === 'mmmmm') out += MONTHS[d.getUTCMonth()][0];
    else if (t === 'mmmm') out += MONTHS[d.getUTCMonth()];
    else if (t === 'mmm') out += MONTHS[d.getUTCMonth()].slice(0, 3);
    else if (t === 'mm') out += String(d.getUTCMonth() + 1).padStart(2, '0');
    else if (t === 'm') out += String(d.getUTCMonth() + 1);
    else if (t === 'dddd') out += DAYS[d.getUTCDay()];
    else if (t === 'ddd') out += DAYS[d.getUTCDay()].slice(0, 3);
    else if (t === 'dd') out += String(d.getUTCDate()).padStart(2, '0');
    else if (t === 'd') out += String(d.getUTCDate());
    else if (t === 'hh' || t === 'h') {
      const h = twelveHour ? hours % 12 || 12 : hours;
      out += t === 'hh' ? String(h).padStart(2, '0') : String(h);
    } else if (t === 'ss') out += String(d.getUTCSeconds()).padStart(2, '0');
    else if (t === 's') out += String(d.getUTCSeconds());
    else if (t === 'am/pm') out += hours < 12 ? 'AM' : 'PM';
    else if (t === 'a/p') out += hours < 12 ? 'A' : 'P';
    else out += token;
  });
  return out;
}
