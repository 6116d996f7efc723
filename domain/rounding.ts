// Rounding as people do it by hand, half away from zero, in one place: scores and money
// to 2 decimals (85.005 → 85.01), caps and shares to whole people (35.5 → 36). The 1e-9
// absorbs binary fractions such as 85.005 × 100 = 8500.499999….

/** To 2 decimals, half away from zero. */
export function roundHalfUp2(n: number): number {
  return (Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-9)) / 100;
}

/** To a whole number, half up (for counts of people, never negative): 0.5 → 1, 4.6 → 5, 2.3 → 2. */
export const roundHalfUp = (x: number): number => Math.floor(x + 0.5 + 1e-9);
