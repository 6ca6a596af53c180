import { Attr, Graph, Node, TirFile } from '../model';
import { formatData, formatValueType, typeText } from './literals';
import { valueRef } from './lexer';
import { formatFloat64, formatFloatAttr } from './numbers';

/** The first bytes of every text .tir. */
export const TEXT_MAGIC = 'onnx-zk tir';
export const TEXT_VERSION = 1;

/** Statement keywords; an op with one of these names is printed quoted. */
export const KEYWORDS = new Set(['graph', 'meta', 'input', 'const', 'value', 'return']);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The human-readable form; parseTir(printTir(f)) gives f back exactly. */
export function printTir(file: TirFile): string {
  const g = file.graph;
  const producer = /^[A-Za-z0-9_.@/:-]+$/.test(file.producer) ? file.producer : JSON.stringify(file.producer);
  const lines = [`${TEXT_MAGIC} v${TEXT_VERSION} producer=${producer} stage=${g.stage}`, `graph ${JSON.stringify(g.name)} opset ${g.opset}`];
  for (const [k, v] of Object.entries(g.metadata)) lines.push(`meta ${JSON.stringify(k)} = ${JSON.stringify(v)}`);
  for (const name of g.inputs) lines.push(`input ${valueRef(name)} : ${formatValueType(g.values.get(name))}`);
  for (const name of g.constants.keys()) lines.push(constLine(g, name));
  for (const n of g.nodes) lines.push(nodeLine(g, n));
  const covered = new Set([...g.inputs, ...g.constants.keys(), ...g.nodes.flatMap((n) => n.outputs)]);
  for (const [name, info] of g.values) if (!covered.has(name)) lines.push(`value ${valueRef(name)} : ${formatValueType(info)}`);
  lines.push(g.outputs.length ? `return ${g.outputs.map(valueRef).join(', ')}` : 'return');
  return `${lines.join('\n')}\n`;
}

/** `const %W : float32[4,3] = [...]`; the data carries its own type only when the value info differs. */
function constLine(g: Graph, name: string): string {
  const t = g.constants.get(name)!;
  const info = g.values.get(name);
  const matches = info && info.dtype === t.dtype && info.shape.length === t.shape.length && info.shape.every((d, i) => d === t.shape[i]);
  const data = matches ? formatData(t) : `${typeText(t.dtype, t.shape)} ${formatData(t)}`;
  return `const ${valueRef(name)} : ${formatValueType(info, t.data)} = ${data}`;
}

function nodeLine(g: Graph, n: Node): string {
  const outs = n.outputs.map((o) => (o === '' ? 'none' : valueRef(o))).join(', ');
  const op = IDENT.test(n.op) && !KEYWORDS.has(n.op) && n.op !== 'none' ? n.op : JSON.stringify(n.op);
  let s = `${outs ? `${outs} = ` : ''}${op}(${n.inputs.map((i) => (i === '' ? 'none' : valueRef(i))).join(', ')})`;
  const attrs = Object.entries(n.attrs);
  if (attrs.length) s += ` {${attrs.map(([k, a]) => `${IDENT.test(k) ? k : JSON.stringify(k)} = ${formatAttr(a)}`).join(', ')}}`;
  const types = n.outputs.filter((o) => o !== '').map((o) => formatValueType(g.values.get(o)));
  if (types.length) s += ` : ${types.join(', ')}`;
  const loc = `loc(${n.loc.map((l) => JSON.stringify(l)).join(', ')})`;
  return n.loc.length === 1 && n.loc[0] === n.name ? `${s} ${loc}` : `${s} name(${JSON.stringify(n.name)}) ${loc}`;
}

function formatAttr(a: Attr): string {
  switch (a.type) {
    case 'int': return String(a.value);
    case 'float': return formatFloatAttr(a.value);
    case 'string': return JSON.stringify(a.value);
    case 'ints': return `ints[${a.value.join(', ')}]`;
    case 'floats': return `floats[${a.value.map(formatFloat64).join(', ')}]`;
    case 'strings': return `strings[${a.value.map((v) => JSON.stringify(v)).join(', ')}]`;
    case 'tensor': return `${typeText(a.value.dtype, a.value.shape)} ${formatData(a.value)}`;
  }
}
