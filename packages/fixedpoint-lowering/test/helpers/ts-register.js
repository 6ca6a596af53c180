// Lets `node -r ./ts-register.js src/cli.ts` run the CLI from its TypeScript sources in tests:
// .ts files are transpiled on load and `@onnx-zk/<pkg>` resolves to packages/<pkg>/src/index.ts,
// as in jest, so the CLI tests never depend on a stale build. Transpiled files are cached in the
// temp folder by path, size and mtime, so later runs skip loading the compiler.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const packages = path.resolve(__dirname, '../../..');
const cacheDir = path.join(os.tmpdir(), 'onnx-zk-ts-register');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@onnx-zk\/([a-z-]+)$/.exec(request);
  return resolve.call(this, m ? path.join(packages, m[1], 'src/index.ts') : request, ...rest);
};

function transpile(filename) {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${filename}:${stat.size}:${stat.mtimeMs}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  const ts = require('typescript');
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, outputText);
  fs.renameSync(tmp, cached);
  return outputText;
}

require.extensions['.ts'] = (module, filename) => module._compile(transpile(filename), filename);
