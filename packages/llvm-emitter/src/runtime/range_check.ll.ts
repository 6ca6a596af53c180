/** zk.range_check(x, n, lo, hi): every x[i] must lie in [lo[i], hi[i]] (the declared input range). */
export const range_check = `
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  ret void
`;
