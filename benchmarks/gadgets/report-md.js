'use strict';
/** The Markdown table of results.md: one row per case, the peer beside it. */

const num = (v, digits = 0) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const sci = (v) => (v === null || v === undefined ? '–' : v === 0 ? '0' : v.toExponential(1));
const secs = (g, key) => (g.skipped ? '–' : num(g[key], 2));

function row(r) {
  const peer = r.peer ? num(r.peer.constraints) : '–';
  const ratio = r.peer && r.constraints > 0 ? `${num(r.peer.constraints / r.constraints, 1)}×` : '–';
  const exact = r.exactIntegerSemantics === null ? '–' : r.exactIntegerSemantics ? 'yes' : 'NO';
  return [
    r.family, r.variant, num(r.size), num(r.constraints), num(r.constraints / r.elements, 1), num(r.wires),
    r.costFormulaExact ? 'yes' : 'NO', exact, num(r.witnessMs, 1), secs(r.groth16, 'setupS'), secs(r.groth16, 'proveS'),
    secs(r.groth16, 'verifyS'), sci(r.maxAbsError), sci(r.meanAbsError), peer, ratio, r.load1 === undefined ? '–' : num(r.load1, 1), [r.groth16.skipped, r.peer?.unsound].filter(Boolean).join('; '),
  ];
}

const HEAD = [
  'family', 'variant', 'size', 'constraints', 'per element', 'wires', 'cost formula', 'bit-exact', 'witness ms',
  'setup s', 'prove s', 'verify s', 'max abs err', 'mean abs err', 'circomlib-ml', 'ratio', 'load', 'note',
];

function markdownReport(meta, rows) {
  const lines = [
    '# Gadget benchmark results',
    '',
    `Generated ${meta.date} by benchmarks/gadgets/bench-gadgets.js on ${meta.cpus} × ${meta.cpu}, node ${meta.node}.`,
    `Load average (1, 5, 15 min) at start ${meta.loadAverage.atStart.map((v) => v.toFixed(1)).join(', ')}, at end ${meta.loadAverage.atEnd.map((v) => v.toFixed(1)).join(', ')}: times are inflated when it exceeds the ${meta.cpus} cores.`,
    'Columns are explained in benchmarks/README.md. Groth16 uses the INSECURE development setup.',
    ...(meta.note ? [`Note: ${meta.note}.`] : []),
    '',
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${row(r).join(' | ')} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

module.exports = { markdownReport };
