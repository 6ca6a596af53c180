import type { ErrorDef } from '@onnx-zk/tensor-ir';

/** The conformance runner's user errors (prefix CF). Codes are stable: append, never renumber. */
export const ConformanceErrors = {
  BAD_SKIPS: { code: 'CF001', message: 'malformed skips file', hint: "one 'case<TAB>reason' line per skipped case" },
  BAD_LIST: { code: 'CF002', message: 'cannot read the case list', hint: 'one case directory per line, relative to the list file' },
  NO_CASES: { code: 'CF003', message: 'no conformance cases given', hint: 'pass case directories or --list FILE' },
  BAD_CASE: { code: 'CF004', message: 'not a conformance case directory', hint: 'a case holds one .onnx model and test_data_set_*/input_N.pb, output_N.pb' },
} satisfies Record<string, ErrorDef>;
