'use strict';
/** A plain-SVG chart (log or linear axes, lines or points, legend): no plotting dependency. */

const W = 820;
const H = 440;
const M = { left: 80, right: 300, top: 40, bottom: 60 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function axis(values, log) {
  const vs = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  let [lo, hi] = [Math.min(...vs), Math.max(...vs)];
  if (log) [lo, hi] = [Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi))];
  if (hi === lo) hi = lo + 1;
  const f = (v) => ((log ? Math.log10(v) : v) - lo) / (hi - lo);
  const ticks = log ? Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i)) : Array.from({ length: 6 }, (_, i) => lo + ((hi - lo) * i) / 5);
  return { f, ticks };
}

/** Series i's marker: circle, square, diamond or triangle, so coinciding points stay visible. */
function marker(i, x, y, color) {
  const [cx, cy, r] = [x.toFixed(1), y.toFixed(1), 5 - (i % 4)];
  const shape = i % 4;
  if (shape === 0) return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}"/>`;
  if (shape === 1) return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="none" stroke="${color}" stroke-width="2"/>`;
  const pts = shape === 2 ? [[0, -r - 1], [r + 1, 0], [0, r + 1], [-r - 1, 0]] : [[0, -r - 1], [r + 1, r], [-r - 1, r]];
  return `<polygon points="${pts.map(([dx, dy]) => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`;
}

const tickLabel = (v) => (v >= 1e4 || (v > 0 && v < 1e-2) ? v.toExponential(0) : String(+v.toPrecision(3)));

/** series: [{ name, points: [[x, y]], dashed?, line? }]. */
function chart({ title, xLabel, yLabel, xLog = true, yLog = true, series }) {
  const pts = series.flatMap((s) => s.points);
  if (pts.length === 0) return null;
  const [xa, ya] = [axis(pts.map((p) => p[0]), xLog), axis(pts.map((p) => p[1]), yLog)];
  const [pw, ph] = [W - M.left - M.right, H - M.top - M.bottom];
  const X = (v) => M.left + xa.f(v) * pw;
  const Y = (v) => M.top + ph - ya.f(v) * ph;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`];
  for (const t of xa.ticks) out.push(`<line x1="${X(t)}" y1="${M.top}" x2="${X(t)}" y2="${M.top + ph}" stroke="#eee"/><text x="${X(t)}" y="${M.top + ph + 16}" text-anchor="middle">${tickLabel(t)}</text>`);
  for (const t of ya.ticks) out.push(`<line x1="${M.left}" y1="${Y(t)}" x2="${M.left + pw}" y2="${Y(t)}" stroke="#eee"/><text x="${M.left - 6}" y="${Y(t) + 4}" text-anchor="end">${tickLabel(t)}</text>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 18}" text-anchor="middle">${esc(xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const ok = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!xLog || x > 0) && (!yLog || y > 0));
    if (s.line !== false && ok.length > 1) {
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${ok.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const [x, y] of ok) out.push(marker(i, X(x), Y(y), color));
    const ly = M.top + 8 + i * 18;
    if (s.line !== false) out.push(`<line x1="${W - M.right + 12}" y1="${ly}" x2="${W - M.right + 36}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(marker(i, W - M.right + 24, ly, color));
    out.push(`<text x="${W - M.right + 42}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

module.exports = { chart };
