import { load } from './ir-text';

/**
 * zk.linear(x, W, B, y, rows, k, n): y[r][j] = Σ_k x[r][k]·W[k][j] + B[j], exact i64 (B may be
 * null). The fixed-point range analysis proves every partial sum fits, so no bounds are passed.
 */
export const linear = `
  %has.bias = icmp ne i64* %B, null
  br label %row.head
row.head:
  %r = phi i64 [ 0, %entry ], [ %r.next, %row.done ]
  %r.more = icmp slt i64 %r, %rows
  br i1 %r.more, label %col.head, label %done
col.head:
  %j = phi i64 [ 0, %row.head ], [ %j.next, %col.done ]
  %j.more = icmp slt i64 %j, %n
  br i1 %j.more, label %col.start, label %row.done
col.start:
  br i1 %has.bias, label %bias, label %dot.head
bias:
  ${load('b', '%B', '%j')}
  br label %dot.head
dot.head:
  %acc = phi i64 [ 0, %col.start ], [ %b, %bias ], [ %acc.next, %dot.body ]
  %i = phi i64 [ 0, %col.start ], [ 0, %bias ], [ %i.next, %dot.body ]
  %i.more = icmp slt i64 %i, %k
  br i1 %i.more, label %dot.body, label %col.done
dot.body:
  %xrow = mul i64 %r, %k
  %xi = add i64 %xrow, %i
  ${load('xv', '%x', '%xi')}
  %wrow = mul i64 %i, %n
  %wi = add i64 %wrow, %j
  ${load('wv', '%W', '%wi')}
  %prod = mul i64 %xv, %wv
  %acc.next = add i64 %acc, %prod
  %i.next = add i64 %i, 1
  br label %dot.head
col.done:
  %yrow = mul i64 %r, %n
  %yi = add i64 %yrow, %j
  %yptr = getelementptr inbounds i64, i64* %y, i64 %yi
  store i64 %acc, i64* %yptr
  %j.next = add i64 %j, 1
  br label %col.head
row.done:
  %r.next = add i64 %r, 1
  br label %row.head
done:
  ret void
`;
