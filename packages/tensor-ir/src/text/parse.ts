import { Graph, Stage, TirFile, emptyGraph, numel } from '../model';
import { IrErrors, raise } from '../errors';
import { Cursor } from './cursor';
import { tokenize } from './lexer';
import { parseData, parseFixed, parseTensorLiteral, parseType, parseValueType } from './literals';
import { parseNode } from './parse-node';
import { TEXT_MAGIC, TEXT_VERSION } from './print';

const HEADER = /^onnx-zk tir v(\d+) producer=("(?:[^"\\]|\\.)*"|\S+) stage=(\S+)\s*$/;
const STAGES: Stage[] = ['float', 'fixed', 'accel'];

/** Parses the text form (IR004 with the line number on any syntax error). */
export function parseTir(text: string, fileName?: string): TirFile {
  const lines = text.split('\n');
  const { producer, stage } = parseHeader(lines[0] ?? '', fileName);
  const graph = emptyGraph('', stage, 0);
  for (let i = 1; i < lines.length; i++) {
    const tokens = tokenize(lines[i], i + 1, fileName);
    if (tokens.length) parseStatement(new Cursor(tokens, i + 1, fileName), graph);
  }
  return { producer, graph };
}

function parseHeader(line: string, file?: string): { producer: string; stage: Stage } {
  if (!line.startsWith(TEXT_MAGIC)) {
    raise(IrErrors.BAD_MAGIC, { file }, `the text starts with ${JSON.stringify(line.slice(0, 20))}; expected an onnx-zk .tir file starting with "${TEXT_MAGIC} v${TEXT_VERSION}"`);
  }
  const m = HEADER.exec(line.replace(/\r$/, ''));
  if (!m) return raise(IrErrors.PARSE, { file }, `line 1: expected '${TEXT_MAGIC} v${TEXT_VERSION} producer=<stage> stage=<float|fixed|accel>'`);
  if (Number(m[1]) !== TEXT_VERSION) raise(IrErrors.BAD_VERSION, { file }, `text format version ${m[1]}; this onnx-zk reads version ${TEXT_VERSION}`);
  if (!STAGES.includes(m[3] as Stage)) raise(IrErrors.PARSE, { file }, `line 1: unknown stage '${m[3]}'`);
  const producer = m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : m[2];
  return { producer, stage: m[3] as Stage };
}

function parseStatement(c: Cursor, g: Graph): void {
  const first = c.peek()!;
  const keyword = first.kind === 'ident' ? first.text : '';
  if (keyword === 'graph') parseGraphLine(c, g);
  else if (keyword === 'meta') parseMeta(c, g);
  else if (keyword === 'input') parseInput(c, g);
  else if (keyword === 'const') parseConst(c, g);
  else if (keyword === 'value') parseValue(c, g);
  else if (keyword === 'return') parseReturn(c, g);
  else g.nodes.push(parseNode(c, g));
  c.end();
}

function parseGraphLine(c: Cursor, g: Graph): void {
  c.expect('graph');
  g.name = c.take('string', 'the graph name').text;
  c.expect('opset');
  const t = c.take('number', 'the opset');
  if (!/^\d+$/.test(t.text)) c.fail('the opset must be a non-negative integer');
  g.opset = Number(t.text);
}

function parseMeta(c: Cursor, g: Graph): void {
  c.expect('meta');
  const key = c.take('string', 'a metadata key').text;
  c.expect('=');
  g.metadata[key] = c.take('string', 'a metadata value').text;
}

function parseInput(c: Cursor, g: Graph): void {
  c.expect('input');
  const name = c.take('value', 'a %value').text;
  c.expect(':');
  g.inputs.push(name);
  const info = parseValueType(c, name);
  if (info) g.values.set(name, info);
}

function parseValue(c: Cursor, g: Graph): void {
  c.expect('value');
  const name = c.take('value', 'a %value').text;
  c.expect(':');
  const info = parseValueType(c, name);
  if (info) g.values.set(name, info);
}

function parseReturn(c: Cursor, g: Graph): void {
  c.expect('return');
  if (c.atEnd()) return;
  do g.outputs.push(c.take('value', 'a %value').text); while (c.accept(','));
}

/**
 * `const %W : TYPE [{fixed}] = DATA` or `= dtype[dims] DATA` when the data's type differs from
 * TYPE (or TYPE is `?`). The fixed block may say `lo = value`, so it is read after the data.
 */
function parseConst(c: Cursor, g: Graph): void {
  c.expect('const');
  const name = c.take('value', 'a %value').text;
  c.expect(':');
  const missing = c.accept('?');
  const declared = missing ? undefined : parseType(c);
  const fixedAt = c.peek()?.text === '{' ? c.position : -1;
  if (fixedAt >= 0) c.skipBraces();
  c.expect('=');
  const explicit = declared === undefined || (c.peek()?.kind === 'ident' && c.peek()?.text !== 'base64');
  const t = explicit ? parseTensorLiteral(c) : parseData(c, declared.dtype, declared.shape);
  g.constants.set(name, t);
  if (!declared) return;
  const info = { name, dtype: declared.dtype, shape: declared.shape };
  if (fixedAt >= 0) {
    const end = c.position;
    c.seek(fixedAt);
    Object.assign(info, { fixed: parseFixed(c, numel(declared.shape), t.data) });
    c.seek(end);
  }
  g.values.set(name, info);
}
