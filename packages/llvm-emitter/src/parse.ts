import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import llvm from './bindings';
import { Errors, internalError } from './errors';

/**
 * Parses LLVM IR text into a module of `ctx`. llvm-bindings only parses files (parseIRFile) and,
 * on a parse error, returns a null module that crashes the process when used, without the
 * message. So the text is first checked by llvm-as-14 (shipped with llvm-14, which llvm-bindings
 * requires) to turn a bug in the emitter into an internal error with LLVM's own message.
 */
export function parseModuleText(ctx: llvm.LLVMContext, text: string, moduleName: string): llvm.Module {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onnx-zk-llvm-'));
  try {
    const file = path.join(dir, 'module.ll');
    fs.writeFileSync(file, text);
    checkParses(file);
    const module = llvm.parseIRFile(file, new llvm.SMDiagnostic(), ctx);
    module.setModuleIdentifier(moduleName);
    module.setSourceFileName(moduleName);
    return module;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function checkParses(file: string): void {
  const res = spawnSync('llvm-as-14', [file, '-o', os.devNull], { encoding: 'utf8' });
  if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT') return;
  if (res.status !== 0) throw internalError(Errors.INVALID_MODULE, `${res.stderr || res.error?.message}`.trim());
}

/** Runs LLVM's verifier (its findings go to stderr) and fails with an internal error if broken. */
export function verifyOrThrow(module: llvm.Module): void {
  if (llvm.verifyModule(module)) throw internalError(Errors.INVALID_MODULE, 'the verifier found problems (printed above)');
}

/** The module as bitcode bytes (llvm-bindings writes bitcode only to a file). */
export function bitcodeOf(module: llvm.Module): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onnx-zk-llvm-'));
  try {
    const file = path.join(dir, 'module.bc');
    llvm.WriteBitcodeToFile(module, file);
    return new Uint8Array(fs.readFileSync(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
