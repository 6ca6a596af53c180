import { isqrtIr } from './isqrt.ll';
import { load } from './ir-text';

/**
 * zk.layer_norm(x, gamma, beta, y, rows, d, eps, shift, lo, hi): x checked against its bounds;
 * per row, in i128: S = Σx, d_i = D·x_i − S, den = Σ d_i² + D³·eps, r = floor(√(D³·2^shift / den)),
 * y_i = gamma_i·d_i·r + beta_i (beta may be null).
 */
export const layer_norm = `
  %n = mul i64 %rows, %d
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  %has.beta = icmp ne i64* %beta, null
  %D = sext i64 %d to i128
  %D2 = mul i128 %D, %D
  %D3 = mul i128 %D2, %D
  %epsw = sext i64 %eps to i128
  %floor = mul i128 %D3, %epsw
  %s = zext i64 %shift to i128
  %num = shl i128 %D3, %s
  br label %row.head
row.head:
  %r = phi i64 [ 0, %entry ], [ %r.next, %out.head.exit ]
  %r.more = icmp slt i64 %r, %rows
  br i1 %r.more, label %row.start, label %done
row.start:
  %base = mul i64 %r, %d
  br label %sum.head
sum.head:
  %i = phi i64 [ 0, %row.start ], [ %i.next, %sum.body ]
  %sum = phi i128 [ 0, %row.start ], [ %sum.next, %sum.body ]
  %i.more = icmp slt i64 %i, %d
  br i1 %i.more, label %sum.body, label %var.head
sum.body:
  %xi = add i64 %base, %i
  ${load('xv', '%x', '%xi')}
  %xw = sext i64 %xv to i128
  %sum.next = add i128 %sum, %xw
  %i.next = add i64 %i, 1
  br label %sum.head
var.head:
  %v = phi i64 [ 0, %sum.head ], [ %v.next, %var.body ]
  %den = phi i128 [ %floor, %sum.head ], [ %den.next, %var.body ]
  %v.more = icmp slt i64 %v, %d
  br i1 %v.more, label %var.body, label %var.done
var.body:
  %vi = add i64 %base, %v
  ${load('xv2', '%x', '%vi')}
  %xw2 = sext i64 %xv2 to i128
  %dx = mul i128 %D, %xw2
  %dev = sub i128 %dx, %sum
  %sq = mul i128 %dev, %dev
  %den.next = add i128 %den, %sq
  %v.next = add i64 %v, 1
  br label %var.head
var.done:
  %arg = udiv i128 %num, %den
${isqrtIr('rt', '%arg', 'var.done')}
  br label %out.head
out.head:
  %o = phi i64 [ 0, %rt.done ], [ %o.next, %out.store ]
  %o.more = icmp slt i64 %o, %d
  br i1 %o.more, label %out.body, label %out.head.exit
out.body:
  %oi = add i64 %base, %o
  ${load('xv3', '%x', '%oi')}
  %xw3 = sext i64 %xv3 to i128
  %dx3 = mul i128 %D, %xw3
  %dev3 = sub i128 %dx3, %sum
  %z = mul i128 %dev3, %rt.root
  ${load('gv', '%gamma', '%o')}
  %gw = sext i64 %gv to i128
  %gz = mul i128 %gw, %z
  %gz64 = trunc i128 %gz to i64
  br i1 %has.beta, label %out.beta, label %out.store
out.beta:
  ${load('bv', '%beta', '%o')}
  %yb = add i64 %gz64, %bv
  br label %out.store
out.store:
  %yv = phi i64 [ %gz64, %out.body ], [ %yb, %out.beta ]
  %yptr = getelementptr inbounds i64, i64* %y, i64 %oi
  store i64 %yv, i64* %yptr
  %o.next = add i64 %o, 1
  br label %out.head
out.head.exit:
  %r.next = add i64 %r, 1
  br label %row.head
done:
  ret void
`;
