import { forEach, load, store } from './ir-text';

/**
 * zk.sparse_linear(x, index, W, B, y, n, taps, strategy): y[o] = B[o] + Σ_t W[o,t]·x[index[o,t]]
 * over index ≥ 0, exact i64 (B may be null); the strategy (linear combination or wire) is the
 * circuit's layout only.
 */
export const sparse_linear = `
  %acc = alloca i64
  %has.bias = icmp ne i64* %B, null
${forEach('o', 'entry', '%n', `
  br i1 %has.bias, label %bias, label %nobias
bias:
  ${load('b', '%B', '%o.i')}
  br label %start
nobias:
  br label %start
start:
  %b0 = phi i64 [ %b, %bias ], [ 0, %nobias ]
  store i64 %b0, i64* %acc
  %row = mul i64 %o.i, %taps
${forEach('t', 'start', '%taps', `
  %ti = add i64 %row, %t.i
  ${load('idx', '%index', '%ti')}
  %skip = icmp slt i64 %idx, 0
  br i1 %skip, label %t.end, label %t.use
t.use:
  ${load('wv', '%W', '%ti')}
  ${load('xv', '%x', '%idx')}
  %prod = mul i64 %wv, %xv
  %a0 = load i64, i64* %acc
  %a1 = add i64 %a0, %prod
  store i64 %a1, i64* %acc
  br label %t.end
t.end:`, 't.end')}
  %sum = load i64, i64* %acc
  ${store('%sum', '%y', '%o.i', 'yp')}`, 't.done')}
  ret void
`;
