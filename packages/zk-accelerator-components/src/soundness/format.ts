import { GadgetReport, worse } from './check-gadget';

function backendTitle(r: GadgetReport): string {
  return r.backend === 'groth16'
    ? 'groth16: range checks by bits'
    : `groth16-cr: range checks by lookups into [0, 2^${r.limbBits}), searched as table membership`;
}

/**
 * One table per backend (in the reports' order), one line per gadget, then every counterexample
 * and error in full.
 */
export function formatSoundness(reports: GadgetReport[]): string {
  const titles = [...new Set(reports.map(backendTitle))];
  const cr = (r: GadgetReport) => r.backend === 'groth16-cr';
  const cells = (r: GadgetReport): Record<string, string> => ({
    gadget: r.gadget, result: r.result, cases: String(r.cases.length), candidates: String(r.candidates), time: `${r.ms} ms`,
    ...(cr(r) ? { lookups: String(r.cases.reduce((s, c) => s + (c.lookups ?? 0), 0)) } : {}),
  });
  // Columns line up across the backends' tables; lookups only where there are any.
  const rows = reports.map(cells);
  const width = (col: string) => Math.max(col.length, ...rows.map((row) => row[col]?.length ?? 0));
  const out: string[] = [];
  for (const title of titles) {
    const section = reports.filter((r) => backendTitle(r) === title);
    const cols = ['gadget', 'result', 'cases', ...(cr(section[0]) ? ['lookups'] : []), 'candidates', 'time'];
    const line = (row: Record<string, string>) => cols.map((col) => row[col].padEnd(width(col))).join('  ').trimEnd();
    if (out.length > 0) out.push('');
    out.push(title, line(Object.fromEntries(cols.map((c) => [c, c]))), ...section.map((r) => line(cells(r))));
  }
  for (const r of reports) {
    for (const c of r.cases) {
      if (c.result === 'error') out.push(`${r.gadget} (${c.note}, ${r.backend}): error: ${c.error}`);
      if (!c.counterexample) continue;
      out.push(`${r.gadget} (${c.note}, ${r.backend}): second witness with the same inputs:`);
      for (const ch of c.counterexample) out.push(`  ${ch.label}: ${ch.from} -> ${ch.to}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** One entry per gadget: the worst result over its backends, and each backend's report. */
export interface GadgetSummary {
  gadget: string;
  result: GadgetReport['result'];
  backends: Omit<GadgetReport, 'gadget'>[];
}

/** Groups the reports by gadget (record order kept). */
export function summarizeSoundness(reports: GadgetReport[]): GadgetSummary[] {
  const byGadget = new Map<string, GadgetSummary>();
  for (const { gadget, ...rest } of reports) {
    const entry = byGadget.get(gadget);
    if (entry) {
      entry.result = worse(entry.result, rest.result);
      entry.backends.push(rest);
    } else byGadget.set(gadget, { gadget, result: rest.result, backends: [rest] });
  }
  return [...byGadget.values()];
}

/** The reports (or their summary) as JSON, bigints as decimal strings. */
export function soundnessJson(reports: GadgetReport[] | GadgetSummary[]): string {
  return `${JSON.stringify(reports, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}
