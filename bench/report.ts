/** Figures (min, median, max over runs), their targets, the printed table and the JSON file. */

export type Unit = 's' | 'members/s' | 'ratio' | 'MB' | 'count' | 'bytes' | 'KB';

export interface Target {
  /** As the issue states it: "≤ 1.3 × bare read", "< 1 GB". */
  readonly text: string;
  /** Whether the figure (its median, or every run where that is what the target says) meets it. */
  readonly met: boolean;
}

export interface Figure {
  readonly id: string;
  readonly section: string;
  readonly label: string;
  readonly size: string;
  readonly unit: Unit;
  readonly runs: readonly number[];
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly target: Target | null;
  /**
   * For a time: the CPU time (user + sys) of the same runs, in seconds, and its median. A busy machine
   * stretches the wall clock far more than the CPU time, so targets on time are judged on CPU.
   */
  readonly cpu?: readonly number[];
  readonly cpuMedian?: number;
  readonly note?: string;
  /** In the short table (README, bench/results/latest.md). */
  readonly headline?: boolean;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function figure(f: Omit<Figure, 'min' | 'median' | 'max' | 'cpuMedian'>): Figure {
  const runs = f.runs.map((x) => round(x));
  const cpu = f.cpu?.map((x) => round(x));
  return { ...f, runs, min: Math.min(...runs), median: round(median(runs)), max: Math.max(...runs), ...(cpu ? { cpu, cpuMedian: round(median(cpu)) } : {}) };
}

/** Four significant digits: enough for a benchmark, stable in a committed file. */
export function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 6)));
}

const group = (n: number): string => Math.round(n).toLocaleString('en-US');

export function format(x: number, unit: Unit): string {
  if (!Number.isFinite(x)) return '—';
  switch (unit) {
    case 's':
      return x < 0.1 ? `${(x * 1000).toFixed(1)} ms` : x < 10 ? `${x.toFixed(3)} s` : `${x.toFixed(1)} s`;
    case 'members/s':
      return `${group(x)}/s`;
    case 'ratio':
      return `${x.toFixed(2)}×`;
    case 'MB':
      return `${x.toFixed(0)} MB`;
    case 'KB':
      return `${x.toFixed(1)} KB`;
    case 'bytes':
      return x >= 1024 * 1024 ? `${(x / 1024 / 1024).toFixed(2)} MB` : x >= 1024 ? `${(x / 1024).toFixed(1)} KB` : `${x} B`;
    case 'count':
      return group(x);
  }
}

/**
 * A plain-text table (also valid Markdown), one line per figure: min / median / max of the wall clock
 * (or of the figure itself), then the median CPU time (user + sys) of the same runs where it is a time.
 */
export function table(figures: readonly Figure[]): string {
  const head = ['#', 'measure', 'size', 'min', 'median', 'max', 'CPU (median)', 'target', 'met'];
  const rows = figures.map((f) => [
    f.section,
    f.label,
    f.size,
    format(f.min, f.unit),
    format(f.median, f.unit),
    format(f.max, f.unit),
    f.cpuMedian === undefined ? '' : format(f.cpuMedian, f.unit),
    f.target?.text ?? '',
    f.target ? (f.target.met ? 'yes' : 'NO') : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = new Set([3, 4, 5, 6]);
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
