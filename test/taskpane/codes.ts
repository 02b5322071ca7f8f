/**
 * The engine's internal codes, and a scan for them inside sentences a person reads (issue 13): the
 * command line's human output and the pane's text say words; codes belong in the JSON.
 */
import { RULE_SETS } from '../../src/core/ruleSets';
import type { OptionDef } from '../../src/core/ruleSets/types';
import { REASON_WORDS, STATUS_WORDS } from '../../src/core/rules/words';

const options = RULE_SETS.flatMap((r) => Object.entries(r.options as unknown as Record<string, OptionDef>));

/** Every code: reasons, statuses, rule-set ids, option keys and values. */
export const CODES: readonly string[] = [
  ...new Set([
    ...Object.keys(REASON_WORDS),
    ...Object.keys(STATUS_WORDS),
    ...RULE_SETS.map((r) => r.id),
    ...options.map(([key]) => key),
    ...options.flatMap(([, def]) => def.values),
  ]),
];

/** In English text only the codes that are not English words (`no-tally-row`, `hd27-2014`, `htnvCounting`). */
export const CODES_NOT_WORDS: readonly string[] = CODES.filter((c) => /[-\d]|[a-z][A-Z]/.test(c));

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The codes standing as words in `text`: in Vietnamese, every code inside a line with Vietnamese letters;
 * in English, the codes that are not words. File paths and names (`…/present-typed-y.xlsx`) are left out.
 */
export function codesIn(text: string, lang: 'vi' | 'en'): string[] {
  const found: string[] = [];
  const codes = lang === 'vi' ? CODES : CODES_NOT_WORDS;
  for (const line of text.split('\n')) {
    if (lang === 'vi' && !VIETNAMESE.test(line)) continue;
    const words = line.replace(/\S*[/\\]\S*|\S+\.xlsx\b/g, ' ');
    for (const code of codes) {
      if (new RegExp(`(?<![\\p{L}\\p{N}_./-])${escape(code)}(?![\\p{L}\\p{N}_/-])`, 'u').test(words)) found.push(`${code} in: ${line.trim().slice(0, 200)}`);
    }
  }
  return found;
}
