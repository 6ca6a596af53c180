import { ErrorDef } from '@onnx-zk/tensor-ir';

/** The fixed-point lowering's error catalogue (prefix FP). Codes are stable: never renumber. */
export const Errors = {
  UNSUPPORTED_OP: {
    code: 'FP001',
    message: 'op is not supported by the fixed-point lowering',
    hint: 'docs/supported-ops.md lists the ops that lower; rewrite or remove the node',
  },
  ACTIVATION_MATMUL: {
    code: 'FP002',
    message: 'matrix product of two activations is not supported yet',
    hint: 'only products with constant weights (initializers) can be lowered for now',
  },
  NO_INPUT_RANGE: {
    code: 'FP003',
    message: 'the input range is not declared',
    hint: 'pass --input-range lo,hi or --calibration input.json',
  },
  BAD_INPUT_RANGE: {
    code: 'FP004',
    message: 'invalid input range',
    hint: 'write it as two finite numbers lo,hi with lo < hi, e.g. --input-range=-8,8',
  },
  INPUT_OUT_OF_RANGE: {
    code: 'FP005',
    message: 'input value lies outside the declared input range',
    hint: 'widen --input-range (or calibrate on data that covers this input) and lower again',
  },
  BOUND_OVERFLOW: {
    code: 'FP006',
    message: 'value bound does not fit in |v| < 2^62',
    hint: 'lower --frac-bits or narrow the input range',
  },
  BAD_FRAC_BITS: {
    code: 'FP007',
    message: 'invalid number of fractional bits',
    hint: 'use an integer from 1 to 30 (16 is the default)',
  },
  BAD_INPUT_DATA: {
    code: 'FP008',
    message: 'input data does not match the graph inputs',
    hint: 'give one flat array per graph input with as many numbers as the input has elements',
  },
  UNSUPPORTED_FORM: {
    code: 'FP009',
    message: 'this form of the op is not supported by the fixed-point lowering',
  },
  NOT_FINITE: {
    code: 'FP010',
    message: 'constant holds a value that is not a finite number',
    hint: 'check the model weights for NaN or Infinity',
  },
  REPORT_WITHOUT_DATA: {
    code: 'FP011',
    message: 'an accuracy report needs input data',
    hint: 'pass --calibration input.json together with --report',
  },
  UNKNOWN_FIXED_OP: {
    code: 'FP012',
    message: 'the integer interpreter has no rule for this op',
    hint: 'run the interpreter on a .fxp.tir written by onnx-zk-fxp',
  },
  NOT_POSITIVE: {
    code: 'FP013',
    message: 'divisor or square-root argument may be below 1',
    hint: 'Reciprocal and Rsqrt need an input proven >= 1 (one unit of its frac); add an epsilon or clip first',
  },
  EXP_POSITIVE: {
    code: 'FP020',
    message: 'Exp input may be positive',
    hint: 'the fixed Exp covers x <= 0 (as inside Softmax, after the max is subtracted)',
  },
} satisfies Record<string, ErrorDef>;
