import { ErrorSite, raise } from '@onnx-zk/tensor-ir';
import { FeErrors } from './errors';
import { int64ToNumber } from './int64';
import type { ModelProto } from './onnx-proto';

/** Default-domain opsets the float op table follows. */
export const MIN_OPSET = 7;
export const MAX_OPSET = 25;

/** The default ONNX domain is spelled '' or 'ai.onnx'. */
export function isDefaultDomain(domain: string | undefined): boolean {
  return !domain || domain === 'ai.onnx';
}

/**
 * The model's default-domain opset version (FE004 when it is absent or outside
 * [MIN_OPSET, MAX_OPSET]). Imports of other domains are allowed here; a node that uses one is
 * reported as unsupported where nodes are converted.
 */
export function defaultOpset(model: ModelProto, site: ErrorSite): number {
  const imports = (model.opsetImport ?? []).filter((o) => isDefaultDomain(o.domain));
  if (imports.length === 0) raise(FeErrors.UNSUPPORTED_OPSET, site, 'the model imports no default-domain (ai.onnx) opset');
  const version = int64ToNumber(imports[0].version ?? 0, FeErrors.UNSUPPORTED_OPSET, site, 'opset version');
  if (version < MIN_OPSET || version > MAX_OPSET) {
    raise(FeErrors.UNSUPPORTED_OPSET, site, `ai.onnx opset ${version} is outside ${MIN_OPSET}..${MAX_OPSET}`);
  }
  return version;
}
