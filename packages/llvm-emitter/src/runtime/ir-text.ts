import { llvmStringBody } from '../names';

/**
 * Small helpers for the hand-written runtime IR: C strings (their array length is counted, not
 * typed by hand) and the one loop shape every elementwise gadget uses.
 */

/** A private NUL-terminated string global and the `i8*` constant expression that points at it. */
export function cString(name: string, text: string): { global: string; type: string; ptr: string } {
  const n = Buffer.byteLength(text, 'utf8') + 1;
  const type = `[${n} x i8]`;
  return {
    global: `@${name} = private unnamed_addr constant ${type} c"${llvmStringBody(text)}\\00"`,
    type,
    ptr: `i8* getelementptr inbounds (${type}, ${type}* @${name}, i64 0, i64 0)`,
  };
}

/**
 * `for (i = 0; i < count; i++) { body }` as IR text. `from` is the label of the block that jumps
 * into the loop; the body may use `%<tag>.i`. A body that branches (to an error exit) names the
 * block it ends in as `bodyEnd`. The loop leaves through block `<tag>.done`, which the caller
 * writes next.
 */
export function forEach(tag: string, from: string, count: string, body: string, bodyEnd = `${tag}.body`): string {
  return `  br label %${tag}.head
${tag}.head:
  %${tag}.i = phi i64 [ 0, %${from} ], [ %${tag}.next, %${bodyEnd} ]
  %${tag}.more = icmp slt i64 %${tag}.i, ${count}
  br i1 %${tag}.more, label %${tag}.body, label %${tag}.done
${tag}.body:
${body.trim().split('\n').map((l) => `  ${l.trim()}`).join('\n')}
  %${tag}.next = add i64 %${tag}.i, 1
  br label %${tag}.head
${tag}.done:`;
}

/** Loads element `%<tag>.i` of `buffer` into `%<into>`. */
export function load(into: string, buffer: string, index: string): string {
  return `%${into}.ptr = getelementptr inbounds i64, i64* ${buffer}, i64 ${index}
%${into} = load i64, i64* %${into}.ptr`;
}

/** Stores `value` into element `index` of `buffer`. */
export function store(value: string, buffer: string, index: string, tag: string): string {
  return `%${tag}.ptr = getelementptr inbounds i64, i64* ${buffer}, i64 ${index}
store i64 ${value}, i64* %${tag}.ptr`;
}
