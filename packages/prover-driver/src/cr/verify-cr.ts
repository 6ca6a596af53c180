import { R, Q } from '../setup/bn254';
import { snarkjs } from '../prove/snarkjs';
import { deriveChallenges } from './challenge';
import { bn128, Curve, Elem, g2Json } from './curve';
import { readCrSection } from './zkey-section';

/** verification_key.json of groth16-cr: snarkjs's Groth16 fields with two deltas. */
export interface CrVerificationKey {
  protocol: 'groth16-cr';
  curve: 'bn128';
  /** The model's public signals (outputs, public inputs): what public.json holds. */
  nPublic: number;
  /** Challenge wires, the last public wires of the circuit; IC has nPublic + nChallenges + 1 points. */
  nChallenges: number;
  vk_alpha_1: string[];
  vk_beta_2: string[][];
  vk_gamma_2: string[][];
  vk_delta1_2: string[][];
  vk_delta2_2: string[][];
  IC: string[][];
}

/** The verification key of a groth16-cr proving key: snarkjs's export (δ there is δ2) plus δ1 from section 11. */
export async function exportCrVerificationKey(zkey: string): Promise<CrVerificationKey> {
  const curve = await bn128();
  const cr = readCrSection(zkey);
  const vk = await snarkjs.zKey.exportVerificationKey(zkey) as unknown as Record<string, unknown> & { nPublic: number };
  return {
    protocol: 'groth16-cr',
    curve: 'bn128',
    nPublic: vk.nPublic - cr.nChallenges,
    nChallenges: cr.nChallenges,
    vk_alpha_1: vk.vk_alpha_1 as string[],
    vk_beta_2: vk.vk_beta_2 as string[][],
    vk_gamma_2: vk.vk_gamma_2 as string[][],
    vk_delta1_2: g2Json(curve, curve.G2.fromRprLEM(cr.delta1G2)),
    vk_delta2_2: vk.vk_delta_2 as string[][],
    IC: vk.IC as string[][],
  };
}

/**
 * Verifies a groth16-cr proof (docs/challenge-round.md): recomputes the challenges from C1 and the
 * public signals, IC = IC_0 + Σ pub_i·IC_i + Σ c_k·IC_{nPublic+1+k}, and accepts iff
 * e(−A, B)·e(α, β)·e(IC, γ)·e(C1, δ1)·e(C, δ2) = 1. As the EVM does, a coordinate outside [0, q),
 * a point off its curve or B outside the order-r subgroup, and a public signal ≥ r are rejected
 * (false, not an exception), so the JS and the Solidity verifier agree on every input.
 */
export async function verifyCr(vkey: unknown, publicSignals: unknown, proof: unknown): Promise<boolean> {
  const curve = await bn128();
  try {
    const vk = vkey as CrVerificationKey;
    const p = proof as Record<string, unknown>;
    if (vk?.protocol !== 'groth16-cr' || p?.protocol !== 'groth16-cr') return false;
    const signals = scalars(publicSignals, vk.nPublic);
    if (!signals || vk.IC.length !== vk.nPublic + vk.nChallenges + 1) return false;
    const [a, b, c, c1] = [g1(curve, p.pi_a), g2(curve, p.pi_b), g1(curve, p.pi_c), g1(curve, p.pi_c1)];
    if (!a || !b || !c || !c1) return false;
    const [c1x, c1y] = (p.pi_c1 as string[]).map(BigInt);
    const challenges = deriveChallenges([c1x, c1y], signals, vk.nChallenges);
    let ic = curve.G1.fromObject(vk.IC[0].map(BigInt));
    [...signals, ...challenges].forEach((s, i) => {
      ic = curve.G1.add(ic, curve.G1.timesScalar(curve.G1.fromObject(vk.IC[i + 1].map(BigInt)), s));
    });
    const v = (pt: string[][]) => curve.G2.fromObject(pt.map((x) => x.map(BigInt)) as unknown as bigint[]);
    return await curve.pairingEq(
      curve.G1.neg(a), b,
      curve.G1.fromObject(vk.vk_alpha_1.map(BigInt)), v(vk.vk_beta_2),
      ic, v(vk.vk_gamma_2),
      c1, v(vk.vk_delta1_2),
      c, v(vk.vk_delta2_2),
    );
  } catch {
    return false; // malformed JSON: not a proof
  }
}

/** Decimal strings below r, exactly `n` of them. */
function scalars(signals: unknown, n: number): bigint[] | undefined {
  if (!Array.isArray(signals) || signals.length !== n) return undefined;
  if (!signals.every((s) => typeof s === 'string' && /^\d{1,78}$/.test(s) && BigInt(s) < R)) return undefined;
  return signals.map(BigInt);
}

const coordinate = (s: unknown): bigint | undefined => (typeof s === 'string' && /^\d{1,78}$/.test(s) && BigInt(s) < Q ? BigInt(s) : undefined);

/** An affine G1 point [x, y, "1"] on the curve, (0, 0) meaning infinity as in the EVM. */
function g1(curve: Curve, json: unknown): Elem | undefined {
  if (!Array.isArray(json) || json.length !== 3 || json[2] !== '1') return undefined;
  const [x, y] = [coordinate(json[0]), coordinate(json[1])];
  if (x === undefined || y === undefined) return undefined;
  if (x === 0n && y === 0n) return curve.G1.zero;
  const p = curve.G1.fromObject([x, y]);
  return curve.G1.isValid(p) ? p : undefined;
}

/** An affine G2 point [[x0, x1], [y0, y1], ["1", "0"]] on the twist and in the order-r subgroup. */
function g2(curve: Curve, json: unknown): Elem | undefined {
  if (!Array.isArray(json) || json.length !== 3 || json[2]?.[0] !== '1' || json[2]?.[1] !== '0') return undefined;
  const xy = [json[0], json[1]].map((pair) => (Array.isArray(pair) && pair.length === 2 ? pair.map(coordinate) : []));
  if (!xy.every((pair) => pair.length === 2 && pair.every((v) => v !== undefined))) return undefined;
  const p = curve.G2.fromObject(xy as unknown as bigint[]);
  return curve.G2.isValid(p) && curve.G2.isZero(curve.G2.timesScalar(p, R)) ? p : undefined;
}
