/**
 * Integer coefficients of the transcendental approximations (Exp, Gelu, Sigmoid/Tanh), frac 24 unless noted.
 * Generated once by Chebyshev interpolation in float64 and rounded; test/fixed-ops-approx.test.ts re-runs the recipe;
 * they are constants of the op definitions, so every stage reads the same integers. The *_ERR
 * figures are the worst error of these integer coefficients against the float function, sampled
 * densely over the continuous variable (relative for exp, absolute for gelu).
 */

/** 2^(−s) on s ∈ [0, 1): degree 3, coefficients of s^0..s^3. */
export const EXP2_POLY = [16776255n, -11598197n, 3872139n, -662425n];
export const EXP2_POLY_ERR = 0.0000997;

/** 2^(−(j + r)/8), r ∈ [0, 1): 8 segments, quadratic in r: [c0, c1, c2] per segment. */
export const EXP2_TABLE: bigint[][] = [
    [16777161n, -1452643n, 60311n],
    [15384724n, -1332080n, 55306n],
    [14107855n, -1221523n, 50715n],
    [12936960n, -1120141n, 46506n],
    [11863244n, -1027174n, 42646n],
    [10878643n, -941923n, 39107n],
    [9975760n, -863747n, 35861n],
    [9147812n, -792059n, 32885n],
  ];
export const EXP2_TABLE_ERR = 0.00000358;

/** h(a) = a·Φ(−a) (erf form) on [0, 4): 32 segments, quadratic in the segment variable r ∈ [0, 1). */
export const GELU_ERF_TABLE: bigint[][] = [
    [13n, 1048355n, -104122n],
    [944313n, 839686n, -100905n],
    [1683223n, 637495n, -94693n],
    [2226208n, 447796n, -85909n],
    [2588319n, 275753n, -75133n],
    [2789190n, 125357n, -63046n],
    [2851765n, -767n, -50366n],
    [2800894n, -101441n, -37787n],
    [2661913n, -176881n, -25922n],
    [2459332n, -228534n, -15263n],
    [2215725n, -258833n, -6156n],
    [1950889n, -270903n, 1208n],
    [1681309n, -268248n, 6783n],
    [1419925n, -254461n, 10649n],
    [1176161n, -232971n, 12982n],
    [956193n, -206850n, 14021n],
    [763365n, -178688n, 14037n],
    [598698n, -150531n, 13303n],
    [461444n, -123874n, 12072n],
    [349610n, -99706n, 10565n],
    [260435n, -78573n, 8957n],
    [190786n, -60671n, 7380n],
    [137464n, -45933n, 5923n],
    [97428n, -34112n, 4639n],
    [67932n, -24861n, 3550n],
    [46602n, -17788n, 2657n],
    [31456n, -12498n, 1946n],
    [20893n, -8625n, 1397n],
    [13656n, -5848n, 982n],
    [8784n, -3896n, 678n],
    [5561n, -2551n, 458n],
    [3465n, -1642n, 304n],
  ];
export const GELU_ERF_TABLE_ERR = 0.00000793;

/** h(a) = a·(1 − (1 + tanh(√(2/π)(a + 0.044715a³)))/2) (tanh form), same layout. */
export const GELU_TANH_TABLE: bigint[][] = [
    [13n, 1048354n, -104120n],
    [944315n, 839687n, -100887n],
    [1683244n, 637530n, -94651n],
    [2226307n, 447917n, -85840n],
    [2588608n, 276013n, -75047n],
    [2789826n, 125793n, -62961n],
    [2852921n, -157n, -50307n],
    [2802718n, -100710n, -37778n],
    [2664475n, -176131n, -25981n],
    [2462584n, -227902n, -15395n],
    [2219475n, -258468n, -6352n],
    [1954807n, -270934n, 972n],
    [1684961n, -268756n, 6541n],
    [1422827n, -255458n, 10438n],
    [1177858n, -234392n, 12835n],
    [956325n, -208566n, 13960n],
    [761722n, -180525n, 14069n],
    [595253n, -152301n, 13420n],
    [456349n, -125405n, 12255n],
    [343169n, -100866n, 10786n],
    [253055n, -79287n, 9186n],
    [182921n, -60923n, 7591n],
    [129558n, -45759n, 6096n],
    [89867n, -33592n, 4763n],
    [61014n, -24093n, 3621n],
    [40523n, -16877n, 2681n],
    [26310n, -11541n, 1932n],
    [16688n, -7700n, 1354n],
    [10334n, -5009n, 924n],
    [6243n, -3175n, 613n],
    [3676n, -1960n, 395n],
    [2109n, -1177n, 248n],
  ];
export const GELU_TANH_TABLE_ERR = 0.00000790;

/** h(4u) on u ∈ [0, 1): degree 8, coefficients of u^0..u^8, frac 32 (erf form, then tanh form). */
export const GELU_ERF_POLY = [686032n, 8478819124n, -24456115771n, -30147595481n, 223747533683n, -398535031529n, 343119366716n, -147472434941n, 25265178138n];
export const GELU_ERF_POLY_ERR = 0.000160;
export const GELU_TANH_POLY = [644761n, 8485397553n, -24617091901n, -28765838332n, 219026871666n, -391059591398n, 337517294972n, -145809774217n, 25222279026n];
export const GELU_TANH_POLY_ERR = 0.000150;

/**
 * tanh(u) on u ∈ [0, 8): 32 segments, cubic in the segment variable r ∈ [0, 1): [c0, c1, c2, c3]
 * per segment (Sigmoid and Tanh). Row 0's c0 is pinned to 0 (tanh 0 = 0 exactly), so x = 0 gives
 * the same output whichever sign bit the circuit is handed; the ERR figure includes the pin.
 */
export const SIGMOID_TANH_TABLE: bigint[][] = [
    [0n, 4195337n, -4733n, -81565n],
    [4108970n, 3945383n, -254658n, -46741n],
    [7752966n, 3300965n, -393068n, -4899n],
    [10655996n, 2503393n, -403191n, 21205n],
    [12777426n, 1761633n, -336181n, 28960n],
    [14231848n, 1175822n, -247854n, 26063n],
    [15185881n, 757525n, -169441n, 19709n],
    [15793672n, 477011n, -110572n, 13598n],
    [16173707n, 296076n, -70125n, 8905n],
    [16408561n, 182133n, -43703n, 5655n],
    [16552645n, 111425n, -26948n, 3527n],
    [16640647n, 67938n, -16510n, 2175n],
    [16694250n, 41338n, -10075n, 1333n],
    [16726846n, 25121n, -6133n, 813n],
    [16746647n, 15255n, -3728n, 495n],
    [16758668n, 9259n, -2264n, 301n],
    [16765964n, 5618n, -1375n, 183n],
    [16770390n, 3409n, -834n, 111n],
    [16773076n, 2068n, -506n, 67n],
    [16774705n, 1254n, -307n, 41n],
    [16775693n, 761n, -186n, 25n],
    [16776292n, 461n, -113n, 15n],
    [16776656n, 280n, -69n, 9n],
    [16776876n, 170n, -42n, 6n],
    [16777010n, 103n, -25n, 3n],
    [16777091n, 62n, -15n, 2n],
    [16777140n, 38n, -9n, 1n],
    [16777170n, 23n, -6n, 1n],
    [16777188n, 14n, -3n, 0n],
    [16777199n, 8n, -2n, 0n],
    [16777206n, 5n, -1n, 0n],
    [16777210n, 3n, -1n, 0n],
  ];
export const SIGMOID_TANH_TABLE_ERR = 0.00000518;
