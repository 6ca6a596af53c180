import * as cliProgress from 'cli-progress';
import { Step } from './pipeline';

export interface StepTiming {
  name: string;
  artifact: string;
  seconds: number;
}

/**
 * Runs the steps in order with a progress bar on a terminal, and one line per finished step
 * elsewhere (CI logs), returning how long each took.
 */
export async function runSteps(steps: Step[], stream: NodeJS.WriteStream = process.stderr): Promise<StepTiming[]> {
  const tty = Boolean(stream.isTTY);
  const bar = tty
    ? new cliProgress.SingleBar({ stream, format: 'onnx-zk [{bar}] {value}/{total} {step}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(steps.length, 0, { step: steps[0]?.name ?? '' });
  const timings: StepTiming[] = [];
  try {
    for (const [i, step] of steps.entries()) {
      bar?.update(i, { step: step.name });
      const start = process.hrtime.bigint();
      await step.run();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      timings.push({ name: step.name, artifact: step.artifact, seconds });
      if (!tty) stream.write(`[${i + 1}/${steps.length}] ${step.name}: ${step.artifact} (${seconds.toFixed(2)} s)\n`);
    }
    bar?.update(steps.length, { step: 'done' });
  } finally {
    bar?.stop();
  }
  return timings;
}
