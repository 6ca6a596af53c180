import * as path from 'path';
import { DType, ErrorCollector, Graph, Tensor, TirFile, emptyGraph, foldConstants, inferShapes, verifyGraph, withFile } from '@onnx-zk/tensor-ir';
import { applyLeniency, breaksLenientRule } from './lenient';
import { DimBindings, checkDimBindings, graphInputInfo } from './dims';
import { dtypeOfOnnxOrUndefined } from './dtype';
import { checkEdges, importNodes, NodeImportEnv, nodeNames } from './nodes';
import type { GraphProto, ModelProto } from './onnx-proto';
import { defaultOpset } from './opset';
import { checkDeclaredOutputs } from './outputs';
import { decodeModel } from './schema';
import { tensorFromProto } from './tensor';
import { keepsWeightTranspose } from './weight-transpose';

export interface ImportOptions {
  /** The model's path, for error messages and metadata. */
  file?: string;
  /** The folder external data is read from (default: the folder of `file`, if given). */
  baseDir?: string;
  /** Values of symbolic dimensions (`--dim name=value`). */
  dims?: DimBindings;
  /** Accept the spec-invalid nodes of the lenient table (with a warning) instead of rejecting them. */
  lenient?: boolean;
  /** Where lenient-mode warnings go (default: stderr). */
  warn?: (line: string) => void;
  /**
   * Graph inputs fixed to constant values, by position among the graph inputs (e.g. the int64
   * shape, axes and split inputs of node-suite cases, which onnx-zk needs static).
   */
  constantInputs?: ReadonlyMap<number, Tensor>;
}

/**
 * Converts an ONNX model into a float-stage tensor-ir file: initializers and Constant nodes
 * become constants, graph inputs get static shapes, nodes keep their ONNX names as locations.
 * Shapes are then inferred and the graph verified; every problem found is reported at once.
 */
export function importOnnx(bytes: Uint8Array, opts: ImportOptions = {}): TirFile {
  const file = opts.file;
  const site = { file };
  const dims = opts.dims ?? {};
  checkDimBindings(dims, site);
  const model = decodeModel(bytes, site);
  const opset = defaultOpset(model, site);
  const g = model.graph as GraphProto;
  const graph = emptyGraph(g.name || (file ? path.basename(file, '.onnx') : 'model'), 'float', opset);
  const env: NodeImportEnv = {
    file,
    baseDir: opts.baseDir ?? (file ? path.dirname(file) : undefined),
    dtypes: declaredDtypes(g),
    errors: new ErrorCollector(),
  };
  addInitializers(graph, g, env);
  addGraphInputs(graph, g, dims, env, opts.constantInputs);
  graph.outputs = (g.output ?? []).map((o) => o.name ?? '');
  const defined = new Set([...(g.input ?? []).map((i) => i.name ?? ''), ...(g.initializer ?? []).map((t) => t.name ?? '')]);
  const names = nodeNames(g.node ?? []);
  checkEdges(g.node ?? [], names, defined, graph.outputs, env);
  importNodes(graph, g.node ?? [], names, env);
  env.errors.throwIfAny();
  const inferAndVerify = () => {
    // Folding first makes exporters' shape subgraphs constant, so Reshape & co see static shapes;
    // it types nodes as it goes, which the lenient table's dtype conditions read.
    // Nodes the lenient table flags are kept unfolded so that strict mode still reports them.
    // Large weight Transposes that only feed MatMuls are kept too (see keepsWeightTranspose).
    foldConstants(graph, { keep: (node, g) => breaksLenientRule(node, g) || keepsWeightTranspose(node, g) });
    const warn = opts.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
    if (applyLeniency(graph, opts.lenient === true, file, warn)) foldConstants(graph, { keep: keepsWeightTranspose });
    inferShapes(graph);
    verifyGraph(graph);
  };
  if (file) withFile(file, inferAndVerify);
  else inferAndVerify();
  checkDeclaredOutputs(graph, g.output ?? [], site);
  graph.metadata = modelMetadata(model, file, dims);
  return { producer: 'onnx-frontend', graph };
}

function addInitializers(graph: Graph, g: GraphProto, env: NodeImportEnv): void {
  for (const init of g.initializer ?? []) {
    const name = init.name ?? '';
    env.errors.attempt(() => {
      const tensor = tensorFromProto(init, { baseDir: env.baseDir, site: { file: env.file } });
      graph.constants.set(name, tensor);
      graph.values.set(name, { name, dtype: tensor.dtype, shape: [...tensor.shape] });
    });
  }
}

/** Graph inputs that are not initializers (older exporters list initializers as inputs too). */
function addGraphInputs(graph: Graph, g: GraphProto, dims: DimBindings, env: NodeImportEnv, bound?: ReadonlyMap<number, Tensor>): void {
  const initializers = new Set((g.initializer ?? []).map((t) => t.name ?? ''));
  let position = 0;
  for (const vi of g.input ?? []) {
    const name = vi.name ?? '';
    if (initializers.has(name)) continue;
    const constant = bound?.get(position++);
    if (constant) {
      graph.constants.set(name, constant);
      graph.values.set(name, { name, dtype: constant.dtype, shape: [...constant.shape] });
      continue;
    }
    graph.inputs.push(name);
    env.errors.attempt(() => graph.values.set(name, graphInputInfo(vi, dims, { file: env.file })));
  }
}

/** Element types declared anywhere in the graph (used before inference, e.g. by the Cast rule). */
function declaredDtypes(g: GraphProto): Map<string, DType> {
  const out = new Map<string, DType>();
  for (const vi of [...(g.input ?? []), ...(g.valueInfo ?? []), ...(g.output ?? [])]) {
    const dtype = dtypeOfOnnxOrUndefined(vi.type?.tensorType?.elemType);
    if (vi.name && dtype) out.set(vi.name, dtype);
  }
  return out;
}

function modelMetadata(model: ModelProto, file: string | undefined, dims: DimBindings): Record<string, string> {
  const meta: Record<string, string> = {
    'onnx.producer': `${model.producerName ?? ''} ${model.producerVersion ?? ''}`.trim(),
    'onnx.ir_version': String(model.irVersion ?? ''),
  };
  if (file) meta.source = path.basename(file);
  const bound = Object.entries(dims).map(([k, v]) => `${k}=${v}`);
  if (bound.length) meta['onnx.dims'] = bound.join(',');
  return meta;
}
