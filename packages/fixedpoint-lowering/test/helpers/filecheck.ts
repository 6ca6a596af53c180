/**
 * A small FileCheck: `CHECK: s` finds the next line containing s, `CHECK-NEXT: s` requires it
 * on the line right after the previous match, `CHECK-SAME: s` on the same line after the previous
 * match, and `CHECK-NOT: s` forbids s between the previous match and the next one.
 * Lines starting with # are comments. Returns the failures (empty when everything matched).
 */
export function fileCheck(text: string, checks: string): string[] {
  const lines = text.split('\n');
  const failures: string[] = [];
  let line = -1;
  let col = 0;
  let forbidden: string[] = [];
  for (const raw of checks.split('\n')) {
    const m = /^(CHECK(?:-NEXT|-SAME|-NOT)?):\s?(.*)$/.exec(raw.trim());
    if (!m) continue;
    const [, kind, want] = m;
    if (kind === 'CHECK-NOT') { forbidden.push(want); continue; }
    const found = findMatch(lines, kind, want, line, col);
    if (!found) {
      failures.push(`${kind}: ${want} (after line ${line + 1})`);
      continue;
    }
    for (const f of forbidden) {
      const seen = between(lines, line, col, found.line, found.col - want.length).find((l) => l.includes(f));
      if (seen !== undefined) failures.push(`CHECK-NOT: ${f} found in: ${seen}`);
    }
    forbidden = [];
    ({ line, col } = found);
  }
  return failures;
}

function findMatch(lines: string[], kind: string, want: string, line: number, col: number): { line: number; col: number } | undefined {
  if (kind === 'CHECK-SAME') {
    const at = line >= 0 ? lines[line].indexOf(want, col) : -1;
    return at >= 0 ? { line, col: at + want.length } : undefined;
  }
  const candidates = kind === 'CHECK-NEXT' ? [line + 1] : lines.map((_, i) => i).filter((i) => i > line);
  for (const i of candidates) {
    const at = i < lines.length ? lines[i].indexOf(want) : -1;
    if (at >= 0) return { line: i, col: at + want.length };
  }
  return undefined;
}

/** The text between the end of the previous match and the start of the next one, by line. */
function between(lines: string[], line: number, col: number, nextLine: number, nextCol: number): string[] {
  if (line === nextLine) return [lines[line].slice(col, nextCol)];
  const out = lines.slice(line + 1, nextLine);
  if (line >= 0) out.unshift(lines[line].slice(col));
  out.push(lines[nextLine].slice(0, nextCol));
  return out;
}
