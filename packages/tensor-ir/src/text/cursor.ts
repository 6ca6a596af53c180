import { IrErrors, raise } from '../errors';
import { Token, TokenKind } from './lexer';

/** Walks the tokens of one line; every error names the line and column (IR004). */
export class Cursor {
  private pos = 0;
  constructor(private readonly tokens: Token[], readonly lineNo: number, readonly file?: string) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  /** The index of the next token, for seek(). */
  get position(): number {
    return this.pos;
  }

  seek(pos: number): void {
    this.pos = pos;
  }

  /** Skips a `{ … }` group, nested braces included. */
  skipBraces(): void {
    let depth = 0;
    do {
      const t = this.peek();
      if (!t) this.fail(`unbalanced '{'`);
      if (t.kind === 'punct' && t.text === '{') depth++;
      if (t.kind === 'punct' && t.text === '}') depth--;
      this.pos++;
    } while (depth > 0);
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** Consumes the next token if it is the given punctuation or identifier. */
  accept(text: string): boolean {
    const t = this.peek();
    if (t && (t.kind === 'punct' || t.kind === 'ident') && t.text === text) { this.pos++; return true; }
    return false;
  }

  expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected '${text}'`);
  }

  take(kind: TokenKind, what: string = kind): Token {
    const t = this.peek();
    if (!t || t.kind !== kind) this.fail(`expected ${what}`);
    this.pos++;
    return t;
  }

  /** Parses `open item (, item)* close`, allowing an empty list. */
  list<T>(open: string, close: string, item: () => T): T[] {
    this.expect(open);
    const out: T[] = [];
    if (this.accept(close)) return out;
    do out.push(item()); while (this.accept(','));
    this.expect(close);
    return out;
  }

  end(): void {
    if (!this.atEnd()) this.fail('unexpected text at the end of the line');
  }

  fail(details: string): never {
    const t = this.peek();
    const where = t ? `column ${t.col}, at '${t.text}'` : 'end of line';
    return raise(IrErrors.PARSE, { file: this.file }, `line ${this.lineNo}, ${where}: ${details}`);
  }
}
