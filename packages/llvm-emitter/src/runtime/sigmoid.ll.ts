import { SIGMOID_COEF_FRAC, SIGMOID_RANGE_LOG2, SIGMOID_TABLE_INDEX_BITS, SIGMOID_TANH_TABLE } from '@onnx-zk/tensor-ir';
import { tableIr } from './exp-ir';
import { forEach, load, store } from './ir-text';

const indent = (ir: string) => ir.split('\n').join('\n  ');
const D = SIGMOID_TANH_TABLE[0].length - 1;

/** `%<tag>.q` = Σ c_i·r^i·2^((d−i)·l) by Horner from the columns `%<tab>.c0..d` (tensor-ir hornerSegmentQ). */
function hornerIr(tag: string, tab: string, r: string, l: string): string {
  const lines = [`%${tag}.h${D} = add i256 %${tab}.c${D}, 0`];
  for (let i = D - 1; i >= 0; i--) {
    lines.push(`%${tag}.m${i} = mul i256 %${tag}.h${i + 1}, ${r}`);
    lines.push(`%${tag}.e${i} = mul i256 ${l}, ${D - i}`);
    lines.push(`%${tag}.s${i} = shl i256 %${tab}.c${i}, %${tag}.e${i}`);
    lines.push(`%${tag}.h${i} = add i256 %${tag}.m${i}, %${tag}.s${i}`);
  }
  lines.push(`%${tag}.q = add i256 %${tag}.h0, 0`);
  return lines.join('\n');
}

/**
 * zk.sigmoid(x, y, n, frac, form, strategy, lo, hi, ylo, yhi): tensor-ir sigmoidInt per element
 * (form 0 sigmoid, 1 tanh; one strategy). a = |x| read at frac f + D (D = 1 for sigmoid), T from the
 * table below 2^(f+D+3) and 2^F above, y = floor((D·2^F ± T + 2^(S−1)) / 2^S), S = F + D − f;
 * in i256 (T reaches F + 1 bits, F = 24 + 3l ≤ 141). x and y bounds checked.
 */
export const sigmoid = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  %issig = icmp eq i64 %form, 0
  %d = select i1 %issig, i256 1, i256 0
  %fw = zext i64 %frac to i256
  %fu = add i256 %fw, %d
  %top = add i256 %fu, ${SIGMOID_RANGE_LOG2}
  %l = sub i256 %top, ${SIGMOID_TABLE_INDEX_BITS}
  %lone = shl i256 1, %l
  %lmask = sub i256 %lone, 1
  %l3 = mul i256 %l, ${D}
  %bigf = add i256 %l3, ${SIGMOID_COEF_FRAC}
  %one = shl i256 1, %bigf
  %lim = shl i256 1, %top
  %centre = shl i256 %d, %bigf
  %sh0 = add i256 %bigf, %d
  %sh = sub i256 %sh0, %fw
  %sh1 = sub i256 %sh, 1
  %half = shl i256 1, %sh1
${forEach('e', 'entry', '%n', `
  ${load('xv', '%x', '%e.i')}
  %neg = icmp slt i64 %xv, 0
  %nx = sub i64 0, %xv
  %av = select i1 %neg, i64 %nx, i64 %xv
  %a = zext i64 %av to i256
  %j = lshr i256 %a, %l
  %r = and i256 %a, %lmask
  ${indent(tableIr('tt', '%j', SIGMOID_TANH_TABLE))}
  ${indent(hornerIr('hq', 'tt', '%r', '%l'))}
  %sat = icmp uge i256 %a, %lim
  %t = select i1 %sat, i256 %one, i256 %hq.q
  %nt = sub i256 0, %t
  %st = select i1 %neg, i256 %nt, i256 %t
  %z0 = add i256 %centre, %st
  %z = add i256 %z0, %half
  %yw = ashr i256 %z, %sh
  %yv = trunc i256 %yw to i64
  ${store('%yv', '%y', '%e.i', 'yp')}`)}
  call void @onnx_zk.check_bounds(i64* %y, i64* %ylo, i64* %yhi, i64 %n, i8* %gadget)
  ret void
`;
