'use strict';
/** float64 references: erf (series, then a continued fraction for erfc), GELU in both forms, softmax. */

function erf(x) {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Σ (−1)^n x^(2n+1) / (n! (2n+1)), to double precision for |x| < 2.5.
    let [term, sum] = [ax, ax];
    for (let n = 1; n < 120 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-ax * ax) / n;
      sum += term / (2 * n + 1);
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))) by backward evaluation.
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

const geluErf = (x) => 0.5 * x * (1 + erf(x / Math.SQRT2));
const geluTanh = (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

/** Softmax of a row; entries with live[i] false are 0 and take no part. */
function softmax(xs, live) {
  const m = Math.max(...xs.filter((_, i) => live[i]));
  const e = xs.map((x, i) => (live[i] ? Math.exp(x - m) : 0));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

module.exports = { erf, geluErf, geluTanh, softmax };
