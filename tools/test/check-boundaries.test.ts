import * as path from 'path';
import { Project } from 'ts-morph';
import { checkFile, checkRepository } from '../src/check-boundaries';

const ROOT = '/repo/packages';

function violationsOf(pkg: string, code: string) {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(`${ROOT}/${pkg}/src/a.ts`, code);
  return checkFile(file, pkg, `${ROOT}/${pkg}`).map((v) => v.reason);
}

describe('check-boundaries', () => {
  it('accepts public-index imports of the libraries', () => {
    expect(violationsOf('prover-driver', `import { gadgets } from '@onnx-zk/zk-accelerator-components';\nimport { Graph } from '@onnx-zk/tensor-ir';`)).toEqual([]);
  });

  it('rejects deep imports into another package', () => {
    expect(violationsOf('llvm-emitter', `import { x } from '@onnx-zk/tensor-ir/src/model';`)).toEqual([
      "imports internals of tensor-ir; use its public index '@onnx-zk/tensor-ir'",
    ]);
  });

  it('rejects a stage importing another stage, also through require and re-exports', () => {
    const reasons = violationsOf('prover-driver', `const f = require('@onnx-zk/onnx-frontend');\nexport * from '@onnx-zk/llvm-emitter';`);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/prover-driver may import only tensor-ir, zk-accelerator-components/);
  });

  it('rejects relative imports that leave the package', () => {
    expect(violationsOf('onnx-frontend', `import { x } from '../../tensor-ir/src/model';`)).toEqual(['relative import leaves the package']);
    expect(violationsOf('onnx-frontend', `import { x } from './errors';`)).toEqual([]);
  });

  it("lets a package's tests use its own public index, but not its internals by name", () => {
    expect(violationsOf('tensor-ir', `import { verifyGraph } from '@onnx-zk/tensor-ir';`)).toEqual([]);
    expect(violationsOf('tensor-ir', `import { x } from '@onnx-zk/tensor-ir/src/model';`)).toHaveLength(1);
  });

  it('lets the umbrella import every public index but no internals', () => {
    expect(violationsOf('onnx-zk', `import { runFrontend } from '@onnx-zk/onnx-frontend';`)).toEqual([]);
    expect(violationsOf('onnx-zk', `import { x } from '@onnx-zk/onnx-frontend/dist/run';`)).toHaveLength(1);
  });

  it('finds no violation in this repository', () => {
    const found = checkRepository(path.resolve(__dirname, '..', '..'));
    expect(found.map((v) => `${v.file}:${v.line} ${v.specifier}`)).toEqual([]);
  });
});
