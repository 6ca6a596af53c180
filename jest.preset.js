// Shared jest settings: ts-jest transpiles only (tsconfig.jest.json sets isolatedModules; tsc's
// build does the type check), and
// workspace packages resolve to their TypeScript sources so tests never need a stale build.
const path = require('path');
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json') }] },
  moduleNameMapper: {
    '^@onnx-zk/([a-z-]+)$': path.join(__dirname, 'packages/$1/src/index.ts'),
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120000,
  reporters: ['default', path.join(__dirname, 'tools/jest-counts-reporter.js')],
};
