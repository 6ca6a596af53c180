import { cString, forEach, load } from './ir-text';

/**
 * Helpers shared by the runtime definitions of the zk.* intrinsics and by @main: the bounds
 * check (the native counterpart of a gadget's range constraints) and stdin/stdout of integers.
 * Only libc is used (scanf, printf, dprintf, exit), which lli resolves in its own process.
 */
const fmtRead = cString('onnx_zk.fmt.read', '%lld');
const fmtPrint = cString('onnx_zk.fmt.print', '%lld\n');
const msgBounds = cString('onnx_zk.msg.bounds',
  'onnx-zk runtime: value out of bounds in %s: element %lld = %lld is not in [%lld, %lld]\n');
const msgInput = cString('onnx_zk.msg.input',
  'onnx-zk runtime: input %s needs %lld decimal integers on stdin, could read only %lld\n');

export const supportIr = `
${fmtRead.global}
${fmtPrint.global}
${msgBounds.global}
${msgInput.global}

declare i32 @scanf(i8*, ...)
declare i32 @printf(i8*, ...)
declare i32 @dprintf(i32, i8*, ...)
declare void @exit(i32) noreturn

; Every buf[i] must lie in [lo[i], hi[i]]; otherwise report the gadget and exit(1).
define void @onnx_zk.check_bounds(i64* %buf, i64* %lo, i64* %hi, i64 %n, i8* %gadget) {
entry:
${forEach('e', 'entry', '%n', `
  ${load('v', '%buf', '%e.i')}
  ${load('l', '%lo', '%e.i')}
  ${load('h', '%hi', '%e.i')}
  %below = icmp slt i64 %v, %l
  %above = icmp sgt i64 %v, %h
  %bad = or i1 %below, %above
  br i1 %bad, label %fail, label %e.ok
e.ok:`, 'e.ok')}
  ret void
fail:
  call i32 (i32, i8*, ...) @dprintf(i32 2, ${msgBounds.ptr}, i8* %gadget, i64 %e.i, i64 %v, i64 %l, i64 %h)
  call void @exit(i32 1)
  unreachable
}

; Reads n decimal integers from stdin into buf; too few → message naming the input, exit(1).
define void @onnx_zk.read_input(i64* %buf, i64 %n, i8* %name) {
entry:
${forEach('e', 'entry', '%n', `
  %p = getelementptr inbounds i64, i64* %buf, i64 %e.i
  %got = call i32 (i8*, ...) @scanf(${fmtRead.ptr}, i64* %p)
  %ok = icmp eq i32 %got, 1
  br i1 %ok, label %e.ok, label %fail
e.ok:`, 'e.ok')}
  ret void
fail:
  call i32 (i32, i8*, ...) @dprintf(i32 2, ${msgInput.ptr}, i8* %name, i64 %n, i64 %e.i)
  call void @exit(i32 1)
  unreachable
}

; Prints buf[0..n) to stdout, one decimal integer per line.
define void @onnx_zk.print_output(i64* %buf, i64 %n) {
entry:
${forEach('e', 'entry', '%n', `
  ${load('v', '%buf', '%e.i')}
  call i32 (i8*, ...) @printf(${fmtPrint.ptr}, i64 %v)`)}
  ret void
}
`;
