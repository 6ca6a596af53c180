import { fromField, P } from '../r1cs/field';

/**
 * A linear form known + Σ coeff·u over unknown wires whose field value must be congruent (mod p)
 * to an integer in [lo, hi]: a lookup key (or value) and the hull of its table's column, or a
 * linear constraint (lo = hi = 0).
 */
export interface LinearForm {
  /** The assigned wires' part, a field element. */
  known: bigint;
  /** Unknown wire → coefficient (field elements, non-zero). */
  terms: Map<number, bigint>;
  lo: bigint;
  hi: bigint;
}

/** Wire → [lo, hi]: its field value is toField(z) for some integer z in [lo, hi]. */
export type Domains = Map<number, [bigint, bigint]>;

/** Intervals are kept only while their ends stay this small, so that sums of them never wrap p. */
const CAP = 1n << 200n;
const abs = (v: bigint): bigint => (v < 0n ? -v : v);
const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
};
const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);

/**
 * Integer intervals for the unknowns, by bounds propagation over the forms to a fixpoint (at most
 * `rounds` passes): for a form and one of its unknowns u with every other unknown bounded, c·u is
 * congruent to some t in an interval I. With c = ±1 that bounds u outright (u ≡ ±t); with |c| > 1 it
 * narrows an interval u already has, since c·z and t are then integers less than p apart, so
 * c·z = t. Every interval contains every value the wire can take in a solution (a sound
 * over-approximation); null when some interval becomes empty: no solution.
 */
export function propagateIntervals(forms: LinearForm[], rounds = 16): Domains | null {
  const dom: Domains = new Map();
  // Coefficients and known parts as signed integers, once.
  const signed = forms.map((f) => ({ lo: f.lo, hi: f.hi, known: fromField(f.known), terms: [...f.terms].map(([w, c]) => ({ w, c: fromField(c) })) }));
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const f of signed) {
      const { terms, known } = f;
      // The range of Σ c·z over the bounded unknowns, and which are unbounded.
      let [minS, maxS] = [0n, 0n];
      const unbounded: number[] = [];
      const part = new Map<number, [bigint, bigint]>();
      for (const { w, c } of terms) {
        const d = dom.get(w);
        if (!d) { unbounded.push(w); continue; }
        const [x, y] = [c * d[0], c * d[1]];
        const r: [bigint, bigint] = x <= y ? [x, y] : [y, x];
        part.set(w, r);
        minS += r[0];
        maxS += r[1];
      }
      if (unbounded.length > 1) continue;
      for (const { w, c } of terms) {
        if (unbounded.length === 1 && unbounded[0] !== w) continue;
        const own = part.get(w) ?? [0n, 0n];
        // c·z ≡ t for t ∈ [a, b]: the form's value minus the known part and the other terms.
        const a = f.lo - known - (maxS - own[1]);
        const b = f.hi - known - (minS - own[0]);
        const d = dom.get(w);
        let next: [bigint, bigint] | undefined;
        if (c === 1n || c === -1n) {
          const j: [bigint, bigint] = c === 1n ? [a, b] : [-b, -a];
          if (abs(j[0]) >= CAP || abs(j[1]) >= CAP) continue;
          next = d ? [j[0] > d[0] ? j[0] : d[0], j[1] < d[1] ? j[1] : d[1]] : j;
        } else {
          if (!d) continue;
          const big = abs(c) * (abs(d[0]) > abs(d[1]) ? abs(d[0]) : abs(d[1])) + (abs(a) > abs(b) ? abs(a) : abs(b));
          if (big >= P) continue;
          const j: [bigint, bigint] = c > 0n ? [ceilDiv(a, c), floorDiv(b, c)] : [ceilDiv(b, c), floorDiv(a, c)];
          next = [j[0] > d[0] ? j[0] : d[0], j[1] < d[1] ? j[1] : d[1]];
        }
        if (next[0] > next[1]) return null;
        if (!d || next[0] !== d[0] || next[1] !== d[1]) {
          dom.set(w, next);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return dom;
}
