'use strict';
/**
 * The peer design in R1CS: circomlib-ml (circom). Its Dense/MatMul spends one constraint per
 * multiply-accumulate with the weights as signals (n·k·m for an [n,k]·[k,m] product), and its
 * ReLU is Num2Bits(254) plus the sign: 517 constraints per element (measured with circom).
 * Softmax and GELU have no R1CS design there, so they have no peer row.
 */
const RELU_PER_ELEMENT = 517;

const circomlibMl = {
  dense: (n, k, m) => ({ design: 'circomlib-ml Dense', constraints: n * k * m }),
  denseRelu: (n, k, m) => ({ design: 'circomlib-ml Dense + ReLU', constraints: n * k * m + RELU_PER_ELEMENT * n * m }),
};

module.exports = { circomlibMl, RELU_PER_ELEMENT };
