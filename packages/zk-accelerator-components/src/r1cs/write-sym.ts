import { writeStreamAtomic } from './bin-file';
import type { R1CS } from './finalize';

/** The component of a label `<onnx node>.<gadget>.<part>[i]`: all before the last dot ('' = main).
 * Node names may contain dots; gadget and part names never do. */
function componentOf(label: string): string {
  const dot = label.lastIndexOf('.');
  return dot < 0 ? '' : label.slice(0, dot);
}

/**
 * Writes circuit.sym in circom's format, one line per wire but the constant one:
 * `labelIdx,wireIdx,componentIdx,main.<label>`. Labels are numbered like wires; component 0 is
 * main and every `<onnx node>.<gadget>` gets the next index in order of first appearance.
 */
export function writeSym(file: string, r1cs: R1CS): void {
  const components = new Map<string, number>([['', 0]]);
  writeStreamAtomic(file, (sink) => {
    for (let w = 1; w < r1cs.nWires; w++) {
      const label = r1cs.labels[w];
      const component = componentOf(label);
      if (!components.has(component)) components.set(component, components.size);
      sink.text(`${w},${w},${components.get(component)},main.${label}\n`);
    }
  });
}
