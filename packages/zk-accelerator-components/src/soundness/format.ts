import type { GadgetReport } from './check-gadget';

/** One line per gadget, then every counterexample and error in full. */
export function formatSoundness(reports: GadgetReport[]): string {
  const rows = reports.map((r) => [r.gadget, r.result, String(r.cases.length), String(r.candidates), `${r.ms} ms`]);
  const head = ['gadget', 'result', 'cases', 'candidates', 'time'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(head), ...rows.map(line)];
  for (const r of reports) {
    for (const c of r.cases) {
      if (c.result === 'error') out.push(`${r.gadget} (${c.note}): error: ${c.error}`);
      if (!c.counterexample) continue;
      out.push(`${r.gadget} (${c.note}): second witness with the same inputs:`);
      for (const ch of c.counterexample) out.push(`  ${ch.label}: ${ch.from} -> ${ch.to}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The report as JSON (bigints as decimal strings). */
export function soundnessJson(reports: GadgetReport[]): string {
  return `${JSON.stringify(reports, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}
