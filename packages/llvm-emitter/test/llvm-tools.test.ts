import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { emitModule } from '@onnx-zk/llvm-emitter';
import { smallAccelFile } from './helpers/small-graph';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-tools-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function tool(name: string, ...args: string[]) {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

/** The zk calls with their metadata, metadata references resolved to their text (numbering may differ). */
function resolvedCalls(ll: string): string[] {
  const md = new Map([...ll.matchAll(/^(!\d+) = (.*)$/gm)].map((m) => [m[1], m[2]]));
  return [...ll.matchAll(/^\s+(call void @zk\..*)$/gm)].map((m) => m[1].replace(/!\d+/g, (ref) => md.get(ref) ?? ref));
}

test.each([[false], [true]])('llvm-as-14 accepts the .ll (runtime %s)', (runtime) => {
  const file = path.join(dir, 'model.ll');
  fs.writeFileSync(file, emitModule(smallAccelFile(), { runtime }).ll);
  const r = tool('llvm-as-14', file, '-o', path.join(dir, 'model.bc'));
  expect(r).toMatchObject({ status: 0, stderr: '' });
});

test('llvm-dis-14 of the bitcode gives the same calls, metadata and signature as the .ll', () => {
  const { ll, bc } = emitModule(smallAccelFile(), { bitcode: true });
  expect(bc).toBeDefined();
  const bcFile = path.join(dir, 'model.bc');
  fs.writeFileSync(bcFile, bc as Uint8Array);
  expect(Buffer.from(bc as Uint8Array).subarray(0, 4).toString('latin1')).toBe('BC\xc0\xde');
  const dis = tool('llvm-dis-14', bcFile, '-o', '-');
  expect(dis.status).toBe(0);
  const calls = resolvedCalls(dis.stdout);
  expect(calls).toHaveLength(9);
  expect(calls).toEqual(resolvedCalls(ll));
  expect(dis.stdout).toMatch(/^!onnx_zk\.signature = !\{!\d+\}$/m);
});
