import * as fs from 'fs';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { checkR1cs, P } from '@onnx-zk/zk-accelerator-components';
import { prepareCircuit, runAssign } from '../src/assign';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT, TINY_OUTPUT } from './helpers/tiny-circuit';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxZkError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an OnnxZkError');
}

describe('assignCircuit on a hand-written module', () => {
  const { assignment, inputs } = prepareCircuit(moduleFile, inputFile);
  const { r1cs } = assignment;

  test('quantizes the inputs at the signature frac', () => {
    expect(Array.from(inputs[0])).toEqual([16n, -8n, 36n]);
  });

  test('the witness satisfies the R1CS and the outputs are exact', () => {
    expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    expect(assignment.outputs[0].map((s) => s.value)).toEqual(TINY_OUTPUT);
    expect(r1cs.nPubOut).toBe(2);
    expect(r1cs.nPrvIn).toBe(3);
    expect(r1cs.witness.slice(1, 3)).toEqual(TINY_OUTPUT);
  });

  test('changing any one witness value breaks a constraint', () => {
    for (let w = 1; w < r1cs.nWires; w++) {
      const tampered = [...r1cs.witness];
      tampered[w] = (tampered[w] + 1n) % P;
      expect([w, checkR1cs(r1cs, tampered)]).not.toEqual([w, null]);
    }
  });

  test('--public-inputs makes the inputs public signals after the outputs', () => {
    const pub = prepareCircuit(moduleFile, inputFile, { publicInputs: true }).assignment.r1cs;
    expect([pub.nPubOut, pub.nPubIn, pub.nPrvIn]).toEqual([2, 3, 0]);
    expect(pub.witness.slice(3, 6)).toEqual([16n, P - 8n, 36n]);
  });

  test('wire labels carry the ONNX node names', () => {
    expect(r1cs.labels.some((l) => l.startsWith('Relu_1.relu.'))).toBe(true);
    expect(r1cs.labels.some((l) => l.startsWith('x.range_check.'))).toBe(true);
  });
});

describe('runAssign', () => {
  test('writes circuit.r1cs, witness.wtns and circuit.sym', async () => {
    const out = path.join(dir, 'assign-out');
    const result = await runAssign({ module: moduleFile, input: inputFile, out });
    expect(fs.readdirSync(out).sort()).toEqual(['circuit.r1cs', 'circuit.sym', 'witness.wtns']);
    expect(result.outputs).toEqual([TINY_OUTPUT]);
    expect(fs.readFileSync(path.join(out, 'circuit.sym'), 'utf8')).toMatch(/main\.Relu_1\.relu\./);
  });

  test('an input outside the declared range is PV010 naming input, element, value and range, and writes nothing', async () => {
    const bad = writeText(dir, 'bad-input.json', JSON.stringify({ input_data: [[1.0, -4.5, 0]] }));
    const out = path.join(dir, 'never-written');
    await expect(runAssign({ module: moduleFile, input: bad, out })).rejects.toThrow(OnnxZkError);
    expect(fs.existsSync(out)).toBe(false);
    const { code, message } = codeOf(() => prepareCircuit(moduleFile, bad));
    expect(code).toBe('PV010');
    expect(message).toContain(bad);
    expect(message).toContain('x (RangeCheck)');
    expect(message).toMatch(/input x element 1 = -4\.5 \(fixed -72 at frac 4\) is outside \[-4, 3\.9375\]/);
  });
});

/** h = [−178, 132] (the tiny module's linear) → q = floor((h + 8) / 16) = [−11, 8] ∈ [−62, 63]; clip [−3, 5]. */
const LINEAR = `
  call void @zk.range_check(i64* %x, i64 3, i64* getelementptr inbounds ([3 x i64], [3 x i64]* @lo.x, i64 0, i64 0), i64* getelementptr inbounds ([3 x i64], [3 x i64]* @hi.x, i64 0, i64 0)), !onnx.loc !1
  call void @zk.linear(i64* %x, i64* getelementptr inbounds ([6 x i64], [6 x i64]* @c.W, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @c.B, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.h, i64 0, i64 0), i64 1, i64 3, i64 2), !onnx.loc !3`;
const Q_GLOBALS = `@lo.q = private constant [1 x i64] [i64 -62]
@hi.q = private constant [1 x i64] [i64 63]
@v.c = internal global [2 x i64] zeroinitializer`;
const V_C = 'i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.c, i64 0, i64 0)';
const RESCALE_CLIP = (y: string, q: string) => `  call void @zk.rescale_clip(i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.h, i64 0, i64 0), ${y}, ${q}, i64 2, i64 4, i64 -3, i64 5, i64* getelementptr inbounds ([1 x i64], [1 x i64]* @lo.q, i64 0, i64 0), i64* getelementptr inbounds ([1 x i64], [1 x i64]* @hi.q, i64 0, i64 0)), !onnx.loc !7`;

describe('an optional out param (rescale_clip\'s q)', () => {
  const assign = (name: string, y: string, q: string) => {
    const file = writeText(dir, `${name}.ll`, tinyModule({ body: `${LINEAR}\n${RESCALE_CLIP(y, q)}\n`, globals: Q_GLOBALS }));
    const { r1cs, outputs } = prepareCircuit(file, inputFile).assignment;
    expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    return outputs[0].map((s) => s.value);
  };

  test('absent (a null pointer): the gadget returns y alone, bound to its buffer', () => {
    expect(assign('q-null', 'i64* %y', 'i64* null')).toEqual([-3n, 5n]);
  });

  test('present: the returned signals split over y then q in abi order', () => {
    expect(assign('q-buffer', V_C, 'i64* %y')).toEqual([-11n, 8n]);
  });
});

describe('assignment errors', () => {
  const RC = `
  call void @zk.range_check(i64* %x, i64 3, i64* getelementptr inbounds ([3 x i64], [3 x i64]* @lo.x, i64 0, i64 0), i64* getelementptr inbounds ([3 x i64], [3 x i64]* @hi.x, i64 0, i64 0)), !onnx.loc !1`;
  const cases: [string, string, string, RegExp][] = [
    ['an unknown gadget', `${RC}\n  call void @zk.unknown(i64* %y), !onnx.loc !3\n`, 'PV007', /Gemm_0.*zk\.unknown/],
    ['null where the abi needs bounds', `${RC}\n  call void @zk.range_check(i64* %x, i64 3, i64* null, i64* null), !onnx.loc !5\n`, 'PV008', /Relu_1 \(RangeCheck\).*parameter lo \(lo\) needs a constant bounds global, got null/],
    ['too few arguments', `${RC}\n  call void @zk.copy(i64* %x, i64* %y), !onnx.loc !3\n`, 'PV008', /Gemm_0 \(Reshape\).*2 arguments for an abi of 3/],
    ['a buffer read before it is written', `${RC}\n  call void @zk.relu(i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.h, i64 0, i64 0), i64* %y, i64 2, i64* getelementptr inbounds ([2 x i64], [2 x i64]* @lo.h, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @hi.h, i64 0, i64 0)), !onnx.loc !5\n`, 'PV011', /Relu_1 \(Relu\).*@v\.h/],
    ['an output never written', RC + '\n', 'PV015', /output y/],
    ['an input without a range', '\n', 'PV016', /input x/],
  ];
  test.each(cases)('%s', (_name, body, code, pattern) => {
    const file = writeText(dir, `err-${code}.ll`, tinyModule({ body }));
    const e = codeOf(() => prepareCircuit(file, inputFile));
    expect(e.code).toBe(code);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(pattern);
  });

  test('a null y (rescale_clip\'s required out) is PV008', () => {
    const body = `${LINEAR}\n${RESCALE_CLIP('i64* null', 'i64* %y')}\n`;
    const file = writeText(dir, 'err-null-out.ll', tinyModule({ body, globals: Q_GLOBALS }));
    expect(codeOf(() => prepareCircuit(file, inputFile)).message).toMatch(/PV008.*parameter y \(out\) needs a writable buffer \(it is not optional\), got null/);
  });

  test('input.json with the wrong number of inputs is PV009', () => {
    const bad = writeText(dir, 'two-inputs.json', JSON.stringify({ input_data: [[1, 2, 3], [4]] }));
    expect(codeOf(() => prepareCircuit(moduleFile, bad)).code).toBe('PV009');
  });
});
