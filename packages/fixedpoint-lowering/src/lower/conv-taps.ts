import { TransposedWindow, Window, forEachIndex, forEachScatter, kernelOffsets, windowTaps } from '@onnx-zk/tensor-ir';

/** Per output position, the (input position, kernel offset) pairs meeting there, as codes s·K + k. */
export interface TapTable {
  /** Output spatial dims. */
  out: number[];
  /** Taps per position (the widest position's count; shorter lists end in −1). */
  width: number;
  codes: bigint[];
}

function pack(out: number[], lists: number[][]): TapTable {
  const width = Math.max(1, ...lists.map((l) => l.length));
  const codes: bigint[] = [];
  for (const l of lists) for (let t = 0; t < width; t++) codes.push(t < l.length ? BigInt(l[t]) : -1n);
  return { out, width, codes };
}

/** Conv: output position p reads input position s through kernel offset k (tensor-ir's windowTaps). */
export function convTaps(win: Window, input: number[]): TapTable {
  const k = win.kernel.reduce((a, b) => a * b, 1);
  const offsets = kernelOffsets(win.kernel);
  const lists: number[][] = [];
  forEachIndex(win.out, (o) => {
    const { kernelIndex, inputIndex } = windowTaps(win, input, offsets, o);
    lists.push(Array.from(inputIndex, (s, t) => s * k + kernelIndex[t]));
  });
  return pack(win.out, lists);
}

/** ConvTranspose: input position s scatters kernel offset k to output s·stride + k·dilation − pad. */
export function convTransposeTaps(win: TransposedWindow, input: number[]): TapTable {
  const k = win.kernel.reduce((a, b) => a * b, 1);
  const lists: number[][] = Array.from({ length: win.out.reduce((a, b) => a * b, 1) }, () => []);
  forEachScatter(win, input, (s, kp, o) => lists[o].push(s * k + kp));
  return pack(win.out, lists);
}
