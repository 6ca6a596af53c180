import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import yargs from 'yargs';
import { OnnxZkError, UsageError, reportError, writeTir, yargsFail } from '@onnx-zk/tensor-ir';
import { floatMlp } from './helpers/graphs';

/** The two lines every stage CLI prints for a usage error. */
const usage = (cli: string, problem: string) => `${cli}: ${problem}\nRun '${cli} --help' for usage.`;

/** Calls the handler and returns what it threw (it always throws). */
function thrownBy(f: () => never): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('yargsFail returned instead of throwing');
}

/** What reportError prints for an error, and the exit code it picks. */
function report(e: unknown): { code: number; stderr: string } {
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  try {
    return { code: reportError(e), stderr };
  } finally {
    spy.mockRestore();
  }
}

class YError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YError';
  }
}

describe('yargsFail', () => {
  const fail = yargsFail('demo');

  it('turns a yargs message into a UsageError naming the CLI, reported as exit 2 on two lines', () => {
    const e = thrownBy(() => fail('Unknown argument: bogus', undefined));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(usage('demo', 'Unknown argument: bogus'));
    expect(report(e)).toEqual({ code: 2, stderr: `${usage('demo', 'Unknown argument: bogus')}\n` });
  });

  it('treats a YError, or a UsageError thrown by a .check, as a usage problem', () => {
    expect((thrownBy(() => fail(null, new YError('Not enough arguments following: o'))) as Error).message)
      .toBe(usage('demo', 'Not enough arguments following: o'));
    const e = thrownBy(() => fail(null, new UsageError("unknown gadget 'nope'")));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(usage('demo', "unknown gadget 'nope'"));
  });

  it("puts yargs' multi-line messages on the one problem line", () => {
    const msg = 'Invalid values:\n  Argument: target, Given: "speed", Choices: "size", "accuracy"';
    expect((thrownBy(() => fail(msg, undefined)) as Error).message)
      .toBe(usage('demo', 'Invalid values: Argument: target, Given: "speed", Choices: "size", "accuracy"'));
  });

  it("passes a command's own errors through untouched", () => {
    const bug = new TypeError('x is undefined');
    expect(thrownBy(() => fail(null, bug))).toBe(bug);
    const coded = new OnnxZkError({ code: 'IR006', message: 'cannot read file' }, { file: 'm.tir' }, 'no such file');
    expect(thrownBy(() => fail(null, coded))).toBe(coded);
    expect(report(coded).code).toBe(1);
  });

  it('rethrows an error it already worded unchanged when yargs hands it back', () => {
    const first = thrownBy(() => fail('give --input-range', undefined));
    expect(thrownBy(() => fail('give --input-range', first as Error))).toBe(first);
  });
});

describe('yargsFail in a yargs parser', () => {
  // parseAsync throws synchronously when validation fails before any command runs, as runCli's main may.
  const parse = async (argv: string[]) => yargs(argv)
    .scriptName('demo')
    .command('go <file>', 'go', (y) => y
      .positional('file', { type: 'string', demandOption: true })
      .option('out', { type: 'string', demandOption: true, requiresArg: true })
      .check((a) => a.out !== 'bad' || 'out must not be bad'),
    async (a) => {
      if (a.file === 'boom') throw new RangeError('a bug in the command');
    })
    .demandCommand(1, 'give a command')
    .strict()
    .exitProcess(false)
    .fail(yargsFail('demo'))
    .parseAsync();

  it.each([
    [['go', 'f', '--out', 'o', '--bogus'], 'Unknown argument: bogus'],
    [['go', 'f', '--out'], 'Not enough arguments following: out'],
    [['go', 'f'], 'Missing required argument: out'],
    [['go', 'f', '--out', 'bad'], 'out must not be bad'],
    [[], 'give a command'],
  ])('%j is a usage error', async (argv, problem) => {
    const e = await parse(argv).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(usage('demo', problem));
  });

  it('lets an error thrown by the command reach the caller as it was thrown', async () => {
    await expect(parse(['go', 'boom', '--out', 'o'])).rejects.toThrow(RangeError);
    await expect(parse(['go', 'fine', '--out', 'o'])).resolves.toBeDefined();
  });
});

// The built CLI, as a user runs it (nx builds before testing; `npm run build` when running jest by hand).
describe('onnx-zk-ir usage errors', () => {
  const CLI = path.join(__dirname, '../dist/cli.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tir-usage-'));
  const model = path.join(dir, 'model.tir');
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' in packages/tensor-ir first`);
    writeTir(model, { producer: 'onnx-zk-frontend', graph: floatMlp() });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unknown option', ['opt', model, '-o', 'out.tir', '--frobnicate'], 'Unknown argument: frobnicate'],
    ['-o without its value', ['opt', model, '-o'], 'Not enough arguments following: o'],
    ['--passes without its value', ['opt', model, '-o', 'out.tir', '--passes'], 'Not enough arguments following: passes'],
    ['a missing required option', ['run', model], 'Missing required argument: input'],
  ])('%s: exit 2, one usage line naming the CLI, no stack, no output', (_what, args, problem) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: '', stderr: `${usage('onnx-zk-ir', problem)}\n` });
    expect(fs.readdirSync(dir)).toEqual(['model.tir']);
  });
});
