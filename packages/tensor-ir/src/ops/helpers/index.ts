export * from './broadcast';
export * from './checks';
export * from './elementwise';
export * from './float';
export * from './matmul';
export * from './reshape';
