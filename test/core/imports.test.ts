/**
 * The core's module graph has no cycle, type imports included: a cycle (as `rules/issue.ts → registry →
 * families → rules/issue.ts` was) means no module of it can be understood or moved on its own. madge is
 * not a dependency, so the imports are read here from the source text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { sourceFiles } from '../helpers/sources';

const CORE = resolve(__dirname, '../../src/core');

/** Every relative module a file imports or re-exports, `import type` and `export type … from` included. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier.startsWith('.')) specifiers.push(specifier);
  }
  return specifiers;
}

function resolveModule(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (known.has(candidate)) return candidate;
  return null;
}

/** The cycles of a graph, each once, as lists of nodes starting at its first member met in a depth-first walk. */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('src/core imports', () => {
  it('finds import, import type, side-effect imports and re-exports', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import {\n  c,\n  d,\n} from './cd';",
      "import './side';",
      "export { e } from './e';",
      "export type { F } from './f';",
      "export * from './g';",
      "import fs from 'node:fs';",
      "const s = 'from \\'./not-an-import\\'';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', '../b', './cd', './side', './e', './f', './g']);
  });

  it('the walk finds a cycle of three and reports it once', () => {
    const graph = new Map([
      ['issue', ['registry']],
      ['registry', ['families']],
      ['families', ['issue', 'catalogue']],
      ['catalogue', []],
    ]);
    expect(cyclesOf(graph)).toEqual([['issue', 'registry', 'families', 'issue']]);
    expect(cyclesOf(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('no module of src/core reaches itself through its imports', () => {
    const files = sourceFiles(CORE);
    const known = new Set(files);
    const graph = new Map<string, string[]>();
    const unresolved: string[] = [];
    for (const file of files) {
      const targets: string[] = [];
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolveModule(file, specifier, known);
        if (target) targets.push(target);
        else if (resolve(dirname(file), specifier).startsWith(CORE)) unresolved.push(`${relative(CORE, file)} → ${specifier}`);
      }
      graph.set(file, targets);
    }
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(20);
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((f) => relative(CORE, f)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
