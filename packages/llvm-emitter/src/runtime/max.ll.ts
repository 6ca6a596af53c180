import { load } from './ir-text';

/** zk.max(x, y, rows, k, lo, hi): x checked against its bounds, then y[r] = max of row r (k ≥ 1). */
export const max = `
  %n = mul i64 %rows, %k
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  br label %row.head
row.head:
  %r = phi i64 [ 0, %entry ], [ %r.next, %cmp.done ]
  %r.more = icmp slt i64 %r, %rows
  br i1 %r.more, label %row.start, label %done
row.start:
  %base = mul i64 %r, %k
  ${load('x0', '%x', '%base')}
  br label %cmp.head
cmp.head:
  %i = phi i64 [ 1, %row.start ], [ %i.next, %cmp.body ]
  %m = phi i64 [ %x0, %row.start ], [ %m.next, %cmp.body ]
  %i.more = icmp slt i64 %i, %k
  br i1 %i.more, label %cmp.body, label %cmp.done
cmp.body:
  %xi = add i64 %base, %i
  ${load('xv', '%x', '%xi')}
  %ge = icmp sge i64 %xv, %m
  %m.next = select i1 %ge, i64 %xv, i64 %m
  %i.next = add i64 %i, 1
  br label %cmp.head
cmp.done:
  %yptr = getelementptr inbounds i64, i64* %y, i64 %r
  store i64 %m, i64* %yptr
  %r.next = add i64 %r, 1
  br label %row.head
done:
  ret void
`;
