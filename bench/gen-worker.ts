/**
 * A generation job, run as a child process (generation of a big ward is spread over the cores):
 * writes its share of a set's .xlsx files through the real template, reads each back with the real
 * adapter, and saves those grids for the engine benchmark.
 *
 *   node gen-worker.js '{"dir":…,"kind":"ward","total":20000,"seed":1,"part":0,"parts":2}'
 */
import { join } from 'node:path';
import { loadXlsx, workbookToModel } from '../src/xlsx/readXlsx';
import { fillWorkbook } from '../src/xlsx/fill';
import { HD43_2025 } from '../src/core/ruleSets/hd43-2025';
import { fillRuleSetTemplate } from '../src/xlsx/template';
import { ward25ChiBoData, ward25Plan } from '../src/xlsx/wardExample';
import { chiBoData, planWard, SINGLE_FILE, singleChiBo, type UsedPeople, wardFileName, withMisspeltCells } from './generate';
import { type CachedGrid, writeGrids } from './grids';

export interface GenJob {
  readonly dir: string;
  readonly kind: 'ward' | 'single';
  readonly total: number;
  readonly seed: number;
  readonly part: number;
  readonly parts: number;
  /** Save the grids read back (the engine benchmark's input). */
  readonly grids: boolean;
  /** Single workbooks: the ordinary warnings of a meeting (blank ballots). */
  readonly warnings?: boolean;
  /** Single workbooks: this many misspelt yes/no cells. */
  readonly misspelt?: number;
  /** Wards: chi bộ of rule set hd43-2025 (src/xlsx/wardExample.ts `ward25ChiBoData`) instead of 2014's. */
  readonly ruleSet?: 'hd43-2025';
}

/** An hd43-2025 ward: each chi bộ's workbook through the 2025 template (scores and task figures). */
async function run25(job: GenJob): Promise<void> {
  const grids: CachedGrid[] = [];
  const plan = ward25Plan(job.total, job.seed);
  for (let index = job.part; index < plan.chiBo; index += job.parts) {
    const file = wardFileName(index);
    const path = join(job.dir, file);
    await fillRuleSetTemplate(HD43_2025, ward25ChiBoData(index, plan)).workbook.xlsx.writeFile(path);
    if (job.grids) grids.push({ index, file, members: plan.members[index], model: workbookToModel(await loadXlsx(path)) });
  }
  if (job.grids) writeGrids(join(job.dir, `grids.${job.part}.json`), grids);
}

async function run(job: GenJob): Promise<void> {
  if (job.ruleSet === 'hd43-2025') return run25(job);
  const grids: CachedGrid[] = [];
  const used: UsedPeople = new Set();
  const specs = job.kind === 'ward' ? planWard(job.total, job.seed) : [singleChiBo(job.total, job.seed, job.warnings ?? true)];
  for (const spec of specs) {
    // Every job computes every chi bộ's data (cheap), so that names stay unique across the ward.
    let { data } = chiBoData(spec, used);
    if (spec.index % job.parts !== job.part) continue;
    if (job.misspelt) data = withMisspeltCells(data, job.misspelt);
    const file = job.kind === 'ward' ? wardFileName(spec.index) : SINGLE_FILE;
    const path = join(job.dir, file);
    await fillWorkbook(data).workbook.xlsx.writeFile(path);
    if (job.grids) grids.push({ index: spec.index, file, members: spec.members, model: workbookToModel(await loadXlsx(path)) });
  }
  if (job.grids) writeGrids(join(job.dir, `grids.${job.part}.json`), grids);
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as GenJob).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
