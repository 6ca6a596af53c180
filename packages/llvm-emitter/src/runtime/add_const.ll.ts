import { add } from './add.ll';

/**
 * zk.add_const(a, b, y, n, shift_a, shift_b): the add gadget with b a constant global. Natively a
 * constant buffer reads like any other, so the body is add's (the abi names are the same).
 */
export const add_const = add;
