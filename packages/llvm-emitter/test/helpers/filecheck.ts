/**
 * A small FileCheck: `CHECK: text` lines must match lines of the input in order, `CHECK-NEXT:` the
 * line right after the previous match, `CHECK-NOT: text` must not occur between the previous
 * match and the next one (or the end). A line matches when it contains the pattern; `{{re}}`
 * inside a pattern is a regular expression, the rest literal.
 */
type Directive = { kind: 'CHECK' | 'CHECK-NEXT' | 'CHECK-NOT'; pattern: RegExp; source: string };

export function fileCheck(input: string, checks: string): void {
  const lines = input.split('\n');
  let pos = 0; // first line the next CHECK may match
  let pendingNot: Directive[] = [];
  for (const d of parseChecks(checks)) {
    if (d.kind === 'CHECK-NOT') { pendingNot.push(d); continue; }
    const found = d.kind === 'CHECK-NEXT' ? (d.pattern.test(lines[pos] ?? '') ? pos : -1) : findFrom(lines, d.pattern, pos);
    if (found < 0) fail(d, `no match at or after line ${pos + 1}`, lines, pos);
    assertAbsent(pendingNot, lines, pos, found);
    pendingNot = [];
    pos = found + 1;
  }
  assertAbsent(pendingNot, lines, pos, lines.length);
}

function parseChecks(checks: string): Directive[] {
  return checks.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).map((l) => {
    const m = /^(CHECK|CHECK-NEXT|CHECK-NOT):\s?(.*)$/.exec(l);
    if (!m) throw new Error(`bad check line: ${l}`);
    return { kind: m[1] as Directive['kind'], pattern: toRegExp(m[2]), source: l };
  });
}

function toRegExp(pattern: string): RegExp {
  const parts = pattern.split(/(\{\{.*?\}\})/);
  const re = parts.map((p) => (p.startsWith('{{') ? `(?:${p.slice(2, -2)})` : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(re.join(''));
}

function findFrom(lines: string[], re: RegExp, from: number): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i;
  return -1;
}

function assertAbsent(nots: Directive[], lines: string[], from: number, to: number): void {
  for (const d of nots) {
    const i = findFrom(lines.slice(0, to), d.pattern, from);
    if (i >= 0) fail(d, `found at line ${i + 1}: ${lines[i]}`, lines, i);
  }
}

function fail(d: Directive, why: string, lines: string[], at: number): never {
  const context = lines.slice(Math.max(0, at - 3), at + 4).map((l, i) => `${Math.max(0, at - 3) + i + 1}: ${l}`).join('\n');
  throw new Error(`${d.source}\n  ${why}\n${context}`);
}
