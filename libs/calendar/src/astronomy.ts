// The two astronomical events a lunisolar calendar is built from: new moons
// and the Sun's longitude (solar terms). Formulas from Jean Meeus,
// "Astronomical Algorithms" (2nd ed.): chapter 49 (phases of the Moon),
// chapter 25 (low-accuracy Sun), chapter 27 (solstices); ΔT polynomials by
// Espenak & Meeus (NASA, 2006). Plain arithmetic, so it runs unchanged inside
// Temporal's deterministic workflow sandbox.

const RAD = Math.PI / 180;
const sin = (degrees: number): number => Math.sin(degrees * RAD);

/** Julian date of the new moon that started lunation 0 (6 January 2000). */
const LUNATION_ZERO_JDE = 2451550.09766;
/** Mean length of a lunation, in days. */
export const SYNODIC_MONTH = 29.530588861;

/** Lunation number k of the mean new moon nearest the given Julian date. */
export function lunationNear(jd: number): number {
  return Math.round((jd - LUNATION_ZERO_JDE) / SYNODIC_MONTH);
}

/**
 * ΔT = TT − UT in seconds for a (fractional) year. Astronomical formulas run
 * on Terrestrial Time; civil days are counted in UT.
 */
export function deltaTSeconds(year: number): number {
  if (year < 1900) throw new RangeError(`ΔT is not modelled before 1900 (year ${year})`);
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  if (year < 2150) return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
  return -20 + 32 * u ** 2;
}

/** Converts a Julian Ephemeris Date (TT) to a Julian Date in UT. */
export function toUniversalTime(jde: number): number {
  const year = 2000 + (jde - 2451545) / 365.25;
  return jde - deltaTSeconds(year) / 86400;
}

/** Converts a Julian Date in UT to a Julian Ephemeris Date (TT). */
export function toTerrestrialTime(jd: number): number {
  const year = 2000 + (jd - 2451545) / 365.25;
  return jd + deltaTSeconds(year) / 86400;
}

/** Julian Ephemeris Date (TT) of the true new moon of lunation k (Meeus 49.1 with the periodic terms). */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const jdeMean =
    LUNATION_ZERO_JDE + SYNODIC_MONTH * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4;
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3;

  const periodic =
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(omega) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);

  const planetary = PLANETARY_TERMS.reduce(
    (sum, [coefficient, a0, a1, a2]) => sum + coefficient * sin(a0 + a1 * k + a2 * T ** 2),
    0,
  );
  return jdeMean + periodic + planetary;
}

/** Meeus table 49.B: [coefficient, A0, A1 (per lunation), A2 (per T²)]. */
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.000325, 299.77, 0.107408, -0.009173],
  [0.000165, 251.88, 0.016321, 0],
  [0.000164, 251.83, 26.651886, 0],
  [0.000126, 349.42, 36.412478, 0],
  [0.00011, 84.66, 18.206239, 0],
  [0.000062, 141.74, 53.303771, 0],
  [0.00006, 207.14, 2.453732, 0],
  [0.000056, 154.84, 7.30686, 0],
  [0.000047, 34.52, 27.261239, 0],
  [0.000042, 207.19, 0.121824, 0],
  [0.00004, 291.34, 1.844379, 0],
  [0.000037, 161.72, 24.198154, 0],
  [0.000035, 239.56, 25.513099, 0],
  [0.000023, 331.55, 3.592518, 0],
];

/** Apparent geocentric longitude of the Sun in degrees [0, 360), accurate to about 0.01° (Meeus ch. 25). */
export function sunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T ** 2;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T ** 2;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T ** 2) * sin(M) +
    (0.019993 - 0.000101 * T) * sin(2 * M) +
    0.000289 * sin(3 * M);
  const omega = 125.04 - 1934.136 * T;
  const apparent = L0 + C - 0.00569 - 0.00478 * sin(omega);
  return ((apparent % 360) + 360) % 360;
}

/** Julian Ephemeris Date (TT) of the December solstice (Sun at 270°) of a Gregorian year. */
export function decemberSolsticeJde(year: number): number {
  const Y = (year - 2000) / 1000;
  // Meeus table 27.C gives the mean instant; refine on the apparent longitude (Meeus 27, "correction").
  let jde = 2451900.05952 + 365242.74049 * Y - 0.06223 * Y ** 2 - 0.00823 * Y ** 3 + 0.00032 * Y ** 4;
  for (let i = 0; i < 10; i += 1) {
    const correction = 58 * sin(270 - sunLongitude(jde));
    jde += correction;
    if (Math.abs(correction) < 1e-6) break;
  }
  return jde;
}
