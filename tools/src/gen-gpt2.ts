#!/usr/bin/env node
/**
 * Writes a GPT-2-shaped ONNX model with seeded random weights, without Python:
 *
 *   node tools/dist/gen-gpt2.js --out FILE [--layers 12 --d-model 768 --heads 12 --vocab 50257
 *                                          --context 1024 --seed 1 --sequence N]
 *
 * The defaults are GPT-2 small (~124M parameters, ~500 MB). Input `input_ids`: int64 [1, sequence]
 * with a symbolic `sequence` dim (or N with --sequence); output: the logits [1, sequence, vocab].
 */
import * as fs from 'fs';
import { GPT2_SMALL, Gpt2Config, buildGpt2 } from './gpt2/model';

export { GPT2_SMALL, buildGpt2, gpt2Parameters } from './gpt2/model';
export type { Gpt2Config } from './gpt2/model';

const FLAGS: Record<string, keyof Gpt2Config> = {
  '--layers': 'layers', '--d-model': 'dModel', '--heads': 'heads', '--vocab': 'vocab', '--context': 'context', '--seed': 'seed', '--sequence': 'sequence',
};

const USAGE = 'usage: gen-gpt2 --out FILE [--layers N --d-model N --heads N --vocab N --context N --seed N --sequence N]';

/** Parses the command line; throws a one-line message on bad flags. */
export function parseArgs(argv: string[]): { out: string; config: Gpt2Config } {
  const config = { ...GPT2_SMALL };
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--out') out = value;
    else if (FLAGS[flag]) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (flag === '--seed' ? 0 : 1)) throw new Error(`${flag} must be a positive integer, got '${value}'`);
      config[FLAGS[flag]] = n;
    } else throw new Error(`unknown flag '${flag}'`);
  }
  if (!out) throw new Error('--out FILE is required');
  if (config.sequence !== undefined && config.sequence > config.context) throw new Error(`--sequence ${config.sequence} is longer than --context ${config.context}`);
  return { out, config };
}

function main(): void {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
    const { bytes, parameters } = buildGpt2(args.config);
    fs.writeFileSync(args.out, bytes);
    process.stdout.write(`${args.out}: ${(parameters / 1e6).toFixed(1)}M parameters, ${(bytes.length / 1e6).toFixed(1)} MB\n`);
  } catch (e) {
    process.stderr.write(`gen-gpt2: ${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
