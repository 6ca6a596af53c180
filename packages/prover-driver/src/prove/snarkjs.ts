import * as fs from 'fs';
import * as path from 'path';

/** The parts of snarkjs 0.7 (CommonJS build) the driver uses, typed. */
export interface Groth16Proof {
  pi_a: string[];
  pi_b: string[][];
  pi_c: string[];
  protocol: string;
  curve: string;
}

export type VerificationKey = Record<string, unknown> & { protocol: string; nPublic: number };

interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

interface SnarkJs {
  zKey: {
    newZKey(r1cs: string, ptau: string, zkey: string, logger?: Logger): Promise<unknown>;
    contribute(oldZkey: string, newZkey: string, name: string, entropy: string, logger?: Logger): Promise<unknown>;
    exportVerificationKey(zkey: string, logger?: Logger): Promise<VerificationKey>;
    exportSolidityVerifier(zkey: string, templates: Record<string, string>, logger?: Logger): Promise<string>;
  };
  groth16: {
    prove(zkey: string, wtns: string, logger?: Logger): Promise<{ proof: Groth16Proof; publicSignals: string[] }>;
    verify(vkey: unknown, publicSignals: unknown, proof: unknown, logger?: Logger): Promise<boolean>;
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const snarkjs = require('snarkjs') as SnarkJs;

/** A logger that keeps snarkjs's messages (errors included) so failures can report them. */
export function collectingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const keep = (m: string) => { messages.push(m); };
  return { messages, debug: () => undefined, info: () => undefined, warn: keep, error: keep };
}

/** snarkjs's Groth16 Solidity template, resolved from the installed package. */
export function groth16Template(): string {
  // The package's "exports" hide templates/, so go there from its main file (build/main.cjs).
  const root = path.dirname(path.dirname(require.resolve('snarkjs')));
  return fs.readFileSync(path.join(root, 'templates', 'verifier_groth16.sol.ejs'), 'utf8');
}

/** snarkjs keeps BN254 worker threads alive in a global; release them or the process never exits. */
export async function releaseSnarkjs(): Promise<void> {
  const g = globalThis as { curve_bn128?: { terminate(): Promise<void> } | null };
  await g.curve_bn128?.terminate();
}
