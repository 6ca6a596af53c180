/**
 * The body of the EVM worker thread. @ethereumjs 10 depends on ESM-only packages (@noble/curves),
 * which Node 20 loads through require(esm) but jest's module system cannot, so the EVM runs in
 * a worker thread with Node's own require. The body is sent as `(${evmWorkerMain})()` with
 * `eval: true`: it must stay self-contained (no imports, no module-scope references).
 */
export interface EvmJob {
  /** A file whose node_modules resolution finds @ethereumjs (this module's own path). */
  resolveFrom: string;
  bytecode: string;
  calldata: string;
}

/** Gas of one transaction: what the sender pays for, and what the EVM spent executing it. */
export interface TxGas {
  /** Gas used by the transaction (21,000 base + calldata + execution). */
  transaction: number;
  /** Gas spent by the EVM executing the code (the call's own work, without the base costs). */
  execution: number;
}

export interface CallOutcome {
  deploy: TxGas;
  call: TxGas;
  /** The call's return data, hex without 0x ('' when it reverted). */
  returnData: string;
  /** Why the deployment or the call failed (an EVM exception such as `revert`). */
  error?: { phase: 'deploy' | 'call'; message: string };
}

export function evmWorkerMain(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require('worker_threads') as typeof import('worker_threads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createRequire } = require('module') as typeof import('module');
  const job = workerData as EvmJob;
  const load = createRequire(job.resolveFrom);
  const { Common, Hardfork, Mainnet } = load('@ethereumjs/common') as typeof import('@ethereumjs/common');
  const { createLegacyTx } = load('@ethereumjs/tx') as typeof import('@ethereumjs/tx');
  const { createAccount, createAddressFromPrivateKey, hexToBytes } = load('@ethereumjs/util') as typeof import('@ethereumjs/util');
  const { createVM, runTx } = load('@ethereumjs/vm') as typeof import('@ethereumjs/vm');
  type Address = import('@ethereumjs/util').Address;

  // A throwaway key for the one account of a fresh in-process chain; it holds no real funds.
  const key = hexToBytes(`0x${'11'.repeat(32)}`);
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague });

  async function run(): Promise<CallOutcome> {
    const vm = await createVM({ common });
    await vm.stateManager.putAccount(createAddressFromPrivateKey(key), createAccount({ nonce: 0n, balance: 10n ** 24n }));
    const send = async (nonce: bigint, to: Address | undefined, data: string) => {
      const tx = createLegacyTx({ nonce, gasLimit: 30_000_000n, gasPrice: 10n ** 10n, to, data: hexToBytes(`0x${data}`) }, { common }).sign(key);
      const r = await runTx(vm, { tx, skipBlockGasLimitValidation: true });
      const gas = { transaction: Number(r.totalGasSpent), execution: Number(r.execResult.executionGasUsed) };
      return { gas, created: r.createdAddress, returnData: Buffer.from(r.execResult.returnValue).toString('hex'), error: r.execResult.exceptionError?.error };
    };
    const deployed = await send(0n, undefined, job.bytecode);
    if (deployed.error || !deployed.created) {
      return { deploy: deployed.gas, call: { transaction: 0, execution: 0 }, returnData: '', error: { phase: 'deploy', message: deployed.error ?? 'no contract created' } };
    }
    const called = await send(1n, deployed.created, job.calldata);
    const error = called.error ? { phase: 'call' as const, message: called.error } : undefined;
    return { deploy: deployed.gas, call: called.gas, returnData: called.error ? '' : called.returnData, error };
  }

  run().then(
    (outcome) => parentPort!.postMessage({ outcome }),
    (e: Error) => parentPort!.postMessage({ failure: String(e?.stack ?? e) }),
  );
}
