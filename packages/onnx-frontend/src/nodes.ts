import { DType, ErrorCollector, ErrorSite, Graph, lookupOp, Node, onnxOps, onnxZkOps } from '@onnx-zk/tensor-ir';
import { attrsFromProto } from './attributes';
import { FeErrors } from './errors';
import { ImportContext, importRules } from './import-ops';
import { isDefaultDomain } from './opset';
import type { NodeProto } from './onnx-proto';

/** What converting the nodes needs besides the graph being built. */
export interface NodeImportEnv {
  file?: string;
  baseDir?: string;
  /** Dtypes known before inference: graph inputs, constants and declared value_info. */
  dtypes: Map<string, DType>;
  errors: ErrorCollector;
}

/**
 * The IR name of every ONNX node: its ONNX name, or `<op>_<index>` when it has none, made unique
 * with a `_<k>` suffix when two nodes would share one.
 */
export function nodeNames(protos: readonly NodeProto[]): string[] {
  const used = new Set<string>();
  return protos.map((p, i) => {
    const base = p.name || `${p.opType ?? 'node'}_${i}`;
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}

/** Converts the ONNX nodes in order, appending to graph.nodes; every unsupported node is collected. */
export function importNodes(graph: Graph, protos: readonly NodeProto[], names: string[], env: NodeImportEnv): void {
  protos.forEach((proto, i) => {
    const site: ErrorSite = { file: env.file, node: names[i], op: proto.opType ?? '' };
    env.errors.attempt(() => importNode(graph, proto, names[i], site, env));
  });
}

function importNode(graph: Graph, proto: NodeProto, name: string, site: ErrorSite, env: NodeImportEnv): void {
  const op = proto.opType ?? '';
  if (!isDefaultDomain(proto.domain)) {
    env.errors.add(FeErrors.UNSUPPORTED_OP, site, `ops of domain '${proto.domain}' are not supported`);
    return;
  }
  const attrs = attrsFromProto(proto.attribute, { baseDir: env.baseDir, site });
  const node: Node = { op, name, inputs: [...(proto.input ?? [])], outputs: [...(proto.output ?? [])], attrs, loc: [name] };
  const rule = lookupOp(importRules, op);
  const emitted = rule ? rule(node, importContext(graph, site, env)) : [node];
  for (const n of emitted) {
    // onnx-zk's own ops (made by passes) are not ONNX ops: a default-domain node of that name is unknown
    if (lookupOp(onnxOps, n.op) && !onnxZkOps.has(n.op)) graph.nodes.push(n);
    else env.errors.add(FeErrors.UNSUPPORTED_OP, site, `${n.op} is not in the float op table`);
  }
}

function importContext(graph: Graph, site: ErrorSite, env: NodeImportEnv): ImportContext {
  return {
    site,
    dtypeOf: (value) => graph.values.get(value)?.dtype ?? env.dtypes.get(value),
    setDtype: (value, dtype) => { env.dtypes.set(value, dtype); },
    addConstant: (value, tensor) => {
      graph.constants.set(value, tensor);
      graph.values.set(value, { name: value, dtype: tensor.dtype, shape: [...tensor.shape] });
    },
  };
}

/**
 * Dangling edges, checked on the ONNX nodes themselves so that a node that failed to convert
 * still defines its outputs: every input must be a graph input, an initializer or an output of
 * an earlier node (ONNX graphs are topologically sorted), and every graph output must be defined.
 */
export function checkEdges(
  protos: readonly NodeProto[], names: string[], defined: Set<string>, outputs: string[], env: NodeImportEnv,
): void {
  protos.forEach((proto, i) => {
    const site: ErrorSite = { file: env.file, node: names[i], op: proto.opType ?? '' };
    for (const input of proto.input ?? []) {
      if (input && !defined.has(input)) env.errors.add(FeErrors.DANGLING_VALUE, site, `input '${input}'`);
    }
    for (const output of proto.output ?? []) if (output) defined.add(output);
  });
  for (const output of outputs) {
    if (!defined.has(output)) env.errors.add(FeErrors.DANGLING_VALUE, { file: env.file }, `graph output '${output}'`);
  }
}
