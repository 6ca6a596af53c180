import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';

/** The parts of solc-js 0.8 the on-chain check uses. */
interface SolcJs {
  version(): string;
  compile(standardJsonInput: string): string;
}

interface SolcMessage {
  severity: 'error' | 'warning' | 'info';
  formattedMessage?: string;
  message: string;
}

interface SolcContract {
  evm: { bytecode: { object: string }; methodIdentifiers: Record<string, string> };
}

interface SolcOutput {
  errors?: SolcMessage[];
  contracts?: Record<string, Record<string, SolcContract>>;
}

/** A compiled Groth16 verifier: creation code and how to call its verifyProof. */
export interface CompiledVerifier {
  contract: string;
  /** snarkjs's Groth16 verifier, or groth16-cr's (verifyProof takes the commitment C1 too). */
  protocol: 'groth16' | 'groth16-cr';
  /** Creation bytecode (deploy transaction data), hex without 0x. */
  bytecode: string;
  /** The 4-byte selector of verifyProof, hex without 0x. */
  selector: string;
  /** The length N of verifyProof's uint[N] public-signal argument. */
  publicSignals: number;
  /** e.g. 0.8.30+commit.73712a01 */
  solcVersion: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const solc = require('solc') as SolcJs;

/** The optimizer settings a deployer would use (solc's default 200 runs). */
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { '*': { '*': ['evm.bytecode.object', 'evm.methodIdentifiers'] } },
};

/**
 * Compiles a Groth16 verifier (Verifier.sol: snarkjs's, or groth16-cr's from cr/solidity.ts) with
 * solc-js through its standard JSON interface, optimizer on. `file` names the source in errors.
 */
export function compileVerifier(source: string, file: string): CompiledVerifier {
  const input = { language: 'Solidity', sources: { 'Verifier.sol': { content: source } }, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) raise(Errors.VERIFIER_COMPILE, { file }, firstLine(errors[0]));
  for (const [contract, compiled] of Object.entries(output.contracts?.['Verifier.sol'] ?? {})) {
    const signature = Object.keys(compiled.evm.methodIdentifiers).find((s) => s.startsWith('verifyProof('));
    const n = signature?.match(/^verifyProof\(uint256\[2\],uint256\[2\]\[2\],uint256\[2\],(uint256\[2\],)?uint256\[(\d+)\]\)$/);
    if (!signature || !n) continue;
    return {
      contract,
      protocol: n[1] ? 'groth16-cr' : 'groth16',
      bytecode: compiled.evm.bytecode.object,
      selector: compiled.evm.methodIdentifiers[signature],
      publicSignals: Number(n[2]),
      solcVersion: solc.version().replace(/\.Emscripten.*$/, ''),
    };
  }
  return raise(Errors.VERIFIER_NO_FUNCTION, { file }, 'expected verifyProof(uint[2], uint[2][2], uint[2], uint[N]) or, for groth16-cr, verifyProof(uint[2], uint[2][2], uint[2], uint[2], uint[N])');
}

function firstLine(e: SolcMessage): string {
  return (e.formattedMessage ?? e.message).split('\n').filter((l) => l.trim()).slice(0, 2).join(' ');
}
