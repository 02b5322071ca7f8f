/**
 * The add-in's Office traffic: the real `checkInExcel` (src/office) against the fake Excel host of
 * test/fake-excel, which counts every round trip with its request and response payload, as office.js
 * would send them. Each repetition opens the file afresh (a clerk's first check of the workbook).
 *
 *   node office.js FILE.xlsx REPS   → one JSON line per repetition
 */
import { readFileSync } from 'node:fs';
import { flagsOf } from '../src/core/output/resultSheets';
import type { CheckResult } from '../src/core/check';
import { checkInExcel } from '../src/office/checkInExcel';
import { FakeExcelHost, FakeRequestContext } from '../test/fake-excel';

/** Bytes of each sync's request body by API member (`Range.values`, `NoteCollection.add`, …), and of its object paths. */
type Breakdown = Record<string, { requests: number; bytes: number }>[];

/**
 * With BENCH_OFFICE_DETAIL=1: wraps the fake's request body builder (it is private; this is a
 * diagnostic only) to attribute each sync's bytes to the API members that make them.
 */
function recordBreakdown(): Breakdown {
  const syncs: Breakdown = [];
  const proto = FakeRequestContext.prototype as unknown as { message: (requests: readonly { location: string; kind: string }[]) => { Actions: unknown[]; ObjectPaths: unknown } };
  const original = proto.message;
  proto.message = function (this: unknown, requests) {
    const body = original.call(this, requests);
    const parts: Record<string, { requests: number; bytes: number }> = {};
    body.Actions.forEach((action, i) => {
      const r = requests[i];
      const key = `${r.kind} ${r.location}`;
      parts[key] ??= { requests: 0, bytes: 0 };
      parts[key].requests++;
      parts[key].bytes += Buffer.byteLength(JSON.stringify(action)) + 1;
    });
    parts['(object paths)'] = { requests: 0, bytes: Buffer.byteLength(JSON.stringify(body.ObjectPaths)) };
    syncs.push(parts);
    return body;
  };
  return syncs;
}

async function run(file: string, reps: number): Promise<void> {
  const bytes = readFileSync(file);
  const breakdown = process.env.BENCH_OFFICE_DETAIL ? recordBreakdown() : null;
  for (let i = 0; i < reps; i++) {
    const host = await FakeExcelHost.fromXlsx(bytes);
    const inputSheets = new Set(host.sheetNames());
    host.resetStats();
    const restore = host.installGlobals();
    const t0 = process.hrtime.bigint();
    let result: CheckResult | null = null;
    let error: string | null = null;
    try {
      result = await host.run((context) => checkInExcel(context));
    } catch (err) {
      // A refused request (over 5 MB) fails the clerk's check: report it with the traffic up to there.
      const e = err as { code?: string; message?: string };
      error = `${e.code ?? 'Error'}: ${e.message ?? String(err)}`;
    } finally {
      restore();
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const s = host.stats;
    const line = {
      error,
      members: result ? result.members.length : null,
      flaggedCells: result ? flagsOf(result.issues, (name) => inputSheets.has(name)).length : null,
      syncs: s.syncs,
      emptySyncs: s.emptySyncs,
      requests: s.requests.reduce((a, b) => a + b, 0),
      requestBytes: s.bytes.reduce((a, b) => a + b, 0),
      responseBytes: s.responseBytes.reduce((a, b) => a + b, 0),
      maxRequestBytes: s.maxRequestBytes,
      maxResponseBytes: Math.max(0, ...s.responseBytes),
      perSync: s.log.map((r) => ({ requests: r.requests, bytes: r.bytes, responseBytes: r.responseBytes, error: r.error })),
      fakeHostSeconds: seconds,
      breakdown: breakdown ? breakdown.splice(0) : undefined,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

run(process.argv[2], Number(process.argv[3] ?? 3)).catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
