import { forEach, load, store } from './ir-text';

/**
 * zk.conv_linear(x, W, taps, B, y, batch, c, m, k, positions, width, group, nx): the convolution of
 * tensor-ir fixed-ops/ConvLinear.ts, exact i64 (B may be null).
 */
export const conv_linear = `
  %acc = alloca i64
  %has.bias = icmp ne i64* %B, null
  %nc = mul i64 %batch, %c
  %in.size = sdiv i64 %nx, %nc
  %cg = sdiv i64 %c, %group
  %mg = sdiv i64 %m, %group
${forEach('img', 'entry', '%batch', `
${forEach('oc', 'img.body', '%m', `
  %g = sdiv i64 %oc.i, %mg
  %c.base = mul i64 %g, %cg
  %img.c = mul i64 %img.i, %c
  %ch0 = add i64 %img.c, %c.base
  br i1 %has.bias, label %bias, label %nobias
bias:
  ${load('b', '%B', '%oc.i')}
  br label %pos.start
nobias:
  br label %pos.start
pos.start:
  %b0 = phi i64 [ %b, %bias ], [ 0, %nobias ]
  %img.m = mul i64 %img.i, %m
  %y.map = add i64 %img.m, %oc.i
  %y.base = mul i64 %y.map, %positions
${forEach('p', 'pos.start', '%positions', `
  store i64 %b0, i64* %acc
  %t.row = mul i64 %p.i, %width
${forEach('t', 'p.body', '%width', `
  %ti = add i64 %t.row, %t.i
  ${load('code', '%taps', '%ti')}
  %skip = icmp slt i64 %code, 0
  br i1 %skip, label %t.end, label %t.use
t.use:
  %s = sdiv i64 %code, %k
  %kk = srem i64 %code, %k
${forEach('ic', 't.use', '%cg', `
  %w.row = mul i64 %oc.i, %cg
  %w.ch = add i64 %w.row, %ic.i
  %w.off = mul i64 %w.ch, %k
  %wi = add i64 %w.off, %kk
  ${load('wv', '%W', '%wi')}
  %x.ch = add i64 %ch0, %ic.i
  %x.off = mul i64 %x.ch, %in.size
  %xi = add i64 %x.off, %s
  ${load('xv', '%x', '%xi')}
  %prod = mul i64 %wv, %xv
  %a0 = load i64, i64* %acc
  %a1 = add i64 %a0, %prod
  store i64 %a1, i64* %acc`)}
  br label %t.end
t.end:`, 't.end')}
  %sum = load i64, i64* %acc
  %yi = add i64 %y.base, %p.i
  ${store('%sum', '%y', '%yi', 'yp')}`, 't.done')}`, 'p.done')}`, 'oc.done')}
  ret void
`;
