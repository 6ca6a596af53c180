import { attrInt, attrString, Graph } from '@onnx-zk/tensor-ir';
import { backendOf, BACKEND_KEY } from './backend';

export interface CostRow {
  node: string;
  op: string;
  gadget: string;
  strategy: string;
  constraints: number;
  wires: number;
}

export interface CostSummary {
  rows: CostRow[];
  total: { constraints: number; wires: number };
}

/** Reads the cost attributes of an accel graph back, per node and in total. */
export function costSummary(graph: Graph): CostSummary {
  const rows = graph.nodes.map((n) => ({
    node: n.name,
    op: n.op,
    gadget: attrString(n, 'gadget'),
    strategy: attrString(n, 'strategy'),
    constraints: attrInt(n, 'cost_constraints'),
    wires: attrInt(n, 'cost_wires'),
  }));
  // groth16-cr: the tables and the challenges, a fixed cost of the circuit (select/backend.ts).
  if (graph.metadata[BACKEND_KEY] === 'groth16-cr') {
    const plan = backendOf(graph);
    const tables = plan.functionTables?.length ? ` + ${plan.functionTables.length} function tables` : '';
    rows.push({ node: '(lookup tables)', op: '', gadget: 'range_table', strategy: `${plan.limbBits}-bit limbs${tables}`, ...plan.fixed });
  }
  const total = {
    constraints: rows.reduce((s, r) => s + r.constraints, 0),
    wires: rows.reduce((s, r) => s + r.wires, 0),
  };
  return { rows, total };
}

/** The cost table `onnx-zk-acc select` prints. */
export function formatCostTable(summary: CostSummary): string {
  const header = ['node', 'op', 'gadget', 'strategy', 'constraints', 'wires'];
  const body = summary.rows.map((r) => [r.node, r.op, r.gadget, r.strategy, String(r.constraints), String(r.wires)]);
  const total = ['total', '', '', '', String(summary.total.constraints), String(summary.total.wires)];
  const table = [header, ...body, total];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c >= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return table.map(line).join('\n') + '\n';
}
