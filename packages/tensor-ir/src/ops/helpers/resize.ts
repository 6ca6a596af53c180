/**
 * Resize's 1-D building blocks: coordinate transforms (output index → input coordinate),
 * interpolation coefficients (nearest, linear, cubic, with antialias) and a resampling pass
 * along one axis. N-d Resize applies one pass per axis (the interpolation is separable).
 */
export interface ResizeAxis {
  inLen: number;
  outLen: number;
  scale: number;
  roiStart: number;
  roiEnd: number;
}

export interface ResizeKernel {
  mode: string;
  coordMode: string;
  nearestMode: string;
  cubicA: number;
  excludeOutside: boolean;
  antialias: boolean;
  extrapolation: number;
}

/**
 * The input coordinate of output index x along one axis. Like the ONNX reference, the resized
 * length in the formulas is scale · inLen, not rounded (it equals outLen when sizes are given).
 */
export function sourceCoord(x: number, a: ResizeAxis, mode: string): number {
  const len = a.scale * a.inLen;
  const one = Math.abs(len - 1) < 1e-9;
  switch (mode) {
    case 'asymmetric': return x / a.scale;
    case 'pytorch_half_pixel': return !one ? (x + 0.5) / a.scale - 0.5 : 0;
    case 'align_corners': return one ? 0 : (x * (a.inLen - 1)) / (len - 1);
    case 'half_pixel_symmetric': {
      const adjustment = a.outLen / (a.scale * a.inLen);
      const offset = (a.inLen / 2) * (1 - adjustment);
      return offset + (x + 0.5) / a.scale - 0.5;
    }
    case 'tf_crop_and_resize':
      return !one
        ? a.roiStart * (a.inLen - 1) + (x * (a.roiEnd - a.roiStart) * (a.inLen - 1)) / (len - 1)
        : 0.5 * (a.roiStart + a.roiEnd) * (a.inLen - 1);
    default: return (x + 0.5) / a.scale - 0.5; // half_pixel
  }
}

function cubicKernel(x: number, A: number): number {
  const t = Math.abs(x);
  if (t <= 1) return ((A + 2) * t - (A + 3)) * t * t + 1;
  if (t < 2) return ((A * t - 5 * A) * t + 8 * A) * t - 4 * A;
  return 0;
}

/** Coefficients for taps L + start + j, where x = L + ratio with ratio in (0, 1]. */
function coefficients(ratio: number, scale: number, k: ResizeKernel, downsampling: boolean): { start: number; c: number[] } {
  if (k.mode === 'nearest') {
    if (ratio === 1) return { start: 0, c: [0, 1] };
    const up = k.nearestMode === 'ceil' || (k.nearestMode === 'round_prefer_ceil' && ratio >= 0.5)
      || (k.nearestMode === 'round_prefer_floor' && ratio > 0.5) || (k.nearestMode === 'simple' && downsampling);
    return { start: 0, c: up ? [0, 1] : [1, 0] };
  }
  const s = k.antialias ? Math.min(scale, 1) : 1;
  const reach = k.mode === 'cubic' ? 2 : 1;
  const start = Math.floor(-reach / s) + 1;
  const c: number[] = [];
  for (let j = start; j < 2 - start; j++) {
    const arg = (j - ratio) * s;
    c.push(k.mode === 'cubic' ? cubicKernel(arg, k.cubicA) : Math.max(0, 1 - Math.abs(arg)));
  }
  return { start, c };
}

/** Taps (input index, weight) of output index x along one axis, or undefined to extrapolate. */
export function taps(x: number, a: ResizeAxis, k: ResizeKernel): { index: number[]; weight: number[] } | undefined {
  const pos = sourceCoord(x, a, k.coordMode);
  if (k.coordMode === 'tf_crop_and_resize' && (pos < 0 || pos > a.inLen - 1)) return undefined;
  const left = Math.ceil(pos) - 1;
  const { start, c } = coefficients(pos - left, a.scale, k, a.scale < 1);
  const index: number[] = [];
  const weight: number[] = [];
  c.forEach((w, j) => {
    const i = left + start + j;
    if (k.excludeOutside && (i < 0 || i >= a.inLen)) return;
    index.push(Math.min(Math.max(i, 0), a.inLen - 1));
    weight.push(w);
  });
  const sum = weight.reduce((p, q) => p + q, 0);
  const normalise = k.antialias || k.excludeOutside;
  return { index, weight: normalise && sum !== 0 ? weight.map((w) => w / sum) : weight };
}

/** Resamples `data` (shape `shape`) along `axis` to `a.outLen` elements. */
export function resizeAxis(data: Float64Array, shape: number[], axis: number, a: ResizeAxis, k: ResizeKernel): Float64Array {
  const outer = shape.slice(0, axis).reduce((p, q) => p * q, 1);
  const inner = shape.slice(axis + 1).reduce((p, q) => p * q, 1);
  const out = new Float64Array(outer * a.outLen * inner);
  for (let x = 0; x < a.outLen; x++) {
    const t = taps(x, a, k);
    for (let o = 0; o < outer; o++) {
      const dst = (o * a.outLen + x) * inner;
      for (let j = 0; j < inner; j++) {
        if (!t) { out[dst + j] = k.extrapolation; continue; }
        let acc = 0;
        for (let m = 0; m < t.index.length; m++) acc += t.weight[m] * data[(o * a.inLen + t.index[m]) * inner + j];
        out[dst + j] = acc;
      }
    }
  }
  return out;
}
