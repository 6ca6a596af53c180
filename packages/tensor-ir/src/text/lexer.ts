import { IrErrors, raise } from '../errors';

export type TokenKind = 'value' | 'string' | 'number' | 'ident' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The decoded text: a value's name, a string's contents, the raw number or identifier, the punctuation. */
  text: string;
  col: number;
}

/** A value name that prints without quotes after '%'. */
export const BARE_NAME = /^[A-Za-z0-9_.:/-]+$/;

const PATTERNS: [TokenKind, RegExp][] = [
  ['value', /%([A-Za-z0-9_.:/-]+)/y],
  ['string', /"(?:[^"\\]|\\.)*"/y],
  ['number', /-?(?:inf|nan|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?![A-Za-z0-9_])/y],
  ['ident', /[A-Za-z_][A-Za-z0-9_]*/y],
  ['punct', /[()[\]{},=:?]/y],
];

/** Splits one line into tokens; `lineNo` is 1-based and only used for IR004 messages. */
export function tokenize(line: string, lineNo: number, file?: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < line.length) {
    if (line[pos] === ' ' || line[pos] === '\t' || line[pos] === '\r') { pos++; continue; }
    if (line.startsWith('//', pos)) break;
    const token = matchAt(line, pos, lineNo, file);
    tokens.push(token.token);
    pos = token.end;
  }
  return tokens;
}

function matchAt(line: string, pos: number, lineNo: number, file?: string): { token: Token; end: number } {
  if (line[pos] === '%' && line[pos + 1] === '"') {
    const m = readString(line, pos + 1, lineNo, file);
    return { token: { kind: 'value', text: m.text, col: pos + 1 }, end: m.end };
  }
  for (const [kind, re] of PATTERNS) {
    re.lastIndex = pos;
    const m = re.exec(line);
    if (!m) continue;
    if (kind === 'string') return { token: { kind, text: readString(line, pos, lineNo, file).text, col: pos + 1 }, end: re.lastIndex };
    return { token: { kind, text: kind === 'value' ? m[1] : m[0], col: pos + 1 }, end: re.lastIndex };
  }
  return raise(IrErrors.PARSE, { file }, `line ${lineNo}, column ${pos + 1}: unexpected character '${line[pos]}'`);
}

function readString(line: string, pos: number, lineNo: number, file?: string): { text: string; end: number } {
  const re = /"(?:[^"\\]|\\.)*"/y;
  re.lastIndex = pos;
  const m = re.exec(line);
  if (!m) raise(IrErrors.PARSE, { file }, `line ${lineNo}, column ${pos + 1}: unterminated string`);
  try {
    return { text: JSON.parse(m[0]) as string, end: re.lastIndex };
  } catch {
    return raise(IrErrors.PARSE, { file }, `line ${lineNo}, column ${pos + 1}: bad string escape in ${m[0]}`);
  }
}

/** A value reference as printed: %name, or %"name" when it needs quoting. */
export function valueRef(name: string): string {
  return BARE_NAME.test(name) ? `%${name}` : `%${JSON.stringify(name)}`;
}
