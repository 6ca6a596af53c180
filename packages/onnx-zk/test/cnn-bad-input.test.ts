/**
 * Bad convolutional models through the umbrella CLI: a kernel that does not fit the input, an
 * attribute value that is not supported and a resize scale the model computes at run time are
 * each a coded error naming the ONNX node, exit 1, and no work directory left.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { decodeModel, onnxSchema } from '@onnx-zk/onnx-frontend';
import { EXAMPLES, tempDir } from './helpers';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const work = tempDir('cnn-bad');

type Proto = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An example model decoded, changed by `edit`, and written back as a new .onnx file. */
function edited(model: string, name: string, edit: (m: Proto) => void): string {
  const bytes = fs.readFileSync(path.join(EXAMPLES, model, 'network.onnx'));
  const ModelProto = onnxSchema.lookupType('onnx.ModelProto');
  const m = ModelProto.toObject(ModelProto.decode(bytes), { longs: String, bytes: Buffer }) as Proto;
  edit(m);
  const file = path.join(work, `${name}.onnx`);
  fs.writeFileSync(file, ModelProto.encode(ModelProto.fromObject(m)).finish());
  decodeModel(fs.readFileSync(file), file); // still a valid protobuf
  return file;
}

function attr(m: Proto, op: string, name: string): Proto {
  const node = m.graph.node.find((n: Proto) => n.opType === op);
  const a = node.attribute.find((x: Proto) => x.name === name);
  if (!a) throw new Error(`${op} has no ${name}`);
  return a;
}

function prove(file: string, model: string, out: string) {
  const r = spawnSync(process.execPath, [CLI, 'prove', file, '--input', path.join(EXAMPLES, model, 'input.json'), '--out', out], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

const cases: { name: string; model: string; edit: (m: Proto) => void; error: RegExp }[] = [
  {
    name: 'kernel-too-large',
    model: '1l_max_pool',
    edit: (m) => { attr(m, 'MaxPool', 'kernel_shape').ints = ['9', '9']; },
    error: /\/layer\/MaxPool \(MaxPool\): error IR\d{3}: .*window does not fit/,
  },
  {
    name: 'unknown-auto-pad',
    model: '1l_conv',
    edit: (m) => {
      const node = m.graph.node.find((n: Proto) => n.opType === 'Conv');
      node.attribute = node.attribute.filter((a: Proto) => a.name !== 'pads');
      node.attribute.push({ name: 'auto_pad', type: 3, s: Buffer.from('SAME_MIDDLE') });
    },
    error: /\/layer\/Conv \(Conv\): error IR\d{3}: .*unknown auto_pad 'SAME_MIDDLE'/,
  },
  {
    name: 'dynamic-scale',
    model: '1l_upsample',
    edit: (m) => {
      // The scales (Resize's third input) come from a Constant node: make them a graph input.
      const resize = m.graph.node.find((n: Proto) => n.opType === 'Resize');
      m.graph.node = m.graph.node.filter((n: Proto) => n.output[0] !== resize.input[2]);
      m.graph.input.push({ name: resize.input[2], type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: '4' }] } } } });
    },
    error: /\/upsample\/Resize \(Resize\): error IR\d{3}: .*must be a graph constant/,
  },
];

describe.each(cases)('$name', ({ name, model, edit, error }) => {
  it('is a coded error naming the node, exit 1, no stack trace and no work directory', () => {
    const out = path.join(work, `${name}-out`);
    const r = prove(edited(model, name, edit), model, out);
    expect(r.stderr).toMatch(error);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });
});
