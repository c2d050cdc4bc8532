//! The "territorial balance" counting rule, as cities such as Rennes use it:
//! the K projects with the most votes in each district are funded first, then
//! the rest by most votes.
//!
//! In plain words (the results page shows this text):
//!
//! 1. **Order.** Projects are ranked by number of votes (their score), most
//!    votes first. Projects with the same number of votes are ranked by their
//!    identifier, compared as text ("10" comes before "9"), as every other
//!    counting rule here does.
//! 2. **District round.** District by district, in alphabetical order of
//!    district name, the district's projects are taken in that ranking. A
//!    project is funded when fewer than K projects of its district have been
//!    funded so far, its cost fits in what is left of the total budget, and,
//!    when the district has its own envelope, its cost also fits in what is
//!    left of that envelope. A project that does not fit is passed over and
//!    the next one in the district is considered. Projects without a district
//!    take no part in this round.
//! 3. **City-wide round.** All projects not yet funded, from every district
//!    and without a district, are taken in the same ranking, and each one
//!    whose cost fits in what is left of the total budget is funded; the ones
//!    that do not fit are passed over. District envelopes no longer apply.
//!
//! With K = 0 the district round funds nothing, and the rule is the usual
//! "most votes first" greedy ([`greedy_by_score`]).
//!
//! Identifiers are expected to be unique; if one repeats, only its first item
//! counts. Costs and budgets are expected to be ≥ 0.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

/// A project as the rule sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub cost: i64,
    /// Number of votes (or points) the project received.
    pub score: i64,
    pub district: Option<String>,
}

/// Which round funded a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// Among the K best of its district.
    District,
    /// In the city-wide round that follows.
    CityWide,
}

/// A funded project and the round that funded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funded {
    pub id: String,
    pub round: Round,
}

/// Most votes first, ties by id in string order.
fn ranking(a: &Item, b: &Item) -> Ordering {
    b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id))
}

/// The territorial balance rule (see the module documentation): the funded
/// projects in the order they were funded, with the round that funded each.
pub fn territorial_rounds(
    items: &[Item],
    budget: i64,
    top_k: u32,
    district_envelopes: &BTreeMap<String, i64>,
) -> Vec<Funded> {
    // First occurrence of each id, in ranking order.
    let mut seen = HashSet::new();
    let mut ranked: Vec<&Item> = items.iter().filter(|i| seen.insert(i.id.as_str())).collect();
    ranked.sort_by(|a, b| ranking(a, b));

    let mut remaining = i128::from(budget);
    let mut funded = vec![false; ranked.len()];
    let mut out = Vec::new();

    if top_k > 0 {
        let mut by_district: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (at, item) in ranked.iter().enumerate() {
            if let Some(d) = &item.district {
                by_district.entry(d.as_str()).or_default().push(at);
            }
        }
        for (district, members) in by_district {
            let mut envelope = district_envelopes.get(district).map(|&e| i128::from(e));
            let mut count = 0u32;
            for at in members {
                if count >= top_k {
                    break;
                }
                let cost = i128::from(ranked[at].cost);
                if cost > remaining || envelope.is_some_and(|e| cost > e) {
                    continue;
                }
                remaining -= cost;
                if let Some(e) = envelope.as_mut() {
                    *e -= cost;
                }
                count += 1;
                funded[at] = true;
                out.push(Funded {
                    id: ranked[at].id.clone(),
                    round: Round::District,
                });
            }
        }
    }

    for (at, item) in ranked.iter().enumerate() {
        let cost = i128::from(item.cost);
        if funded[at] || cost > remaining {
            continue;
        }
        remaining -= cost;
        funded[at] = true;
        out.push(Funded {
            id: item.id.clone(),
            round: Round::CityWide,
        });
    }
    out
}

/// The territorial balance rule: the ids of the funded projects, in the order
/// they were funded (district round first, then the city-wide round).
pub fn territorial(items: &[Item], budget: i64, top_k: u32, district_envelopes: &BTreeMap<String, i64>) -> Vec<String> {
    territorial_rounds(items, budget, top_k, district_envelopes)
        .into_iter()
        .map(|f| f.id)
        .collect()
}

/// Most votes first (ties by id in string order), each project funded if it
/// fits in what is left of the budget, the others passed over. The same as
/// [`territorial`] with K = 0.
pub fn greedy_by_score(items: &[Item], budget: i64) -> Vec<String> {
    territorial(items, budget, 0, &BTreeMap::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(id: &str, cost: i64, score: i64, district: Option<&str>) -> Item {
        Item {
            id: id.to_string(),
            cost,
            score,
            district: district.map(str::to_string),
        }
    }

    fn envelopes(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(d, e)| (d.to_string(), *e)).collect()
    }

    /// Two districts and a city-wide project.
    fn city() -> Vec<Item> {
        vec![
            item("n1", 400, 90, Some("Nord")),
            item("n2", 300, 50, Some("Nord")),
            item("n3", 100, 40, Some("Nord")),
            item("s1", 500, 30, Some("Sud")),
            item("s2", 200, 20, Some("Sud")),
            item("c1", 600, 80, None),
        ]
    }

    #[test]
    fn district_round_then_city_wide() {
        // K = 1: Nord funds n1 (400), Sud funds s1 (500): 100 left.
        // City-wide by votes: c1 (600) no, n2 (300) no, n3 (100) yes, s2 (200) no.
        let got = territorial_rounds(&city(), 1000, 1, &BTreeMap::new());
        let want = [
            ("n1", Round::District),
            ("s1", Round::District),
            ("n3", Round::CityWide),
        ];
        assert_eq!(got.len(), want.len());
        for (f, (id, round)) in got.iter().zip(want) {
            assert_eq!((f.id.as_str(), f.round), (id, round));
        }
        // Plain greedy funds the city-wide c1 instead of the south's project.
        assert_eq!(greedy_by_score(&city(), 1000), ["n1", "c1"]);
        assert_eq!(territorial(&city(), 1000, 0, &BTreeMap::new()), ["n1", "c1"]);
    }

    #[test]
    fn ties_go_by_id_as_text() {
        let items = vec![
            item("9", 10, 5, Some("A")),
            item("10", 10, 5, Some("A")),
            item("b", 10, 5, None),
            item("a", 10, 5, None),
        ];
        // "10" < "9" as text.
        assert_eq!(territorial(&items, 20, 1, &BTreeMap::new()), ["10", "9"]);
        assert_eq!(greedy_by_score(&items, 30), ["10", "9", "a"]);
    }

    #[test]
    fn a_top_project_over_its_envelope_is_passed_over_in_the_district_round() {
        // Nord's envelope is 350: n1 (400) does not fit, n2 (300) does, then
        // n3 (100) no longer fits the 50 left of the envelope, though K = 2.
        let got = territorial(&city(), 2000, 2, &envelopes(&[("Nord", 350)]));
        // District round: n2; Sud (no envelope): s1, s2 (700). 2000 − 1000 = 1000 left.
        // City-wide: n1 (400) yes, c1 (600) yes, n3 (100) no.
        assert_eq!(got, ["n2", "s1", "s2", "n1", "c1"]);
        // An envelope for a district that has no project changes nothing.
        assert_eq!(
            territorial(&city(), 2000, 2, &envelopes(&[("Est", 0)])),
            territorial(&city(), 2000, 2, &BTreeMap::new())
        );
    }

    #[test]
    fn k_larger_than_a_district_funds_all_that_fit() {
        let got = territorial(&city(), 1500, 10, &BTreeMap::new());
        // Nord: n1 400, n2 300, n3 100 (800); Sud: s1 500 (1300), s2 200 (1500).
        assert_eq!(got, ["n1", "n2", "n3", "s1", "s2"]);
        // The global budget still binds in the district round.
        let got = territorial(&city(), 750, 10, &BTreeMap::new());
        assert_eq!(got, ["n1", "n2"]);
    }

    #[test]
    fn zero_budget_funds_only_free_projects() {
        assert!(territorial(&city(), 0, 3, &BTreeMap::new()).is_empty());
        let mut items = city();
        items.push(item("free", 0, 1, Some("Sud")));
        assert_eq!(territorial(&items, 0, 1, &BTreeMap::new()), ["free"]);
        assert_eq!(greedy_by_score(&items, 0), ["free"]);
    }

    #[test]
    fn a_repeated_id_counts_once() {
        let items = vec![item("x", 10, 9, Some("A")), item("x", 10, 9, Some("B"))];
        assert_eq!(territorial(&items, 100, 1, &BTreeMap::new()), ["x"]);
    }

    fn items_strategy() -> impl Strategy<Value = Vec<Item>> {
        prop::collection::vec(
            (
                0i64..500,
                0i64..20,
                prop::option::of(prop::sample::select(vec!["A", "B", "C"])),
            ),
            0..12,
        )
        .prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (cost, score, district))| item(&format!("p{i}"), cost, score, district))
                .collect()
        })
    }

    /// Greedy written independently: sort, then walk.
    fn plain_greedy(items: &[Item], budget: i64) -> Vec<String> {
        let mut sorted = items.to_vec();
        sorted.sort_by(|a, b| (-a.score, &a.id).cmp(&(-b.score, &b.id)));
        let mut left = budget;
        let mut out = Vec::new();
        for i in sorted {
            if i.cost <= left {
                left -= i.cost;
                out.push(i.id);
            }
        }
        out
    }

    proptest! {
        #[test]
        fn selections_fit_have_no_duplicates_and_k0_is_greedy(
            items in items_strategy(),
            budget in 0i64..2000,
            top_k in 0u32..4,
            env_a in prop::option::of(0i64..800),
        ) {
            let envs: BTreeMap<String, i64> = env_a.map(|e| ("A".to_string(), e)).into_iter().collect();
            let got = territorial_rounds(&items, budget, top_k, &envs);
            let cost_of = |id: &str| items.iter().find(|i| i.id == id).unwrap().cost;
            let total: i64 = got.iter().map(|f| cost_of(&f.id)).sum();
            prop_assert!(total <= budget);
            let ids: HashSet<&str> = got.iter().map(|f| f.id.as_str()).collect();
            prop_assert_eq!(ids.len(), got.len());
            // No district funds more than K in the district round, and its envelope holds there.
            for d in ["A", "B", "C"] {
                let in_d: Vec<&Funded> = got
                    .iter()
                    .filter(|f| f.round == Round::District)
                    .filter(|f| items.iter().any(|i| i.id == f.id && i.district.as_deref() == Some(d)))
                    .collect();
                prop_assert!(in_d.len() <= top_k as usize);
                if let Some(e) = envs.get(d) {
                    prop_assert!(in_d.iter().map(|f| cost_of(&f.id)).sum::<i64>() <= *e);
                }
            }
            prop_assert_eq!(territorial(&items, budget, 0, &envs), plain_greedy(&items, budget));
            prop_assert_eq!(greedy_by_score(&items, budget), plain_greedy(&items, budget));
        }
    }
}
