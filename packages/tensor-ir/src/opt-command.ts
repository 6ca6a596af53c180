import { readTir, writeTir } from './io';
import { printTir } from './text';
import { runPasses } from './passes';

export interface OptOptions {
  input: string;
  output: string;
  /** Comma-separated pass names (default: the whole standard pipeline). */
  passes?: string;
  /** Print the IR text after this pass. */
  printAfter?: string;
  text?: boolean;
}

/** `opt <in> -o <out> [--passes a,b] [--print-after name]`: runs graph passes on a float .tir. */
export function optCommand(opts: OptOptions): string {
  const file = readTir(opts.input, 'float');
  let printed = '';
  const only = opts.passes?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  runPasses(file.graph, {
    only,
    printAfter: opts.printAfter ? { name: opts.printAfter, print: (graph) => { printed += printTir({ ...file, graph }); } } : undefined,
  });
  writeTir(opts.output, file, { text: opts.text || undefined });
  return printed;
}
