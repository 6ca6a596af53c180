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
 * `labels` yields the label of every wire in wire order, the constant one (wire 0) included.
 */
export function writeSymLabels(file: string, labels: Iterable<string>): void {
  const components = new Map<string, number>([['', 0]]);
  writeStreamAtomic(file, (sink) => {
    let w = 0;
    for (const label of labels) {
      if (w > 0) {
        const component = componentOf(label);
        if (!components.has(component)) components.set(component, components.size);
        sink.text(`${w},${w},${components.get(component)},main.${label}\n`);
      }
      w++;
    }
  });
}

export function writeSym(file: string, r1cs: R1CS): void {
  writeSymLabels(file, r1cs.labels);
}
