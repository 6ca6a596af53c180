'use strict';
/** The SVG plots of the benchmark: constraints per element by size, and error against cost. */
const fs = require('fs');
const path = require('path');
const { chart } = require('./svg-chart');

function groupBy(rows, key) {
  const m = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!m.has(k)) m.set(k, []);
    m.get(k).push(r);
  }
  return m;
}

/** One chart per family: our designs and, dashed, the circomlib-ml design. */
function perElementCharts(rows) {
  const charts = [];
  for (const [family, fam] of groupBy(rows, (r) => r.family)) {
    const series = [];
    for (const [variant, rs] of groupBy(fam, (r) => r.variant)) {
      series.push({ name: variant, points: rs.map((r) => [r.size, r.constraints / r.elements]) });
      if (rs.some((r) => r.peer)) series.push({ name: `${rs[0].peer.design} (${variant.split(',').pop().trim()})`, dashed: true, points: rs.filter((r) => r.peer).map((r) => [r.size, r.peer.constraints / r.elements]) });
    }
    charts.push([`constraints-per-element-${family}.svg`, chart({ title: `${family}: constraints per output element`, xLabel: 'size', yLabel: 'constraints / element', series })]);
  }
  return charts;
}

/** Max abs error against constraints per element, one point per variant at its largest size. */
function errorChart(rows) {
  const series = [];
  for (const [variant, rs] of groupBy(rows, (r) => `${r.family} ${r.variant}`)) {
    const big = rs.reduce((a, b) => (b.size > a.size ? b : a));
    series.push({ name: variant, line: false, points: [[big.constraints / big.elements, Math.max(big.maxAbsError, 1e-12)]] });
  }
  return ['error-vs-cost.svg', chart({ title: 'Max absolute error against cost (largest size of each variant)', xLabel: 'constraints / element', yLabel: 'max abs error', series })];
}

function writePlots(dir, rows) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, svg] of [...perElementCharts(rows), errorChart(rows)]) if (svg) fs.writeFileSync(path.join(dir, name), svg);
}

module.exports = { writePlots };
