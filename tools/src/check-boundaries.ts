#!/usr/bin/env node
/**
 * Checks the package boundaries of the monorepo with ts-morph: a stage package may import another
 * workspace package only through its public index, and only the libraries (tensor-ir,
 * zk-accelerator-components) at that; relative imports never leave their package.
 */
import * as path from 'path';
import { Project, SourceFile, SyntaxKind } from 'ts-morph';

export const SCOPE = '@onnx-zk/';

/** Which workspace packages each package may import (by folder name). '*' = any public index. */
export const ALLOWED_IMPORTS: Record<string, string[] | '*'> = {
  'tensor-ir': [],
  'zk-accelerator-components': ['tensor-ir'],
  'onnx-frontend': ['tensor-ir'],
  'fixedpoint-lowering': ['tensor-ir'],
  'llvm-emitter': ['tensor-ir', 'zk-accelerator-components'],
  'prover-driver': ['tensor-ir', 'zk-accelerator-components'],
  'onnx-zk': '*',
};

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

/** Every module specifier a file uses: imports, re-exports, require() and import() with literals. */
export function moduleSpecifiers(file: SourceFile): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const decl of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
    const spec = decl.getModuleSpecifierValue();
    if (spec !== undefined) found.push({ specifier: spec, line: decl.getStartLineNumber() });
  }
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression().getText();
    const [arg] = call.getArguments();
    if ((callee === 'require' || callee === 'import') && arg?.getKind() === SyntaxKind.StringLiteral) {
      found.push({ specifier: arg.getText().slice(1, -1), line: call.getStartLineNumber() });
    }
  }
  return found;
}

/** The violations of one file that belongs to package `pkg` whose folder is `pkgDir`. */
export function checkFile(file: SourceFile, pkg: string, pkgDir: string): Violation[] {
  const allowed = ALLOWED_IMPORTS[pkg] ?? [];
  const violations: Violation[] = [];
  const filePath = file.getFilePath();
  for (const { specifier, line } of moduleSpecifiers(file)) {
    const at = { file: filePath, line, specifier };
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(filePath), specifier);
      if (!target.startsWith(pkgDir + path.sep) && target !== pkgDir) {
        violations.push({ ...at, reason: 'relative import leaves the package' });
      }
      continue;
    }
    if (!specifier.startsWith(SCOPE) && !specifier.startsWith('onnx-zk')) continue;
    const [target, ...deep] = specifier.replace(SCOPE, '').split('/');
    if (deep.length > 0) violations.push({ ...at, reason: `imports internals of ${target}; use its public index '${SCOPE}${target}'` });
    else if (target === pkg) continue; // tests may use their own package's public index
    else if (allowed !== '*' && !allowed.includes(target)) {
      violations.push({ ...at, reason: `${pkg} may import only ${allowed.length ? allowed.join(', ') : 'no workspace package'}` });
    }
  }
  return violations;
}

export function checkRepository(root: string): Violation[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const violations: Violation[] = [];
  for (const pkg of Object.keys(ALLOWED_IMPORTS)) {
    const pkgDir = path.join(root, 'packages', pkg);
    const files = project.addSourceFilesAtPaths([`${pkgDir}/src/**/*.ts`, `${pkgDir}/test/**/*.ts`]);
    for (const file of files) violations.push(...checkFile(file, pkg, pkgDir));
  }
  return violations;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const violations = checkRepository(root);
  for (const v of violations) {
    process.stderr.write(`${path.relative(root, v.file)}:${v.line}: '${v.specifier}': ${v.reason}\n`);
  }
  if (violations.length > 0) {
    process.stderr.write(`check-boundaries: ${violations.length} violation(s)\n`);
    process.exit(1);
  }
  process.stdout.write('check-boundaries: every package imports only public indices it may use\n');
}
