/**
 * The GPT-2 graph in the op patterns torch.onnx (opset 14) emits for Hugging Face's GPT2LMHeadModel:
 * Shape → Gather → Unsqueeze → Concat shape subgraphs, the decomposed LayerNorm and tanh GELU, a
 * bool causal-mask buffer sliced to the sequence and applied with Where, and an LM head tied to
 * the token embedding (a Transpose of wte feeding the last MatMul).
 */
import { OnnxGraphBuilder, ONNX_FLOAT, ONNX_INT64 } from './onnx-builder';
import { SeededRandom } from './random';

export interface Gpt2Config {
  layers: number;
  dModel: number;
  heads: number;
  vocab: number;
  context: number;
  seed: number;
  /** A fixed sequence length for input_ids (default: the symbolic dim `sequence`). */
  sequence?: number;
}

/** GPT-2 small: 12 layers, d_model 768, 12 heads, 50257 tokens, context 1024 (~124M parameters). */
export const GPT2_SMALL: Gpt2Config = { layers: 12, dModel: 768, heads: 12, vocab: 50257, context: 1024, seed: 1 };

export const OPSET = 14;
const STD = 0.02;
const MASK_VALUE = -3.4028234663852886e38; // torch.finfo(float32).min

/** Graph-building state: the builder, the weights' PRNG and the config. */
interface Ctx { b: OnnxGraphBuilder; rng: SeededRandom; cfg: Gpt2Config }

function i64(ctx: Ctx, values: number[], scalar = false): string {
  return ctx.b.constant(scalar ? [] : [values.length], values, true);
}

function f32(ctx: Ctx, value: number): string {
  return ctx.b.constant([], [value]);
}

function weight(ctx: Ctx, name: string, dims: number[], std = STD, mean = 0): string {
  return ctx.b.initializer(name, dims, ctx.rng.normal(dims.reduce((a, d) => a * d, 1), std, mean));
}

/** PyTorch's x.size(i) → unsqueezed int64 [1] tensor: Shape → Gather(i) → Unsqueeze(0). */
function dimOf(ctx: Ctx, scope: string, x: string, i: number): string {
  const shape = ctx.b.op(scope, 'Shape', [x]);
  const d = ctx.b.op(scope, 'Gather', [shape, i64(ctx, [i], true)], { axis: 0 });
  return ctx.b.op(scope, 'Unsqueeze', [d, i64(ctx, [0])]);
}

/** Decomposed LayerNorm over the last axis (ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add). */
function layerNorm(ctx: Ctx, scope: string, x: string, prefix: string): string {
  const { b } = ctx;
  const gamma = weight(ctx, `${prefix}.weight`, [ctx.cfg.dModel], STD, 1);
  const beta = weight(ctx, `${prefix}.bias`, [ctx.cfg.dModel], STD);
  const mean = b.op(scope, 'ReduceMean', [x], { axes: [-1] });
  const centred = b.op(scope, 'Sub', [x, mean]);
  const sq = b.op(scope, 'Pow', [centred, f32(ctx, 2)]);
  const variance = b.op(scope, 'ReduceMean', [sq], { axes: [-1] });
  const std = b.op(scope, 'Sqrt', [b.op(scope, 'Add', [variance, f32(ctx, 1e-5)])]);
  const normed = b.op(scope, 'Div', [centred, std]);
  return b.op(scope, 'Add', [b.op(scope, 'Mul', [normed, gamma]), beta]);
}

/** Conv1D of GPT-2 (a Linear with [in, out] weights): MatMul + Add. */
function conv1d(ctx: Ctx, scope: string, x: string, prefix: string, nIn: number, nOut: number): string {
  const w = weight(ctx, `${prefix}.weight`, [nIn, nOut]);
  const bias = weight(ctx, `${prefix}.bias`, [nOut]);
  return ctx.b.op(scope, 'Add', [ctx.b.op(scope, 'MatMul', [x, w]), bias]);
}

/** [1, S, d] → [1, heads, S, d/heads] (perm [0, 2, 1, 3], or [0, 2, 3, 1] for the transposed key). */
function splitHeads(ctx: Ctx, scope: string, x: string, perm: number[]): string {
  const { heads, dModel } = ctx.cfg;
  const shape = ctx.b.op(scope, 'Concat', [dimOf(ctx, scope, x, 0), dimOf(ctx, scope, x, 1), i64(ctx, [heads]), i64(ctx, [dModel / heads])], { axis: 0 });
  return ctx.b.op(scope, 'Transpose', [ctx.b.op(scope, 'Reshape', [x, shape])], { perm });
}

/** bias[:, :, k - q : k, :k] applied with Where(mask, scores, finfo.min). */
function causalMask(ctx: Ctx, scope: string, scores: string, mask: string): string {
  const { b } = ctx;
  const q = dimOf(ctx, scope, scores, 2);
  const k = dimOf(ctx, scope, scores, 3);
  const rows = b.op(scope, 'Slice', [mask, b.op(scope, 'Sub', [k, q]), k, i64(ctx, [2]), i64(ctx, [1])]);
  const sliced = b.op(scope, 'Slice', [rows, i64(ctx, [0]), k, i64(ctx, [3]), i64(ctx, [1])]);
  return b.op(scope, 'Where', [sliced, scores, f32(ctx, MASK_VALUE)]);
}

function attention(ctx: Ctx, l: number, x: string, mask: string): string {
  const { b, cfg } = ctx;
  const scope = `/transformer/h.${l}/attn`;
  const qkv = conv1d(ctx, `${scope}/c_attn`, x, `transformer.h.${l}.attn.c_attn`, cfg.dModel, 3 * cfg.dModel);
  const [q, k, v] = b.node(scope, 'Split', [qkv, i64(ctx, [cfg.dModel, cfg.dModel, cfg.dModel])], { axis: 2 }, 3);
  const qh = splitHeads(ctx, scope, q, [0, 2, 1, 3]);
  const kt = b.op(scope, 'Transpose', [splitHeads(ctx, scope, k, [0, 2, 1, 3])], { perm: [0, 1, 3, 2] });
  const vh = splitHeads(ctx, scope, v, [0, 2, 1, 3]);
  const scores = b.op(scope, 'Div', [b.op(scope, 'MatMul', [qh, kt]), f32(ctx, Math.sqrt(cfg.dModel / cfg.heads))]);
  const probs = b.op(scope, 'Softmax', [causalMask(ctx, scope, scores, mask)], { axis: -1 });
  const merged = b.op(scope, 'Transpose', [b.op(scope, 'MatMul', [probs, vh])], { perm: [0, 2, 1, 3] });
  const shape = b.op(scope, 'Concat', [dimOf(ctx, scope, merged, 0), dimOf(ctx, scope, merged, 1), i64(ctx, [cfg.dModel])], { axis: 0 });
  const flat = b.op(scope, 'Reshape', [merged, shape]);
  return conv1d(ctx, `${scope}/c_proj`, flat, `transformer.h.${l}.attn.c_proj`, cfg.dModel, cfg.dModel);
}

/** GPT-2's NewGELU: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), decomposed. */
function geluTanh(ctx: Ctx, scope: string, x: string): string {
  const { b } = ctx;
  const cube = b.op(scope, 'Pow', [x, f32(ctx, 3)]);
  const inner = b.op(scope, 'Add', [x, b.op(scope, 'Mul', [f32(ctx, 0.044715), cube])]);
  const t = b.op(scope, 'Tanh', [b.op(scope, 'Mul', [f32(ctx, Math.sqrt(2 / Math.PI)), inner])]);
  const half = b.op(scope, 'Mul', [f32(ctx, 0.5), x]);
  return b.op(scope, 'Mul', [half, b.op(scope, 'Add', [f32(ctx, 1), t])]);
}

function block(ctx: Ctx, l: number, x: string, mask: string): string {
  const { b, cfg } = ctx;
  const scope = `/transformer/h.${l}`;
  const attn = attention(ctx, l, layerNorm(ctx, `${scope}/ln_1`, x, `transformer.h.${l}.ln_1`), mask);
  const h = b.op(scope, 'Add', [attn, x]);
  const fc = conv1d(ctx, `${scope}/mlp/c_fc`, layerNorm(ctx, `${scope}/ln_2`, h, `transformer.h.${l}.ln_2`), `transformer.h.${l}.mlp.c_fc`, cfg.dModel, 4 * cfg.dModel);
  const proj = conv1d(ctx, `${scope}/mlp/c_proj`, geluTanh(ctx, `${scope}/mlp/act`, fc), `transformer.h.${l}.mlp.c_proj`, 4 * cfg.dModel, cfg.dModel);
  return b.op(scope, 'Add', [h, proj]);
}

/** The lower-triangular bool buffer `bias` [1, 1, context, context] of GPT2Attention. */
function maskBuffer(ctx: Ctx): string {
  const n = ctx.cfg.context;
  const data = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) data.fill(1, i * n, i * n + i + 1);
  return ctx.b.initializer('transformer.h.0.attn.bias', [1, 1, n, n], data, true);
}

/** Token + position embeddings: Gather(wte, ids) + Gather(wpe, Unsqueeze(Range(0, S))). */
function embeddings(ctx: Ctx, wte: string): string {
  const { b, cfg } = ctx;
  const scope = '/transformer';
  const wpe = weight(ctx, 'transformer.wpe.weight', [cfg.context, cfg.dModel], 0.01);
  const seq = b.op(scope, 'Gather', [b.op(scope, 'Shape', ['input_ids']), i64(ctx, [1], true)], { axis: 0 });
  const positions = b.op(scope, 'Unsqueeze', [b.op(scope, 'Range', [i64(ctx, [0], true), seq, i64(ctx, [1], true)]), i64(ctx, [0])]);
  const tok = b.op(`${scope}/wte`, 'Gather', [wte, 'input_ids']);
  const pos = b.op(`${scope}/wpe`, 'Gather', [wpe, positions]);
  return b.op(scope, 'Add', [tok, pos]);
}

/** Builds the model's bytes and reports its parameter count. */
export function buildGpt2(cfg: Gpt2Config): { bytes: Uint8Array; parameters: number } {
  if (cfg.dModel % cfg.heads !== 0) throw new Error(`--d-model ${cfg.dModel} is not a multiple of --heads ${cfg.heads}`);
  const ctx: Ctx = { b: new OnnxGraphBuilder(), rng: new SeededRandom(cfg.seed), cfg };
  const wte = weight(ctx, 'transformer.wte.weight', [cfg.vocab, cfg.dModel]);
  const mask = maskBuffer(ctx);
  let h = embeddings(ctx, wte);
  for (let l = 0; l < cfg.layers; l++) h = block(ctx, l, h, mask);
  const final = layerNorm(ctx, '/transformer/ln_f', h, 'transformer.ln_f');
  const head = ctx.b.op('/lm_head', 'Transpose', [wte], { perm: [1, 0] });
  ctx.b.node('/lm_head', 'MatMul', [final, head]);
  const logits = '/lm_head/MatMul_output_0';
  const sequence = cfg.sequence ?? 'sequence';
  const inputs = [{ name: 'input_ids', elemType: ONNX_INT64, dims: [1, sequence] }];
  const outputs = [{ name: logits, elemType: ONNX_FLOAT, dims: [1, sequence, cfg.vocab] }];
  return { bytes: ctx.b.encode('main_graph', inputs, outputs, OPSET), parameters: ctx.b.parameters };
}

/** GPT-2's parameter count for a config (embeddings, per-layer weights, final LayerNorm). */
export function gpt2Parameters(cfg: Gpt2Config): number {
  const d = cfg.dModel;
  const perLayer = 4 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d);
  return cfg.vocab * d + cfg.context * d + cfg.layers * perLayer + 2 * d;
}
