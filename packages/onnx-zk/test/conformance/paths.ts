import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const NODE_SUITE = path.join(REPO, 'test-data', 'onnx-node');
export const SKIPS = path.join(NODE_SUITE, 'skips.tsv');
export const CORE_LIST = path.join(NODE_SUITE, 'zkml_core_cases.txt');
export const EXTENDED_LIST = path.join(NODE_SUITE, 'zkml_extended_cases.txt');
export const FIXED_LIST = path.join(NODE_SUITE, 'zkml_fixed_cases.txt');
