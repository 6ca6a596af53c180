import { ErrorSite, ValueInfo, raise } from '@onnx-zk/tensor-ir';
import { dtypeOfOnnx } from './dtype';
import { FeErrors } from './errors';
import { int64ToNumber } from './int64';
import type { DimensionProto, ValueInfoProto } from './onnx-proto';

/** Values bound to symbolic dimensions (`--dim batch_size=1`). */
export type DimBindings = Record<string, number>;

/** Checks that every binding is a positive integer (FE011). */
export function checkDimBindings(dims: DimBindings, site: ErrorSite): void {
  for (const [name, value] of Object.entries(dims)) {
    if (!name) raise(FeErrors.BAD_DIM_BINDING, site, `empty dimension name (value ${value})`);
    if (!Number.isSafeInteger(value) || value < 1) raise(FeErrors.BAD_DIM_BINDING, site, `${name}=${value}`);
  }
}

/**
 * The static shape of a graph input. A dimension is its dim_value, or the binding of its
 * dim_param; a symbolic or unknown (absent or 0) first dimension is the batch and defaults to 1.
 * Any other unbound dimension is FE006.
 */
export function graphInputInfo(vi: ValueInfoProto, dims: DimBindings, site: ErrorSite): ValueInfo {
  const name = vi.name ?? '';
  const tensorType = vi.type?.tensorType;
  if (!tensorType) raise(FeErrors.BAD_VALUE_TYPE, site, `graph input '${name}' is not a tensor`);
  const dtype = dtypeOfOnnx(tensorType.elemType, site, `graph input '${name}'`);
  if (!tensorType.shape) raise(FeErrors.BAD_VALUE_TYPE, site, `graph input '${name}' has no shape (unknown rank)`);
  const shape = (tensorType.shape.dim ?? []).map((d, i) => staticDim(d, i, name, dims, site));
  return { name, dtype, shape };
}

function staticDim(d: DimensionProto, axis: number, input: string, dims: DimBindings, site: ErrorSite): number {
  if (d.dimValue !== undefined) {
    const v = int64ToNumber(d.dimValue, FeErrors.BAD_VALUE_TYPE, site, `graph input '${input}' dimension ${axis}`);
    if (v < 0) raise(FeErrors.BAD_VALUE_TYPE, site, `graph input '${input}' dimension ${axis} is ${v}`);
    if (v > 0) return v;
  }
  if (d.dimParam && dims[d.dimParam] !== undefined) return dims[d.dimParam];
  if (axis === 0) return 1;
  const what = d.dimParam ? `'${d.dimParam}'` : d.dimValue !== undefined ? '0 (zero-size dims are not supported)' : 'unknown';
  return raise(FeErrors.UNBOUND_DIM, site, `graph input '${input}' dimension ${axis} is ${what}`);
}

/** A declared (possibly symbolic) dimension as a number, or undefined when it is not a fixed value. */
export function declaredDim(d: DimensionProto): number | undefined {
  if (d.dimValue === undefined) return undefined;
  const v = Number(d.dimValue);
  return v > 0 ? v : undefined;
}
