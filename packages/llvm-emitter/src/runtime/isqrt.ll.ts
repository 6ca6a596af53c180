/**
 * IR text of floor(√v) for an i128 v ≥ 0 inside a runtime body: Newton's iteration from y = v,
 * which decreases until y = floor(√v) (stopping when the next step does not decrease), exactly as
 * the gadget's witness computes it. `tag` prefixes every name; `from` is the block that enters;
 * the result is `%<tag>.root` in block `<tag>.done`.
 */
export function isqrtIr(tag: string, v: string, from: string): string {
  return `  %${tag}.small = icmp ult i128 ${v}, 2
  br i1 %${tag}.small, label %${tag}.done, label %${tag}.loop
${tag}.loop:
  %${tag}.y = phi i128 [ ${v}, %${from} ], [ %${tag}.next, %${tag}.loop ]
  %${tag}.q = udiv i128 ${v}, %${tag}.y
  %${tag}.s = add i128 %${tag}.y, %${tag}.q
  %${tag}.next = lshr i128 %${tag}.s, 1
  %${tag}.stop = icmp uge i128 %${tag}.next, %${tag}.y
  br i1 %${tag}.stop, label %${tag}.done, label %${tag}.loop
${tag}.done:
  %${tag}.root = phi i128 [ ${v}, %${from} ], [ %${tag}.y, %${tag}.loop ]`;
}
