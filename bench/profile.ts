/**
 * A CPU profile (node --cpu-prof) summed up by function: where the time of a run went, inclusive of
 * callees, for the project's own code (src/) and the libraries it calls (node_modules/).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Hotspot {
  /** `file:function`, the file relative to the repository. */
  readonly where: string;
  /** Share of all samples in this function and its callees. */
  readonly inclusive: number;
  /** Share of all samples in this function itself. */
  readonly self: number;
}

function place(node: ProfileNode): string | null {
  const url = node.callFrame.url;
  // A module's top level (loading it) is not a hot spot of the run.
  if (node.callFrame.functionName === '' && node.callFrame.lineNumber === 0) return null;
  const m = /(?:bench\/build\/)?((?:src|node_modules)\/.*)$/.exec(url.replace(/^file:\/\//, ''));
  if (!m) return node.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : null;
  return `${m[1].replace(/\.js$/, m[1].startsWith('src/') ? '.ts' : '.js')}:${node.callFrame.functionName || '(anonymous)'}`;
}

export function hotspots(path: string, count = 12): Hotspot[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    time.set(id, (time.get(id) ?? 0) + dt);
    total += dt;
  });
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  for (const [id, t] of time) {
    const own = place(byId.get(id) as ProfileNode);
    if (own) self.set(own, (self.get(own) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = place(byId.get(cur) as ProfileNode);
      if (key && !seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + t);
      }
    }
  }
  return [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, t]) => ({ where, inclusive: Math.round((1000 * t) / total) / 1000, self: Math.round((1000 * (self.get(where) ?? 0)) / total) / 1000 }));
}
