/** Parsing of the umbrella's option strings; malformed values are usage errors (exit 2). */

function usage(msg: string): never {
  process.stderr.write(`onnx-zk: ${msg}\n`);
  process.exit(2);
}

export function parseRange(text: string): [number, number] {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x)) || parts[0] >= parts[1]) {
    usage(`--input-range wants "lo,hi" with lo < hi, got "${text}"`);
  }
  return [parts[0], parts[1]];
}

export function parseDims(items: string[]): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const item of items) {
    const m = item.match(/^([^=]+)=(\d+)$/);
    if (!m || Number(m[2]) < 1) usage(`--dim wants name=value with a positive value, got "${item}"`);
    dims[m[1]] = Number(m[2]);
  }
  return dims;
}
