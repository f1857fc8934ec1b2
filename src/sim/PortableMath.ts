/**
 * log and exp written with plain IEEE-754 arithmetic (ports of fdlibm's e_log.c and e_exp.c).
 * JavaScript engines may round Math.log/Math.exp differently in the last bit (Node 20 and
 * Chromium 156 do), which would make the same seed give different runs in different places.
 * +, -, *, / and Math.sqrt are exactly rounded everywhere, so these functions are too.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which half of the 8 bytes holds the sign and exponent (little-endian on every platform we meet).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function fromWords(hi: number, lo: number): number {
  u32[HI] = hi >>> 0;
  u32[LO] = lo >>> 0;
  return f64[0]!;
}

/**
 * 2**n for -1074 <= n <= 1023 at POW2[n + POW2_BIAS], made by halving and doubling 1 (exact).
 * Scaling by a table entry gives the same bits as rewriting the exponent field through the
 * shared buffer, without a load that waits for two narrower stores to land.
 */
const POW2_BIAS = 1074;
const POW2 = new Float64Array(POW2_BIAS + 1024);
POW2[POW2_BIAS] = 1;
for (let n = 1; n <= 1023; n++) POW2[POW2_BIAS + n] = POW2[POW2_BIAS + n - 1]! * 2;
for (let n = -1; n >= -POW2_BIAS; n--) POW2[POW2_BIAS + n] = POW2[POW2_BIAS + n + 1]! / 2;

const ln2_hi = fromWords(0x3fe62e42, 0xfee00000);
const ln2_lo = fromWords(0x3dea39ef, 0x35793c76);
const two54 = fromWords(0x43500000, 0);
const Lg1 = fromWords(0x3fe55555, 0x55555593);
const Lg2 = fromWords(0x3fd99999, 0x9997fa04);
const Lg3 = fromWords(0x3fd24924, 0x94229359);
const Lg4 = fromWords(0x3fcc71c5, 0x1d8e78af);
const Lg5 = fromWords(0x3fc74664, 0x96cb03de);
const Lg6 = fromWords(0x3fc39a09, 0xd078c69f);
const Lg7 = fromWords(0x3fc2f112, 0xdf3e5244);

/** Natural logarithm, identical to the last bit in every JavaScript engine. */
export function plog(x: number): number {
  f64[0] = x;
  let hx = u32[HI]! | 0;
  const lx = u32[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    f64[0] = x;
    hx = u32[HI]! | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  const e = (hx >> 20) - 1023;
  k += e;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // Normalise x or x/2: fdlibm writes the exponent field; scaling by 2**-(e + i>>20) is the same
  // exact value (the result is a normal number near 1).
  x *= POW2[POW2_BIAS - e - (i >> 20)]!;
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2**-20
    if (f === 0) {
      if (k === 0) return 0;
      const dk = k;
      return dk * ln2_hi + dk * ln2_lo;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    const dk = k;
    return dk * ln2_hi - (R - dk * ln2_lo - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2_hi - (hfsq - (s * (hfsq + R) + dk * ln2_lo) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * ln2_hi - (s * (f - R) - dk * ln2_lo - f);
}

const o_threshold = fromWords(0x40862e42, 0xfefa39ef);
const u_threshold = fromWords(0xc0874910, 0xd52d3051);
const invln2 = fromWords(0x3ff71547, 0x652b82fe);
const P1 = fromWords(0x3fc55555, 0x5555553e);
const P2 = fromWords(0xbf66c16c, 0x16bebd93);
const P3 = fromWords(0x3f11566a, 0xaf25de2c);
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1);
const P5 = fromWords(0x3e663769, 0x72bea4d0);
const twom1000 = fromWords(0x01700000, 0);

/** 2**k for -1074 <= k <= 1023 (exact). */
function pow2(k: number): number {
  return POW2[POW2_BIAS + k]!;
}

/** e**x, identical to the last bit in every JavaScript engine. */
export function pexp(x: number): number {
  f64[0] = x;
  let hx = u32[HI]!;
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | u32[LO]!) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0.0;
    }
    if (x > o_threshold) return Infinity;
    if (x < u_threshold) return 0;
  }
  let hi = 0, lo = 0, k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      hi = xsb === 0 ? x - ln2_hi : x + ln2_hi;
      lo = xsb === 0 ? ln2_lo : -ln2_lo;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(invln2 * x + (xsb === 0 ? 0.5 : -0.5));
      const t = k;
      hi = x - t * ln2_hi; // t*ln2_hi is exact here
      lo = t * ln2_lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2**-28
    return 1 + x;
  } else k = 0;
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k === 1024) return y * 2 * pow2(1023);
  if (k >= -1021) return y * pow2(k);
  return y * pow2(k + 1000) * twom1000;
}

/** x**y for x > 0, through plog/pexp (enough for the shapes of distributions). */
export function ppow(x: number, y: number): number {
  return pexp(y * plog(x));
}
