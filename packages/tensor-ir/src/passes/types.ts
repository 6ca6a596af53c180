import { Graph } from '../model';

/** A graph pass: rewrites a float-stage graph in place, keeping every value typed. */
export type Pass = (graph: Graph) => void;

/** A pass under the name `--passes` and `--print-after` use. */
export type NamedPass = readonly [name: string, pass: Pass];
