import { Attr, Graph, Node } from '../model';
import { Cursor } from './cursor';
import { parseTensorLiteral, parseValueType } from './literals';
import { isIntegerToken, parseFloatToken } from './numbers';

/** `%y, %z = Op(%a, none) {k = v} : T1, T2 [name("n")] loc("a", ...)`; outputs may be absent. */
export function parseNode(c: Cursor, g: Graph): Node {
  const outputs: string[] = [];
  if (c.peek()?.kind === 'value' || (c.peek()?.text === 'none' && c.peek(1)?.kind === 'punct')) {
    do outputs.push(valueOrNone(c)); while (c.accept(','));
    c.expect('=');
  }
  const opTok = c.peek();
  if (!opTok || (opTok.kind !== 'ident' && opTok.kind !== 'string')) c.fail('expected an op name');
  c.take(opTok.kind);
  const inputs = c.list('(', ')', () => valueOrNone(c));
  const attrs: Record<string, Attr> = {};
  if (c.peek()?.text === '{') {
    c.list('{', '}', () => {
      const key = c.peek()?.kind === 'string' ? c.take('string').text : c.take('ident', 'an attribute name').text;
      c.expect('=');
      attrs[key] = parseAttr(c);
    });
  }
  const named = outputs.filter((o) => o !== '');
  if (named.length) {
    c.expect(':');
    named.forEach((o, i) => {
      if (i > 0) c.expect(',');
      const info = parseValueType(c, o);
      if (info) g.values.set(o, info);
    });
  }
  const name = c.accept('name') ? parenString(c) : undefined;
  c.expect('loc');
  const loc = c.list('(', ')', () => c.take('string', 'a location string').text);
  if (name === undefined && loc.length !== 1) c.fail('a node needs name("...") unless it has exactly one location');
  return { op: opTok.text, name: name ?? loc[0], inputs, outputs, attrs, loc };
}

function valueOrNone(c: Cursor): string {
  if (c.accept('none')) return '';
  return c.take('value', 'a %value or none').text;
}

function parenString(c: Cursor): string {
  c.expect('(');
  const s = c.take('string', 'a string').text;
  c.expect(')');
  return s;
}

function parseAttr(c: Cursor): Attr {
  const t = c.peek();
  if (!t) return c.fail('expected an attribute value');
  if (t.kind === 'number') {
    c.take('number');
    return isIntegerToken(t.text) ? { type: 'int', value: Number(t.text) } : { type: 'float', value: parseFloatToken(t.text) };
  }
  if (t.kind === 'string') return { type: 'string', value: c.take('string').text };
  if (c.accept('ints')) return { type: 'ints', value: c.list('[', ']', () => intToken(c)) };
  if (c.accept('floats')) return { type: 'floats', value: c.list('[', ']', () => parseFloatToken(c.take('number', 'a number').text)) };
  if (c.accept('strings')) return { type: 'strings', value: c.list('[', ']', () => c.take('string').text) };
  if (t.kind === 'ident') return { type: 'tensor', value: parseTensorLiteral(c) };
  return c.fail('expected an attribute value');
}

function intToken(c: Cursor): number {
  const t = c.take('number', 'an integer');
  if (!isIntegerToken(t.text)) c.fail(`expected an integer, got ${t.text}`);
  return Number(t.text);
}
