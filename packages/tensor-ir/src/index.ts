export * from './model';
export * from './errors';
export * from './cli';
export * from './atomic-write';
