import { expIr } from './exp-ir';
import { forEach, load, store } from './ir-text';

/** `%<t>.n` = the number of bits of an i64 v ≥ 0: Σ_k [v ≥ 2^k] (straight-line, no intrinsic). */
function bitLength(t: string, v: string): string {
  const lines = ['%' + t + '.s0 = add i64 0, 0'];
  for (let k = 0; k < 63; k++) {
    lines.push(`%${t}.c${k} = icmp uge i64 ${v}, ${2n ** BigInt(k)}`);
    lines.push(`%${t}.z${k} = zext i1 %${t}.c${k} to i64`);
    lines.push(`%${t}.s${k + 1} = add i64 %${t}.s${k}, %${t}.z${k}`);
  }
  lines.push(`%${t}.n = add i64 %${t}.s63, 0`);
  return lines.join('\n  ');
}

/** v = x + mask (mask repeating every mask_n elements) and whether the entry is masked, at %<t>.idx. */
function maskedValue(t: string): string {
  return `${load(`${t}.xv`, '%x', `%${t}.idx`)}
%${t}.mi = urem i64 %${t}.idx, %mn
%${t}.mp = select i1 %hasmask, i64* %mask, i64* %x
${load(`${t}.ml`, `%${t}.mp`, `%${t}.mi`)}
%${t}.mv = select i1 %hasmask, i64 %${t}.ml, i64 0
%${t}.low = icmp sle i64 %${t}.mv, %thr
%${t}.masked = and i1 %hasmask, %${t}.low
%${t}.v = add i64 %${t}.xv, %${t}.mv`;
}

/** Pass 1: the max m of the live v of the row (`%any` records whether one is live). */
const passMax = forEach('a', 'r.body', '%len', `
  %a.idx = add i64 %base, %a.i
  ${maskedValue('a')}
  %a.m = load i64, i64* %mslot
  %a.any = load i1, i1* %anyslot
  %a.gt = icmp sgt i64 %a.v, %a.m
  %a.first = xor i1 %a.any, true
  %a.take0 = or i1 %a.gt, %a.first
  %a.live = xor i1 %a.masked, true
  %a.take = and i1 %a.take0, %a.live
  %a.mn = select i1 %a.take, i64 %a.v, i64 %a.m
  store i64 %a.mn, i64* %mslot
  %a.anyn = or i1 %a.any, %a.live
  store i1 %a.anyn, i1* %anyslot`);

/** Pass 2: e = Exp(v − m) at frac fe (0 when masked) into y, and their sum. */
const passExp = forEach('b', 'a.done', '%len', `
  %b.idx = add i64 %base, %b.i
  ${maskedValue('b')}
  %b.m = load i64, i64* %mslot
  %b.d = sub i64 %b.v, %b.m
  %b.dc = select i1 %b.masked, i64 0, i64 %b.d
  ${expIr('ex', '%b.dc', '%frac', '%fe', '%strategy').split('\n').join('\n  ')}
  %b.e = select i1 %b.masked, i64 0, i64 %ex.y
  ${store('%b.e', '%y', '%b.idx', 'b.yp')}
  %b.s = load i64, i64* %sumslot
  %b.sn = add i64 %b.s, %b.e
  store i64 %b.sn, i64* %sumslot`);

/** Pass 3: y = floor((2·e·2^f + S) / 2S), which is 0 for masked entries (e = 0) and empty rows. */
const passDivide = forEach('c', 'b.done', '%len', `
  %c.idx = add i64 %base, %c.i
  ${load('c.e', '%y', '%c.idx')}
  %c.s = load i64, i64* %sumslot
  %c.ew = zext i64 %c.e to i128
  %c.sw = zext i64 %c.s to i128
  %c.num0 = shl i128 %c.ew, %fw
  %c.num1 = shl i128 %c.num0, 1
  %c.num = add i128 %c.num1, %c.sw
  %c.den0 = shl i128 %c.sw, 1
  %c.empty = icmp eq i128 %c.den0, 0
  %c.den = select i1 %c.empty, i128 1, i128 %c.den0
  %c.q = udiv i128 %c.num, %c.den
  %c.qn = trunc i128 %c.q to i64
  ${store('%c.qn', '%y', '%c.idx', 'c.yp')}`);

/**
 * zk.softmax(x, mask, y, rows, len, mask_n, frac, strategy, lo, hi): tensor-ir softmaxRowInt per
 * row of the last axis; masked entries (mask ≤ −2^(frac+16)) are 0; x checked against its bounds.
 */
export const softmax = `
  %n = mul i64 %rows, %len
  call void @onnx_zk.check_bounds(i64* %x, i64* %lo, i64* %hi, i64 %n, i8* %gadget)
  %mslot = alloca i64
  %anyslot = alloca i1
  %sumslot = alloca i64
  %hasmask = icmp ne i64* %mask, null
  %mn = select i1 %hasmask, i64 %mask_n, i64 1
  %thrs = add i64 %frac, 16
  %thr = shl i64 -1, %thrs
  ${bitLength('lb', '%len')}
  %fe = add i64 %frac, %lb.n
  %fw = zext i64 %frac to i128
${forEach('r', 'entry', '%rows', `
  %base = mul i64 %r.i, %len
  store i64 0, i64* %mslot
  store i1 false, i1* %anyslot
  store i64 0, i64* %sumslot
  ${passMax}
  ${passExp}
  ${passDivide}`, 'c.done')}
  ret void
`;
