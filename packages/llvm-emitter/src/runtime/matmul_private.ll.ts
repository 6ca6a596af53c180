import { load } from './ir-text';

/**
 * zk.matmul_private(A, B, bias, y, rows, m, k, n, b_rows, strategy): y[r][j] = Σ_t A[r][t]·B[b][t][j]
 * + bias[j] (exact i64; bias may be null). B is shared when b_rows = k, else batch b = r / m has its
 * own. The strategy (products, or Freivalds' check on groth16-cr) changes the proof, not the values.
 */
export const matmul_private = `
  %has.bias = icmp ne i64* %bias, null
  %shared = icmp eq i64 %b_rows, %k
  %kn = mul i64 %k, %n
  br label %row.head
row.head:
  %r = phi i64 [ 0, %entry ], [ %r.next, %col.head.exit ]
  %r.more = icmp slt i64 %r, %rows
  br i1 %r.more, label %row.start, label %done
row.start:
  %batch = sdiv i64 %r, %m
  %boff.own = mul i64 %batch, %kn
  %boff = select i1 %shared, i64 0, i64 %boff.own
  br label %col.head
col.head:
  %j = phi i64 [ 0, %row.start ], [ %j.next, %col.done ]
  %j.more = icmp slt i64 %j, %n
  br i1 %j.more, label %col.start, label %col.head.exit
col.start:
  br i1 %has.bias, label %with.bias, label %dot.head
with.bias:
  ${load('bv', '%bias', '%j')}
  br label %dot.head
dot.head:
  %acc = phi i64 [ 0, %col.start ], [ %bv, %with.bias ], [ %acc.next, %dot.body ]
  %t = phi i64 [ 0, %col.start ], [ 0, %with.bias ], [ %t.next, %dot.body ]
  %t.more = icmp slt i64 %t, %k
  br i1 %t.more, label %dot.body, label %col.done
dot.body:
  %arow = mul i64 %r, %k
  %ai = add i64 %arow, %t
  ${load('av', '%A', '%ai')}
  %brow = mul i64 %t, %n
  %bj = add i64 %brow, %j
  %bi = add i64 %boff, %bj
  ${load('bw', '%B', '%bi')}
  %prod = mul i64 %av, %bw
  %acc.next = add i64 %acc, %prod
  %t.next = add i64 %t, 1
  br label %dot.head
col.done:
  %yrow = mul i64 %r, %n
  %yi = add i64 %yrow, %j
  %yptr = getelementptr inbounds i64, i64* %y, i64 %yi
  store i64 %acc, i64* %yptr
  %j.next = add i64 %j, 1
  br label %col.head
col.head.exit:
  %r.next = add i64 %r, 1
  br label %row.head
done:
  ret void
`;
