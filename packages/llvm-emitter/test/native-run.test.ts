import { emitModule } from '@onnx-zk/llvm-emitter';
import { integers, runLli } from './helpers/native';
import { smallAccelFile } from './helpers/small-graph';

/*
 * Expected outputs worked out by hand with the integer semantics of docs/architecture.md
 * (W1 = [[1,-2,3],[2,1,-1]], B1 = [2,5,0], W2 = [-3,1,2], cst = [1,-1]):
 *
 * x = [[3,-5],[2,7]]:
 *   h = x·W1 + B1            = [[-5,-6,14],[18,8,-1]]
 *   q = (h + 2) >> 2          = [[-1,-1,4],[5,2,0]]   (-6 → -1: tie -1.5 rounds up; 14 → 4, 18 → 5: ties 3.5, 4.5 round up)
 *   r = relu(q)               = [[0,0,4],[5,2,0]]
 *   g = r·W2                  = [8,-13]
 *   s = (g + 2) >> 2          = [2,-3]                (-13 → -3.25 → -3)
 *   a = s + cst               = [3,-4]
 *   rl = relu(a)              = [3,0]
 *   y = g + rl·2^2            = [20,-13]
 *
 * x = [[-8,7],[0,0]] (the ends of the input range):
 *   h = [[8,28,-31],[2,5,0]], q = [[2,7,-8],[1,1,0]] (-31 → -7.75 → -8; 2 → tie 0.5 → 1)
 *   r = [[2,7,0],[1,1,0]], g = [1,-2], s = [0,0] (1 → 0.25 → 0; -2 → tie -0.5 → 0)
 *   a = [1,-1], rl = [1,0], y = [5,-2]
 */
describe('lli-14 runs the module emitted with --runtime', () => {
  const { ll } = emitModule(smallAccelFile(), { runtime: true });

  test.each([
    ['3 -5 2 7', [20n, -13n]],
    ['-8 7\n0 0\n', [5n, -2n]],
  ])('input %j gives the hand-computed outputs', (stdin, expected) => {
    const r = runLli(ll, stdin);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(integers(r.stdout)).toEqual(expected);
    expect(r.stdout).toBe(expected.map((v) => `${v}\n`).join(''));
  });

  test('an input outside the declared range fails the range_check: exit 1 with the message', () => {
    const r = runLli(ll, '3 9 2 7');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('onnx-zk runtime: value out of bounds in range_check: element 1 = 9 is not in [-8, 7]\n');
  });

  test('too few input integers: exit 1 naming the input', () => {
    const r = runLli(ll, '3 -5 2');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('onnx-zk runtime: input x needs 4 decimal integers on stdin, could read only 3\n');
  });
});

test.each([
  ['rescale', 's', { lo: -1000n, hi: 1n }, 'rescale: element 0 = 2 is not in [-1000, 1]'],
  ['relu', 'a', { lo: -3n, hi: 1000n }, 'relu: element 1 = -4 is not in [-3, 1000]'],
  // rescale_relu checks the rescaled q against the bounds of h rescaled by 2: hi 15 → 4.
  ['rescale_relu', 'h', { lo: -1000n, hi: 15n }, 'rescale_relu: element 3 = 5 is not in [-250, 4]'],
])('a value outside the bounds %s was given exits 1 with the message', (_gadget, value, bounds, message) => {
  const { ll } = emitModule(smallAccelFile({ bounds: { [value]: bounds } }), { runtime: true });
  const r = runLli(ll, '3 -5 2 7');
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(`onnx-zk runtime: value out of bounds in ${message}\n`);
});
