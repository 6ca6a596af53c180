import { ErrorCollector, ErrorSite, Graph } from '@onnx-zk/tensor-ir';
import { declaredDim } from './dims';
import { dtypeOfOnnxOrUndefined, onnxTypeName } from './dtype';
import { FeErrors } from './errors';
import type { ValueInfoProto } from './onnx-proto';

/**
 * Checks the inferred type of each graph output against what the model declares: the element
 * type when it has one, the rank when a shape is declared, and every fixed (non-symbolic) dim.
 */
export function checkDeclaredOutputs(graph: Graph, declared: readonly ValueInfoProto[], site: ErrorSite): void {
  const errors = new ErrorCollector();
  for (const vi of declared) {
    const name = vi.name ?? '';
    const inferred = graph.values.get(name);
    const tensorType = vi.type?.tensorType;
    if (!inferred || !tensorType) continue;
    const mismatch = (details: string) => errors.add(FeErrors.OUTPUT_MISMATCH, site, `graph output '${name}': ${details}`);
    const elemType = tensorType.elemType ?? 0;
    const dtype = dtypeOfOnnxOrUndefined(elemType);
    if (elemType !== 0 && dtype !== inferred.dtype) {
      mismatch(`declared ${onnxTypeName(elemType)}, inferred ${inferred.dtype}`);
    }
    const dims = tensorType.shape?.dim;
    if (!dims) continue;
    const fixedDimsDiffer = dims.some((d, i) => declaredDim(d) !== undefined && declaredDim(d) !== inferred.shape[i]);
    if (dims.length !== inferred.shape.length || fixedDimsDiffer) {
      const text = dims.map((d) => declaredDim(d) ?? (d.dimParam || '?')).join(',');
      mismatch(`declared shape [${text}], inferred [${inferred.shape.join(',')}]`);
    }
  }
  errors.throwIfAny();
}
