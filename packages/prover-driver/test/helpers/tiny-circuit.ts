/**
 * A hand-written onnx-zk LLVM module using the zk.* intrinsics per their abi (range_check, linear,
 * relu, rescale), the way onnx-zk-llvm emits them, for tests that must not depend on the
 * emitter: x [1,3] (frac 4, range [-4, 4)) → Gemm → Relu → Rescale(4) → y [1,2] (frac 4).
 */

/** A JSON value as the body of an LLVM metadata string (`"` and `\` escaped as hex). */
export function mdJson(value: unknown): string {
  return JSON.stringify(value).replace(/\\/g, '\\5C').replace(/"/g, '\\22');
}

export const TINY_SIGNATURE = {
  version: 1,
  model: 'tiny',
  inputs: [{ name: 'x', shape: [1, 3], frac: 4, public: false }],
  outputs: [{ name: 'y', shape: [1, 2], frac: 4 }],
};

export interface TinyOptions {
  /** Replace the body of @circuit (the calls). */
  body?: string;
  /** More globals, for a replaced body. */
  globals?: string;
  signature?: unknown;
}

export const TINY_BODY = `
  call void @zk.range_check(i64* %x, i64 3, i64* getelementptr inbounds ([3 x i64], [3 x i64]* @lo.x, i64 0, i64 0), i64* getelementptr inbounds ([3 x i64], [3 x i64]* @hi.x, i64 0, i64 0)), !onnx.loc !1, !zk.node !2
  call void @zk.linear(i64* %x, i64* getelementptr inbounds ([6 x i64], [6 x i64]* @c.W, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @c.B, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.h, i64 0, i64 0), i64 1, i64 3, i64 2), !onnx.loc !3, !zk.node !4
  call void @zk.relu(i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.h, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.r, i64 0, i64 0), i64 2, i64* getelementptr inbounds ([2 x i64], [2 x i64]* @lo.h, i64 0, i64 0), i64* getelementptr inbounds ([2 x i64], [2 x i64]* @hi.h, i64 0, i64 0)), !onnx.loc !5, !zk.node !6
  call void @zk.rescale(i64* getelementptr inbounds ([2 x i64], [2 x i64]* @v.r, i64 0, i64 0), i64* %y, i64 2, i64 4, i64* getelementptr inbounds ([1 x i64], [1 x i64]* @lo.y, i64 0, i64 0), i64* getelementptr inbounds ([1 x i64], [1 x i64]* @hi.y, i64 0, i64 0)), !onnx.loc !7, !zk.node !8
`;

export function tinyModule(options: TinyOptions = {}): string {
  return `; onnx-zk test module
@c.W = private constant [6 x i64] [i64 1, i64 -2, i64 3, i64 4, i64 -5, i64 6]
@c.B = private constant [2 x i64] [i64 10, i64 -20]
@lo.x = private constant [3 x i64] [i64 -64, i64 -64, i64 -64]
@hi.x = private constant [3 x i64] [i64 63, i64 63, i64 63]
@lo.h = private constant [2 x i64] [i64 -1000, i64 -1000]
@hi.h = private constant [2 x i64] [i64 1000, i64 1000]
@lo.y = private constant [1 x i64] [i64 0]
@hi.y = private constant [1 x i64] [i64 63]
@v.h = internal global [2 x i64] zeroinitializer
@v.r = internal global [2 x i64] zeroinitializer
${options.globals ?? ''}

declare void @zk.range_check(i64*, i64, i64*, i64*)
declare void @zk.linear(i64*, i64*, i64*, i64*, i64, i64, i64)
declare void @zk.relu(i64*, i64*, i64, i64*, i64*)
declare void @zk.rescale(i64*, i64*, i64, i64, i64*, i64*)
declare void @zk.unknown(i64*)
declare void @zk.copy(i64*, i64*)
declare void @zk.rescale_clip(i64*, i64*, i64*, i64, i64, i64, i64, i64*, i64*)

define void @circuit(i64* %x, i64* %y) {
entry:${options.body ?? TINY_BODY}  ret void
}

!onnx_zk.signature = !{!0}
!0 = !{!"${mdJson(options.signature ?? TINY_SIGNATURE)}"}
!1 = !{!"x"}
!2 = !{!"RangeCheck_x", !"bits"}
!3 = !{!"Gemm_0"}
!4 = !{!"Gemm_0", !"lc"}
!5 = !{!"Relu_1"}
!6 = !{!"Relu_1", !"bits"}
!7 = !{!"Gemm_0", !"Relu_1"}
!8 = !{!"Rescale_2", !"bits"}
`;
}

/** input.json for the tiny module: x = [1, -0.5, 2.25] → fixed [16, -8, 36]. */
export const TINY_INPUT = { input_data: [[1.0, -0.5, 2.25]] };

/**
 * Expected integers: h = x·W + B = [16 − 24 − 180 + 10, −32 − 32 + 216 − 20] = [−178, 132];
 * r = relu(h) = [0, 132]; y = floor((r + 8) / 16) = [0, 8].
 */
export const TINY_OUTPUT = [0n, 8n];
