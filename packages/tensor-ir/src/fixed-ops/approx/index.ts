export * from './exp-approx';
export * from './gelu-approx';
export * from './softmax-approx';
export * from './tables';
