import type { ErrorDef } from '@onnx-zk/tensor-ir';

/** User errors of the gadget library and the select stage (prefix ZK). */
export const Errors = {
  NO_GADGET: {
    code: 'ZK001',
    message: 'no gadget implements this op',
    hint: 'see `onnx-zk-acc gadgets` for the supported ops',
  },
  MISSING_BOUNDS: {
    code: 'ZK002',
    message: 'value has no fixed-point bounds',
    hint: 'run onnx-zk-fxp so that every value carries FixedInfo',
  },
  BAD_ATTRIBUTE: { code: 'ZK003', message: 'attribute missing or not an int' },
  NOT_CONSTANT: {
    code: 'ZK004',
    message: 'gadget parameter needs an int64 constant',
  },
  UNKNOWN_STRATEGY: { code: 'ZK005', message: 'unknown strategy for gadget' },
  INPUT_OUT_OF_RANGE: {
    code: 'ZK006',
    message: 'input value outside the declared input range',
    hint: 'scale the input into the range given to onnx-zk-fxp (--input-range)',
  },
  OUT_OF_BOUNDS: {
    code: 'ZK007',
    message: 'value outside its proven bounds',
    hint: 'the fixed-point range analysis is unsound for this input; please report it',
  },
  TOO_WIDE: {
    code: 'ZK008',
    message: 'bounds too wide for a sound decomposition in the BN254 field',
    hint: 'lower the fixed-point precision or the input range',
  },
  BAD_STAGE: { code: 'ZK009', message: 'expected a fixed-point graph (stage fixed)' },
  NOT_POSITIVE: {
    code: 'ZK010',
    message: 'divisor or square-root argument may be below 1',
    hint: 'Reciprocal and Rsqrt need proven bounds lo >= 1; LayerNormalization needs eps >= 1',
  },
  EXP_POSITIVE: {
    code: 'ZK020',
    message: 'Exp input may be positive',
    hint: 'the exp gadget covers x <= 0 (softmax subtracts the row max first); its proven bounds need hi <= 0',
  },
  OVER_BUDGET: {
    code: 'ZK021',
    message: 'no strategy meets the error budget',
    hint: 'raise --error-budget or the fractional bits (--frac-bits)',
  },
  BAD_FRAC: { code: 'ZK022', message: 'fractional bits outside what the gadget supports' },
  BAD_BACKEND: {
    code: 'ZK023',
    message: 'unknown proving backend or limb width',
    hint: '--backend is auto, groth16 or groth16-cr; --limb-bits (groth16-cr) is 1 to 20',
  },
  NEEDS_CHALLENGE: {
    code: 'ZK024',
    message: 'strategy needs the groth16-cr backend (a challenge)',
    hint: 'select with --backend groth16-cr, or leave the strategy unset (groth16-cr picks it when it is cheaper)',
  },
} satisfies Record<string, ErrorDef>;
