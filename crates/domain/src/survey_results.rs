//! Figures of questionnaire results that need more than counting: number
//! statistics and the most frequent words of text answers (French stop
//! words removed). Choice counts, Borda points and majority judgement are
//! computed by the results service from answer counts and `majority`.

use std::collections::HashMap;

use serde::Serialize;

/// Minimum, median, mean and maximum of numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberStats {
    pub count: u64,
    pub min: i64,
    pub median: f64,
    pub mean: f64,
    pub max: i64,
}

/// The statistics of `values`; None when there are none. The median of an
/// even count is the mean of the two middle values.
pub fn number_stats(values: &[i64]) -> Option<NumberStats> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        ((i128::from(v[n / 2 - 1]) + i128::from(v[n / 2])) as f64) / 2.0
    };
    let sum: i128 = v.iter().map(|x| i128::from(*x)).sum();
    Some(NumberStats {
        count: n as u64,
        min: v[0],
        median,
        mean: sum as f64 / n as f64,
        max: v[n - 1],
    })
}

/// The `limit` most frequent words of `texts` (lower case, three letters or
/// more, no numbers, no French stop words), most frequent first, then in
/// alphabetical order.
pub fn word_frequencies(texts: &[&str], limit: usize) -> Vec<(String, u64)> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for t in texts {
        for w in crate::synthesis::plain_words(t) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn number_statistics() {
        let s = number_stats(&[4, 1, 3, 2]).unwrap();
        assert_eq!((s.count, s.min, s.max), (4, 1, 4));
        assert_eq!((s.median, s.mean), (2.5, 2.5));
        assert_eq!(number_stats(&[7]).unwrap().median, 7.0);
        assert!(number_stats(&[]).is_none());
        let big = number_stats(&[i64::MAX, i64::MAX]).unwrap();
        assert_eq!(big.median, i64::MAX as f64);
    }

    #[test]
    fn words_without_stop_words() {
        let w = word_frequencies(&["Des pistes cyclables et des pistes sûres", "Les pistes, 2026"], 2);
        assert_eq!(w, vec![("pistes".to_string(), 3), ("cyclables".to_string(), 1)]);
    }

    proptest! {
        #[test]
        fn never_panic(v in proptest::collection::vec(any::<i64>(), 0..20), t in proptest::collection::vec("\\PC{0,40}", 0..5)) {
            if let Some(s) = number_stats(&v) {
                prop_assert!(s.min as f64 <= s.median && s.median <= s.max as f64);
            }
            let texts: Vec<&str> = t.iter().map(String::as_str).collect();
            prop_assert!(word_frequencies(&texts, 5).len() <= 5);
        }
    }
}
