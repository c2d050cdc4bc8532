//! Exact numbers as pabutools reads them, and the natural id order of the
//! reference files.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

/// Reads a number the way gmpy2's `mpq(str)` does for the values found in
/// pabulib files: an optional sign, digits with an optional decimal point
/// (`400000.0`, `106165.64`, `.5`), an optional exponent (`1e3`), or a
/// fraction `a/b`. Surrounding whitespace is ignored. Returns `None` for
/// anything else (including a zero denominator).
pub fn parse_rational(s: &str) -> Option<BigRational> {
    let s = s.trim();
    if let Some((num, den)) = s.split_once('/') {
        let num = parse_integer(num.trim())?;
        let den = parse_integer(den.trim())?;
        if den.is_zero() {
            return None;
        }
        return Some(BigRational::new(num, den));
    }
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => {
            let exp = &rest[at + 1..];
            let exp_ok = exp
                .strip_prefix(['+', '-'])
                .unwrap_or(exp)
                .bytes()
                .all(|b| b.is_ascii_digit());
            if exp.is_empty() || !exp_ok || exp.len() > 6 {
                return None;
            }
            (&rest[..at], exp.parse::<i64>().ok()?)
        }
        None => (rest, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.bytes().chain(frac_part.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    let mut numer: BigInt = digits.parse().ok()?;
    if negative {
        numer = -numer;
    }
    let scale = exponent - frac_part.len() as i64;
    let ten = BigInt::from(10);
    let value = if scale >= 0 {
        BigRational::from_integer(numer * num_traits::pow(ten, scale as usize))
    } else {
        BigRational::new(numer, num_traits::pow(ten, (-scale) as usize))
    };
    Some(value)
}

fn parse_integer(s: &str) -> Option<BigInt> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

/// `12`, or `25/2` for a value that is not an integer (as `total_cost_exact`
/// is written in the reference files).
pub fn rational_to_string(value: &BigRational) -> String {
    if value.is_integer() {
        value.numer().to_string()
    } else {
        format!("{}/{}", value.numer(), value.denom())
    }
}

/// The nearest float, for display.
pub fn to_f64(value: &BigRational) -> f64 {
    if let (Some(n), Some(d)) = (value.numer().to_f64(), value.denom().to_f64())
        && n.is_finite()
        && d.is_finite()
    {
        return n / d;
    }
    // Very large numbers: scale both down by the same power of two.
    let shift = value.numer().bits().max(value.denom().bits()).saturating_sub(1000);
    let n = (value.numer() >> shift).to_f64().unwrap_or(0.0);
    let d = (value.denom() >> shift).to_f64().unwrap_or(1.0);
    if d == 0.0 {
        if value.is_positive() {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        }
    } else {
        n / d
    }
}

/// The natural order of the reference files' `selected` lists (Python
/// `natsort.natsorted` with its defaults): runs of ASCII digits compare as
/// numbers, everything else as text, and a string that starts with a digit
/// comes before one that starts with text. Equal keys ("08" and "8") fall
/// back to plain string order.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let ka = chunks(a);
    let kb = chunks(b);
    for (x, y) in ka.iter().zip(kb.iter()) {
        let o = match (x, y) {
            (Chunk::Num(x), Chunk::Num(y)) => cmp_digits(x, y),
            (Chunk::Text(x), Chunk::Text(y)) => x.cmp(y),
            // Only at the start: natsort puts an empty text chunk before a leading number.
            (Chunk::Num(_), Chunk::Text(_)) => Ordering::Less,
            (Chunk::Text(_), Chunk::Num(_)) => Ordering::Greater,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    ka.len().cmp(&kb.len()).then_with(|| a.cmp(b))
}

enum Chunk<'a> {
    Num(&'a str),
    Text(&'a str),
}

fn chunks(s: &str) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let digit = bytes[start].is_ascii_digit();
        let mut end = start + 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() == digit {
            end += 1;
        }
        let part = &s[start..end];
        out.push(if digit { Chunk::Num(part) } else { Chunk::Text(part) });
        start = end;
    }
    out
}

fn cmp_digits(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// `x.ceil()` without the library call that `f64::ceil` is on baseline
/// x86-64 (a tenth of the time of EES ADD-OPT when it was one).
pub(super) fn ceil(x: f64) -> f64 {
    // From 2^52 on every float is a whole number (and NaN stays NaN).
    if x.is_nan() || x.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    // Truncated toward zero (exact below 2^52): the ceiling of negatives.
    let whole = x as i64 as f64;
    if whole < x { whole + 1.0 } else { whole }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn ceil_without_the_library_call_is_ceil(x in prop::num::f64::ANY) {
            let (ours, std) = (ceil(x), x.ceil());
            prop_assert!(ours == std || (ours.is_nan() && std.is_nan()), "{} {} {}", x, ours, std);
        }
    }

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn reads_numbers_like_mpq() {
        assert_eq!(parse_rational("400000.0"), Some(q(400000, 1)));
        assert_eq!(parse_rational("106165.64"), Some(q(10616564, 100)));
        assert_eq!(parse_rational(" 12 "), Some(q(12, 1)));
        assert_eq!(parse_rational("-3"), Some(q(-3, 1)));
        assert_eq!(parse_rational(".5"), Some(q(1, 2)));
        assert_eq!(parse_rational("5."), Some(q(5, 1)));
        assert_eq!(parse_rational("1e3"), Some(q(1000, 1)));
        assert_eq!(parse_rational("2.5E-1"), Some(q(1, 4)));
        assert_eq!(parse_rational("3/6"), Some(q(1, 2)));
        for bad in ["", ".", "abc", "1,5", "1/0", "1e", "--1", "1.2.3", "e5", "1e9999999"] {
            assert_eq!(parse_rational(bad), None, "{bad}");
        }
    }

    #[test]
    fn natural_order() {
        let mut ids = vec!["10", "9", "P0008", "2022/OBL/0010", "2022/OBL/0009", "124-A", "A", "1"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            ids,
            vec!["1", "9", "10", "124-A", "2022/OBL/0009", "2022/OBL/0010", "A", "P0008"]
        );
    }

    #[test]
    fn strings_of_totals() {
        assert_eq!(rational_to_string(&q(99200, 1)), "99200");
        assert_eq!(rational_to_string(&q(25, 2)), "25/2");
        assert_eq!(to_f64(&q(25, 2)), 12.5);
    }
}
