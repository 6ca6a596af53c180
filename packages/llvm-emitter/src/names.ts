/**
 * LLVM symbol names for IR values. Value names come from ONNX (`/fc1/Gemm_output_0`, `onnx::Add_3`)
 * and may hold any character, so each value gets one sanitized, unique symbol used for its
 * argument (`%<sym>`) and its globals (`@v.<sym>`, `@c.<sym>`, `@lo.<sym>`, `@hi.<sym>`). The
 * signature metadata keeps the original names.
 */
export class SymbolTable {
  private readonly byValue = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The symbol of a value name, allocated on first use. */
  symbol(value: string): string {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    const base = sanitize(value);
    let sym = base;
    for (let i = 1; this.taken.has(sym); i++) sym = `${base}.${i}`;
    this.taken.add(sym);
    this.byValue.set(value, sym);
    return sym;
  }
}

/** Keeps [A-Za-z0-9_.], maps the rest to '_', and never starts with a digit (LLVM's %0, %1 are temporaries). */
export function sanitize(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.]/g, '_');
  if (s === '') return '_';
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

/** An LLVM string literal body (inside c"..." or !"..."): printable ASCII kept, the rest as \XX bytes. */
export function llvmStringBody(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const printable = byte >= 0x20 && byte <= 0x7e && byte !== 0x22 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : `\\${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
