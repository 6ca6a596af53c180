/**
 * A small FileCheck: `CHECK: text` lines must appear in order (each after the previous match),
 * `CHECK-NOT: text` must not appear between the surrounding CHECK matches (or anywhere when it
 * has none). Throws with the unmatched directive and the text.
 */
export function fileCheck(text: string, directives: string): void {
  const lines = text.split('\n');
  let pos = 0;
  let pendingNot: string[] = [];
  const fail = (what: string) => { throw new Error(`${what}\n--- input ---\n${text}`); };
  for (const raw of directives.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^CHECK(-NOT)?:\s*(.*)$/.exec(raw);
    if (!m) fail(`bad directive '${raw}'`);
    if (m![1]) { pendingNot.push(m![2]); continue; }
    const at = lines.findIndex((l, i) => i >= pos && l.includes(m![2]));
    if (at < 0) fail(`CHECK: '${m![2]}' not found after line ${pos}`);
    for (const not of pendingNot) if (lines.slice(pos, at).some((l) => l.includes(not))) fail(`CHECK-NOT: '${not}' found`);
    pendingNot = [];
    pos = at + 1;
  }
  for (const not of pendingNot) if (lines.slice(pos).some((l) => l.includes(not))) fail(`CHECK-NOT: '${not}' found`);
}
