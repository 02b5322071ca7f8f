/**
 * Issue 13: the rules the project applies are in the repository. docs/RULES.md and docs/FORMS.md are
 * generated from the code (`npm run docs:rules`, scripts/rulesDoc.ts); this renders them in memory and
 * fails when a file in docs/ is stale, when a rule the code knows is missing from it, or when a rule has
 * no words for a person in either language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFormsDoc, renderRulesDoc } from '../../scripts/rulesDoc';
import { RULE_DESCRIPTIONS, RULE_IDS } from '../../src/core/rules/catalogue';
import { registeredRules, ruleMeta } from '../../src/core/rules/registry';
import { READINGS } from '../../src/core/rules/readings';
import { isHd27, RULE_SETS } from '../../src/core/ruleSets';
import { ALL_INPUT_FORMS, RESULT_SHEETS } from '../../src/core/forms/definitions';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const STALE = 'cũ so với mã nguồn: chạy `npm run docs:rules` (stale: run npm run docs:rules)';

/** The first line that differs, to say where the file and the code part. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return `line ${i + 1}:\n  file: ${x[i]}\n  code: ${y[i]}`;
  return '';
}

describe('docs/RULES.md, generated from the rule metadata', () => {
  const doc = read('docs/RULES.md');

  it('is what `npm run docs:rules` writes from the code today (not stale)', () => {
    const fresh = renderRulesDoc();
    if (doc !== fresh) throw new Error(`docs/RULES.md ${STALE}\n${firstDifference(doc, fresh)}`);
  });

  it('has a section, an index row and a link target for every rule ID in the code', () => {
    const missing = RULE_IDS.filter((id) => !doc.includes(`### ${id} · `) || !doc.includes(`| [${id}](#${id.toLowerCase()}) |`) || !doc.includes(`<a id="${id.toLowerCase()}"></a>`));
    expect(missing).toEqual([]);
    expect(registeredRules().map((m) => m.id)).toEqual([...RULE_IDS]);
  });

  it('gives every rule its severity, source section, title and description in Vietnamese and English', () => {
    for (const id of RULE_IDS) {
      const m = ruleMeta(id);
      const section = doc.slice(doc.indexOf(`### ${id} · `), doc.indexOf('<a id=', doc.indexOf(`### ${id} · `)));
      expect({ id, vi: (m.description?.length ?? 0) > 20, en: (m.descriptionEn?.length ?? 0) > 20 }).toEqual({ id, vi: true, en: true });
      expect(m.description).toBe(RULE_DESCRIPTIONS[id].description);
      // Vietnamese words carry Vietnamese letters; the English line does not repeat the Vietnamese one.
      expect(m.description).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(m.descriptionEn).not.toBe(m.description);
      expect(section).toContain(m.title);
      expect(section).toContain(`*${m.titleEn}*`);
      expect(section).toContain(m.description as string);
      expect(section).toContain(`*${m.descriptionEn as string}*`);
      expect(section).toContain(m.severity === 'error' ? 'Lỗi *(error)*' : 'Cảnh báo *(warning)*');
      if (m.seed.startsWith('RULES-2025')) expect(section).toContain(`văn bản năm 2025: ${m.seed.replace(/^RULES-2025 §[\d, §]+;?\s*/, '')}`);
      else expect(section).toMatch(m.seed.startsWith('RULES.md') ? /quy định của dự án, mục \d/ : new RegExp(`Kế hoạch mục ${m.seed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('prints the readings fixed where the text leaves a choice, 9.1 to 9.21, each in both languages and tied to known rules', () => {
    expect(READINGS.map((r) => r.n)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (const r of READINGS) {
      expect(doc).toContain(`### 9.${r.n}. ${r.title}`);
      expect(doc).toContain(r.text);
      expect(doc).toContain(`*${r.textEn}*`);
      expect(r.rules.length).toBeGreaterThan(0);
      for (const id of r.rules) expect(RULE_IDS).toContain(id);
    }
  });

  it("prints every rule set's options with each value, its meaning in both languages and the default", () => {
    for (const rs of RULE_SETS) {
      expect(doc).toContain(`\`${rs.id}\``);
      for (const [key, def] of Object.entries(rs.options) as [string, { values: readonly string[]; default: string; label: string; labelEn: string; describe: Record<string, string>; describeEn: Record<string, string> }][]) {
        expect(doc).toContain(`### \`${key}\` — ${def.label}`);
        expect(doc).toContain(`\`${def.default}\` **(mặc định · default)**`);
        for (const v of def.values) {
          expect(doc).toContain(def.describe[v]);
          expect(doc).toContain(def.describeEn[v]);
        }
      }
      if (!isHd27(rs)) continue;
      expect(doc).toContain(`trên ${rs.excellentShare.num}/${rs.excellentShare.den} N`);
      expect(doc).toContain(`${rs.capPercent}% số HTTNV`);
    }
  });

  it('points only inside the repository: its links are anchors it defines or files in docs/', () => {
    expect(doc).not.toMatch(/\.\.\/shared|shared\/spec|seeds\//);
    const anchors = new Set([...doc.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const broken = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]).filter((a) => !anchors.has(a));
    expect(broken).toEqual([]);
  });
});

describe('docs/FORMS.md, generated from the workbook contract', () => {
  const doc = read('docs/FORMS.md');

  it('is what `npm run docs:rules` writes from src/core/forms/definitions.ts today (not stale)', () => {
    const fresh = renderFormsDoc();
    if (doc !== fresh) throw new Error(`docs/FORMS.md ${STALE}\n${firstDifference(doc, fresh)}`);
  });

  it('names every input sheet the template writes and every result sheet, and points nowhere outside the repository', () => {
    for (const form of ALL_INPUT_FORMS) expect(doc).toContain(`### \`${form.sheet}\``);
    for (const sheet of Object.values(RESULT_SHEETS)) expect(doc).toContain(`\`${sheet}\``);
    expect(doc).not.toMatch(/\.\.\/shared|shared\/spec|seeds\//);
  });
});
