export * from './exp-approx';
export * from './gelu-approx';
export * from './sigmoid-approx';
export * from './softmax-approx';
export * from './tables';
