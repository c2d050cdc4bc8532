//! Floating-point values with a proven error bound, so that most comparisons
//! of the counting rules are decided without big-number arithmetic.
//!
//! An [`Approx`] stands for an exact rational `x` with `|x − v| ≤ e`. Every
//! operation widens `e` by the rounding it may have made (one unit in the
//! last place is 2^-52 relative; each step adds at least that, above the
//! 2^-53 that IEEE rounding can cause). [`Approx::cmp`] answers only when
//! the intervals are apart; callers fall back to exact integers otherwise,
//! which is what makes the result exactly the one of exact arithmetic.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// One unit in the last place, relative (2^-52), a bound above IEEE rounding.
pub(super) const ULP: f64 = 1.0 / 4_503_599_627_370_496.0;
/// Relative error of a conversion from a ratio of big integers.
const CONVERSION: f64 = 8.0 * ULP;

#[derive(Clone, Copy, Debug)]
pub(super) struct Approx {
    pub v: f64,
    pub e: f64,
}

impl Approx {
    pub const ZERO: Approx = Approx { v: 0.0, e: 0.0 };

    /// `n / d` for d > 0.
    pub fn from_ratio(n: &BigInt, d: &BigInt) -> Approx {
        let v = ratio_f64(n, d);
        // Out of the range of normal floats the bound means nothing: then
        // every comparison is left to exact arithmetic.
        let e = if v.is_normal() || n.is_zero() {
            v.abs() * CONVERSION
        } else {
            f64::INFINITY
        };
        Approx { v, e }
    }

    fn widen(v: f64, propagated: f64) -> Approx {
        Approx {
            v,
            e: propagated * (1.0 + 2.0 * ULP) + v.abs() * ULP,
        }
    }

    pub fn add(self, o: Approx) -> Approx {
        Approx::widen(self.v + o.v, self.e + o.e)
    }

    pub fn sub(self, o: Approx) -> Approx {
        Approx::widen(self.v - o.v, self.e + o.e)
    }

    /// Times a weight (a number of voters, exact as a float below 2^53).
    pub fn mul_int(self, k: u64) -> Approx {
        let kf = k as f64;
        Approx::widen(self.v * kf, self.e * kf)
    }

    pub fn div_int(self, k: u64) -> Approx {
        let kf = k as f64;
        Approx::widen(self.v / kf, self.e / kf)
    }

    /// `self / o` when `o` is surely positive.
    pub fn div(self, o: Approx) -> Option<Approx> {
        let low = o.v - o.e * (1.0 + 2.0 * ULP) - o.v.abs() * ULP;
        if low <= 0.0 {
            return None;
        }
        let v = self.v / o.v;
        Some(Approx::widen(v, (self.e + v.abs() * o.e) / low))
    }

    /// The order of the exact values, when the bounds decide it.
    pub fn cmp(self, o: Approx) -> Option<Ordering> {
        let diff = self.v - o.v;
        let bound = (self.e + o.e) * (1.0 + 4.0 * ULP) + (self.v.abs() + o.v.abs()) * ULP;
        if diff > bound {
            Some(Ordering::Greater)
        } else if diff < -bound {
            Some(Ordering::Less)
        } else {
            None
        }
    }

    /// A float no greater than the exact value (and not below 0 when the value is not negative).
    pub fn lower(self) -> f64 {
        self.v - self.e * (1.0 + 4.0 * ULP) - self.v.abs() * 2.0 * ULP
    }

    /// A float no smaller than the exact value.
    pub fn upper(self) -> f64 {
        self.v + self.e * (1.0 + 4.0 * ULP) + self.v.abs() * 2.0 * ULP
    }
}

/// The top 64 bits of |n| and the power of two they are scaled by.
fn top_bits(n: &BigInt) -> (f64, i64) {
    let bits = n.bits();
    let magnitude = n.magnitude();
    if bits <= 64 {
        (magnitude.to_u64().unwrap_or(0) as f64, 0)
    } else {
        let shift = bits - 64;
        ((magnitude >> shift).to_u64().unwrap_or(0) as f64, shift as i64)
    }
}

/// `n / d` as a float (d > 0), within a few units in the last place.
pub(super) fn ratio_f64(n: &BigInt, d: &BigInt) -> f64 {
    if n.is_zero() {
        return 0.0;
    }
    let (nm, ne) = top_bits(n);
    let (dm, de) = top_bits(d);
    let exponent = (ne - de).clamp(-2000, 2000) as i32;
    // Two steps so that an exponent beyond ±1023 with a compensating mantissa still works.
    let half = exponent / 2;
    let v = (nm / dm) * 2f64.powi(half) * 2f64.powi(exponent - half);
    if n.is_negative() { -v } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_hold_and_decide() {
        let third = Approx::from_ratio(&BigInt::from(1), &BigInt::from(3));
        let sum = third.add(third).add(third);
        assert_eq!(sum.cmp(Approx::from_ratio(&BigInt::from(1), &BigInt::from(1))), None);
        assert_eq!(
            sum.cmp(Approx::from_ratio(&BigInt::from(2), &BigInt::from(1))),
            Some(Ordering::Less)
        );
        assert!(sum.lower() <= 1.0 && sum.upper() >= 1.0);
        let big = BigInt::from(7) << 3000usize;
        let r = ratio_f64(&big, &(BigInt::from(2) << 3000usize));
        assert!((r - 3.5).abs() < 1e-12);
        let tiny = ratio_f64(&BigInt::from(1), &(BigInt::from(1) << 60usize));
        assert!((tiny - 2f64.powi(-60)).abs() < 1e-30);
        let lost = Approx::from_ratio(&BigInt::from(1), &(BigInt::from(1) << 5000usize));
        assert_eq!(lost.cmp(Approx::ZERO), None);
        let q = Approx::from_ratio(&BigInt::from(10), &BigInt::from(4))
            .div(third)
            .unwrap();
        assert!(q.lower() <= 7.5 && q.upper() >= 7.5);
        assert!(third.sub(third).div(Approx::ZERO).is_none());
    }
}
