import {
  EXP2_POLY, EXP2_TABLE, EXP_C, EXP_C_BITS, EXP_POLY_BITS, EXP_TABLE_INDEX_BITS, EXP_TABLE_LOW_BITS, expQFrac,
} from '@onnx-zk/tensor-ir';

/**
 * Straight-line IR fragments for the exp, softmax and gelu runtime bodies: the same integer
 * semantics as tensor-ir's expInt / geluInt, in i256 (the approximations' intermediate products
 * reach ~170 bits; lli legalises the wide multiplies and shifts). Every name is prefixed by `tag`.
 */

/** `%<tag>.<col>` = column `col` of rows[j] for an i256 index `j`, by a chain of selects. */
export function tableIr(tag: string, j: string, rows: bigint[][]): string {
  const lines = rows.map((_, k) => `%${tag}.is${k} = icmp eq i256 ${j}, ${k}`);
  rows[0].forEach((_, col) => {
    let acc = `${rows[rows.length - 1][col]}`;
    for (let k = rows.length - 2; k >= 0; k--) {
      lines.push(`%${tag}.c${col}.${k} = select i1 %${tag}.is${k}, i256 ${rows[k][col]}, i256 ${acc}`);
      acc = `%${tag}.c${col}.${k}`;
    }
    lines.push(`%${tag}.c${col} = add i256 ${acc}, 0`);
  });
  return lines.join('\n');
}

/** `%<tag>.q` = c0·2^(2l) + (c1·2^l + c2·R)·R with the columns `%<tab>.c0..2` and i256 R, l. */
export function quadIr(tag: string, tab: string, r: string, l: string): string {
  return `%${tag}.c2r = mul i256 %${tab}.c2, ${r}
%${tag}.c1s = shl i256 %${tab}.c1, ${l}
%${tag}.in = add i256 %${tag}.c1s, %${tag}.c2r
%${tag}.inr = mul i256 %${tag}.in, ${r}
%${tag}.l2 = shl i256 ${l}, 1
%${tag}.c0s = shl i256 %${tab}.c0, %${tag}.l2
%${tag}.q = add i256 %${tag}.c0s, %${tag}.inr`;
}

/** `%<tag>.q` = Σ c_i·u^i·2^((d−i)·g) for an i256 u. */
export function polyIr(tag: string, u: string, coeffs: bigint[], g: number): string {
  const d = coeffs.length - 1;
  const lines = [`%${tag}.p1 = add i256 ${u}, 0`];
  for (let i = 2; i <= d; i++) lines.push(`%${tag}.p${i} = mul i256 %${tag}.p${i - 1}, ${u}`);
  lines.push(`%${tag}.s0 = shl i256 ${coeffs[0]}, ${d * g}`);
  for (let i = 1; i <= d; i++) {
    lines.push(`%${tag}.m${i} = mul i256 %${tag}.p${i}, ${coeffs[i] << BigInt((d - i) * g)}`);
    lines.push(`%${tag}.s${i} = add i256 %${tag}.s${i - 1}, %${tag}.m${i}`);
  }
  lines.push(`%${tag}.q = add i256 %${tag}.s${d}, 0`);
  return lines.join('\n');
}

/**
 * `%<tag>.y` (i64) = expInt(x, fIn, fOut, strategy) for i64 values x ≤ 0, fIn, fOut and the
 * strategy index (0 table, 1 poly): both approximations are computed and one is selected.
 */
export function expIr(tag: string, x: string, fIn: string, fOut: string, strategy: string): string {
  const t = tag;
  return `%${t}.nx = sub i64 0, ${x}
%${t}.nxw = zext i64 %${t}.nx to i256
%${t}.v = mul i256 %${t}.nxw, ${EXP_C}
%${t}.fin = zext i64 ${fIn} to i256
%${t}.tb = add i256 %${t}.fin, ${EXP_C_BITS}
%${t}.k = lshr i256 %${t}.v, %${t}.tb
%${t}.one = shl i256 1, %${t}.tb
%${t}.mask = sub i256 %${t}.one, 1
%${t}.t = and i256 %${t}.v, %${t}.mask
%${t}.sp = sub i256 %${t}.tb, ${EXP_POLY_BITS}
%${t}.s = lshr i256 %${t}.t, %${t}.sp
${polyIr(`${t}.poly`, `%${t}.s`, EXP2_POLY, EXP_POLY_BITS)}
%${t}.jp = sub i256 %${t}.tb, ${EXP_TABLE_INDEX_BITS}
%${t}.j = lshr i256 %${t}.t, %${t}.jp
%${t}.rs = lshr i256 %${t}.t, %${t}.sp
%${t}.r = and i256 %${t}.rs, ${(1 << EXP_TABLE_LOW_BITS) - 1}
${tableIr(`${t}.tab`, `%${t}.j`, EXP2_TABLE)}
${quadIr(`${t}.quad`, `${t}.tab`, `%${t}.r`, `${EXP_TABLE_LOW_BITS}`)}
%${t}.ispoly = icmp eq i64 ${strategy}, 1
%${t}.q = select i1 %${t}.ispoly, i256 %${t}.poly.q, i256 %${t}.quad.q
%${t}.bigf = select i1 %${t}.ispoly, i256 ${expQFrac('poly')}, i256 ${expQFrac('table')}
%${t}.fout = zext i64 ${fOut} to i256
%${t}.lim = add i256 %${t}.fout, 2
%${t}.zero = icmp uge i256 %${t}.k, %${t}.lim
%${t}.kc = select i1 %${t}.zero, i256 0, i256 %${t}.k
%${t}.sh0 = sub i256 %${t}.bigf, %${t}.fout
%${t}.sh = add i256 %${t}.sh0, %${t}.kc
%${t}.sh1 = sub i256 %${t}.sh, 1
%${t}.half = shl i256 1, %${t}.sh1
%${t}.qh = add i256 %${t}.q, %${t}.half
%${t}.yw = lshr i256 %${t}.qh, %${t}.sh
%${t}.yz = select i1 %${t}.zero, i256 0, i256 %${t}.yw
%${t}.y = trunc i256 %${t}.yz to i64`;
}
