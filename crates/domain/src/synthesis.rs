//! Grouping the contributions of a consultation by similarity, for the
//! organisers' synthesis: French-aware TF-IDF vectors (Snowball stemming,
//! ISO stop words) clustered by spherical k-means with a seeded, repeatable
//! k-means++ start. Every text lands in exactly one group; texts with no
//! meaningful word form a group of their own.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The most groups a first grouping proposes (organisers merge and split).
pub const MAX_GROUPS: usize = 40;

static STOP_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    stop_words::get(stop_words::LANGUAGE::French)
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
});

/// A group: the indices of its texts (ascending) and up to three words that
/// characterise it (empty for the texts without meaningful words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<usize>,
    pub keywords: Vec<String>,
}

/// Words of a text, lower-cased, without stop words, numbers or words of
/// fewer than three letters; each with its stem.
fn words(text: &str, stemmer: &Stemmer) -> Vec<(String, String)> {
    plain_words(text).map(|w| (stemmer.stem(&w).into_owned(), w)).collect()
}

/// Words of a text, lower-cased, without stop words, numbers or words of
/// fewer than three letters (for word counts).
pub(crate) fn plain_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(w))
}

/// A tiny repeatable generator (xorshift64*), so that the same texts always
/// give the same groups.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, dense: &[f32]) -> f32 {
    a.iter().map(|(i, w)| w * dense[*i as usize]).sum()
}

fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Groups `texts` by similarity into about √(n/2) groups (at most
/// `MAX_GROUPS`), largest first.
pub fn group(texts: &[&str]) -> Vec<Group> {
    let stemmer = Stemmer::create(Algorithm::French);
    let n = texts.len();
    // Terms per text, the vocabulary, document frequencies and, for labels,
    // the most frequent spelling of each stem.
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut spellings: Vec<HashMap<String, u32>> = Vec::new();
    let mut df: Vec<u32> = Vec::new();
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    for t in texts {
        let mut local: HashMap<u32, u32> = HashMap::new();
        for (stem, word) in words(t, &stemmer) {
            let next = vocab.len() as u32;
            let id = *vocab.entry(stem).or_insert(next);
            if id as usize == spellings.len() {
                spellings.push(HashMap::new());
                df.push(0);
            }
            *spellings[id as usize].entry(word).or_insert(0) += 1;
            *local.entry(id).or_insert(0) += 1;
        }
        for id in local.keys() {
            df[*id as usize] += 1;
        }
        let mut v: Vec<(u32, u32)> = local.into_iter().collect();
        v.sort_unstable();
        counts.push(v);
    }
    // TF-IDF, unit length; terms in one text only say nothing of similarity
    // (kept for tiny sets, where every word counts).
    let min_df = if n > 50 { 2 } else { 1 };
    let vectors: Vec<Sparse> = counts
        .iter()
        .map(|c| {
            let mut v: Sparse = c
                .iter()
                .filter(|(id, _)| df[*id as usize] >= min_df)
                .map(|(id, tf)| {
                    let idf = ((n as f32 + 1.0) / (df[*id as usize] as f32 + 1.0)).ln() + 1.0;
                    (*id, (1.0 + (*tf as f32).ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            v.iter_mut().for_each(|(_, w)| *w /= norm.max(f32::MIN_POSITIVE));
            v
        })
        .collect();
    let meaningful: Vec<usize> = (0..n).filter(|&i| !vectors[i].is_empty()).collect();
    let empty: Vec<usize> = (0..n).filter(|&i| vectors[i].is_empty()).collect();
    let dims = vocab.len();
    let k = (((meaningful.len() as f64) / 2.0).sqrt().round() as usize)
        .clamp(1, MAX_GROUPS)
        .min(meaningful.len());

    let mut groups = Vec::new();
    if k > 0 {
        let assignment = kmeans(&vectors, &meaningful, k, dims);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
        for (pos, &doc) in meaningful.iter().enumerate() {
            members[assignment[pos]].push(doc);
        }
        for m in members.into_iter().filter(|m| !m.is_empty()) {
            let mut centroid = vec![0f32; dims];
            for &d in &m {
                for (i, w) in &vectors[d] {
                    centroid[*i as usize] += w;
                }
            }
            let mut top: Vec<(usize, f32)> = centroid.iter().copied().enumerate().filter(|(_, w)| *w > 0.0).collect();
            top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let keywords = top
                .iter()
                .take(3)
                .filter_map(|(i, _)| {
                    spellings[*i]
                        .iter()
                        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        .map(|(w, _)| w.clone())
                })
                .collect();
            groups.push(Group { members: m, keywords });
        }
    }
    if !empty.is_empty() {
        groups.push(Group {
            members: empty,
            keywords: Vec::new(),
        });
    }
    groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members[0].cmp(&b.members[0]))
    });
    groups
}

/// Spherical k-means over the `docs` (indices into `vectors`); returns the
/// cluster of each, in the order of `docs`.
fn kmeans(vectors: &[Sparse], docs: &[usize], k: usize, dims: usize) -> Vec<usize> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ docs.len() as u64);
    // k-means++ start: each new centre drawn with a chance proportional to
    // how far a text is from the centres chosen so far.
    let mut centres: Vec<Vec<f32>> = Vec::with_capacity(k);
    let mut closest = vec![0f32; docs.len()];
    let mut pick = 0usize;
    for c in 0..k {
        let mut centre = vec![0f32; dims];
        for (i, w) in &vectors[docs[pick]] {
            centre[*i as usize] = *w;
        }
        for (pos, &d) in docs.iter().enumerate() {
            let s = dot(&vectors[d], &centre);
            closest[pos] = if c == 0 { s } else { closest[pos].max(s) };
        }
        centres.push(centre);
        let weights: Vec<f64> = closest.iter().map(|s| f64::from((1.0 - s).max(0.0))).collect();
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            break;
        }
        let mut target = rng.next_f64() * total;
        pick = weights.len() - 1;
        for (pos, w) in weights.iter().enumerate() {
            if target < *w {
                pick = pos;
                break;
            }
            target -= w;
        }
    }
    let k = centres.len();
    let mut assignment = vec![usize::MAX; docs.len()];
    for _ in 0..30 {
        let mut changed = false;
        for (pos, &d) in docs.iter().enumerate() {
            let mut best = (0usize, f32::MIN);
            for (c, centre) in centres.iter().enumerate() {
                let s = dot(&vectors[d], centre);
                if s > best.1 {
                    best = (c, s);
                }
            }
            if assignment[pos] != best.0 {
                assignment[pos] = best.0;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        for centre in centres.iter_mut() {
            centre.iter_mut().for_each(|x| *x = 0.0);
        }
        for (pos, &d) in docs.iter().enumerate() {
            for (i, w) in &vectors[d] {
                centres[assignment[pos]][*i as usize] += w;
            }
        }
        for centre in centres.iter_mut() {
            normalise(centre);
        }
    }
    assignment.iter_mut().for_each(|a| *a = (*a).min(k - 1));
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn similar_texts_group_together() {
        let texts = [
            "Créer des pistes cyclables sécurisées",
            "Plus de pistes cyclables protégées",
            "Des arceaux vélo devant les écoles",
            "Des arceaux pour garer les vélos",
            "Rénover les logements sociaux",
            "Isoler les logements anciens",
            "Des logements rénovés et isolés",
            "Planter des arbres dans les cours d'école",
            "et ou mais",
        ];
        let groups = group(&texts);
        let of = |i: usize| groups.iter().position(|g| g.members.contains(&i)).unwrap();
        assert_eq!(of(0), of(1));
        assert_eq!(of(4), of(5));
        assert_eq!(of(5), of(6));
        assert_ne!(of(0), of(4));
        let empty = groups.iter().find(|g| g.keywords.is_empty()).unwrap();
        assert_eq!(empty.members, vec![8]);
        assert!(groups[of(4)].keywords.iter().any(|k| k.starts_with("logement")));
        assert_eq!(group(&texts), groups, "repeatable");
        assert!(group(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn every_text_in_exactly_one_group(texts in proptest::collection::vec("[a-zéè ]{0,60}", 0..80)) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let groups = group(&refs);
            let mut seen: Vec<usize> = groups.iter().flat_map(|g| g.members.clone()).collect();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..texts.len()).collect::<Vec<_>>());
            prop_assert!(groups.iter().all(|g| !g.members.is_empty()));
        }
    }
}
