import { Worker } from 'worker_threads';
import { assert } from '@onnx-zk/tensor-ir';
import { CallOutcome, evmWorkerMain, EvmJob } from './evm-worker';

export type { CallOutcome, TxGas } from './evm-worker';

const WORKER_SOURCE = `(${evmWorkerMain.toString()})()`;

/**
 * Deploys `bytecode` on a fresh in-process EVM (@ethereumjs/vm, mainnet rules at Prague, one
 * funded account) and calls it with `calldata`, both as ordinary signed transactions, so the gas
 * is what a chain would charge. Each check gets its own VM in its own worker thread.
 */
export async function deployAndCall(bytecode: string, calldata: string): Promise<CallOutcome> {
  const job: EvmJob = { resolveFrom: __filename, bytecode, calldata };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: job });
  try {
    const reply = await new Promise<{ outcome?: CallOutcome; failure?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`EVM worker exited with code ${code}`)));
    });
    assert(reply.outcome !== undefined, `the in-process EVM failed: ${reply.failure}`);
    return reply.outcome;
  } finally {
    await worker.terminate();
  }
}
