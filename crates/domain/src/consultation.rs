//! Consultation on a text: sections and their options, contributions
//! ("opinions"), amendments, arguments, sources and the agree / mixed /
//! disagree votes.

use crate::{FieldErrors, colour, text};

/// Longest body of a contribution, an amendment or an article (characters).
pub const MAX_BODY: usize = 20_000;
/// Longest argument.
pub const MAX_ARGUMENT: usize = 3_000;
/// Longest description of a source or help text of a section.
pub const MAX_DESCRIPTION: usize = 2_000;

/// Which vote a section's contributions offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum VoteWidget {
    None,
    AgreeOnly,
    Full,
}

impl VoteWidget {
    pub const ALL: [VoteWidget; 3] = [VoteWidget::None, VoteWidget::AgreeOnly, VoteWidget::Full];

    pub fn as_str(self) -> &'static str {
        match self {
            VoteWidget::None => "none",
            VoteWidget::AgreeOnly => "agree",
            VoteWidget::Full => "agree_mixed_disagree",
        }
    }

    pub fn parse(s: &str) -> Result<VoteWidget, &'static str> {
        VoteWidget::ALL
            .into_iter()
            .find(|w| w.as_str() == s)
            .ok_or("error-choice-unknown")
    }

    /// Whether this widget accepts `vote`.
    pub fn accepts(self, vote: OpinionVote) -> bool {
        match self {
            VoteWidget::None => false,
            VoteWidget::AgreeOnly => vote == OpinionVote::Agree,
            VoteWidget::Full => true,
        }
    }
}

/// How a section lists its contributions by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpinionSort {
    Position,
    Random,
    Newest,
    Oldest,
    Favourable,
    MostVotes,
    MostArguments,
}

impl OpinionSort {
    pub const ALL: [OpinionSort; 7] = [
        OpinionSort::Position,
        OpinionSort::Random,
        OpinionSort::Newest,
        OpinionSort::Oldest,
        OpinionSort::Favourable,
        OpinionSort::MostVotes,
        OpinionSort::MostArguments,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OpinionSort::Position => "position",
            OpinionSort::Random => "random",
            OpinionSort::Newest => "newest",
            OpinionSort::Oldest => "oldest",
            OpinionSort::Favourable => "favourable",
            OpinionSort::MostVotes => "votes",
            OpinionSort::MostArguments => "arguments",
        }
    }

    pub fn parse(s: &str) -> Result<OpinionSort, &'static str> {
        OpinionSort::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .ok_or("error-choice-unknown")
    }
}

/// A participant's opinion of a contribution or an amendment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum OpinionVote {
    Agree,
    Mixed,
    Disagree,
}

impl OpinionVote {
    pub const ALL: [OpinionVote; 3] = [OpinionVote::Agree, OpinionVote::Mixed, OpinionVote::Disagree];

    pub fn as_str(self) -> &'static str {
        match self {
            OpinionVote::Agree => "agree",
            OpinionVote::Mixed => "mixed",
            OpinionVote::Disagree => "disagree",
        }
    }

    pub fn parse(s: &str) -> Result<OpinionVote, &'static str> {
        OpinionVote::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or("error-choice-unknown")
    }
}

/// The counts of the three votes, and their shares in whole per cent that
/// add up to 100 (largest remainders), for the bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct VoteCounts {
    pub agree: i64,
    pub mixed: i64,
    pub disagree: i64,
}

impl VoteCounts {
    pub fn total(&self) -> i64 {
        self.agree + self.mixed + self.disagree
    }

    /// Shares of agree, mixed and disagree in per cent; all zero without votes.
    pub fn shares(&self) -> [i64; 3] {
        let total = self.total();
        if total <= 0 {
            return [0; 3];
        }
        let counts = [self.agree, self.mixed, self.disagree];
        let mut shares = counts.map(|c| c * 100 / total);
        let mut rest: Vec<(i64, usize)> = counts.iter().enumerate().map(|(i, c)| (c * 100 % total, i)).collect();
        // Largest remainder first; ties go to the earlier position.
        rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let missing = 100 - shares.iter().sum::<i64>();
        for (_, i) in rest.into_iter().take(missing.max(0) as usize) {
            shares[i] += 1;
        }
        shares
    }
}

/// Which side an argument takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Side {
    For,
    Against,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::For => "for",
            Side::Against => "against",
        }
    }

    pub fn parse(s: &str) -> Result<Side, &'static str> {
        match s {
            "for" => Ok(Side::For),
            "against" => Ok(Side::Against),
            _ => Err("error-choice-unknown"),
        }
    }
}

/// A section's title, texts and options, as managers fill them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionInput {
    pub title: String,
    pub subtitle: String,
    pub help: String,
    /// `#rrggbb`, or empty for none.
    pub colour: String,
    pub contributions_open: bool,
    pub amendments_allowed: bool,
    pub sources_allowed: bool,
    pub arguments_allowed: bool,
    pub vote_widget: VoteWidget,
    /// Votes wanted, shown as a progress bar; none when absent.
    pub votes_threshold: Option<i64>,
    pub default_sort: OpinionSort,
}

impl SectionInput {
    /// A section with every participation option on, as the import makes them.
    pub fn titled(title: String) -> SectionInput {
        SectionInput {
            title,
            subtitle: String::new(),
            help: String::new(),
            colour: String::new(),
            contributions_open: true,
            amendments_allowed: true,
            sources_allowed: true,
            arguments_allowed: true,
            vote_widget: VoteWidget::Full,
            votes_threshold: None,
            default_sort: OpinionSort::Position,
        }
    }
}

/// A section form as submitted (check boxes are present when ticked).
#[derive(Debug, Default, Clone, Copy)]
pub struct RawSection<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub help: &'a str,
    pub colour: &'a str,
    pub contributions_open: bool,
    pub amendments_allowed: bool,
    pub sources_allowed: bool,
    pub arguments_allowed: bool,
    pub vote_widget: &'a str,
    pub votes_threshold: &'a str,
    pub default_sort: &'a str,
}

impl SectionInput {
    pub fn parse(raw: &RawSection) -> Result<SectionInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::title(raw.title));
        let subtitle = e.check("subtitle", short(raw.subtitle, text::MAX_TITLE));
        let help = e.check("help", text::long_text(raw.help, MAX_DESCRIPTION));
        let colour = e.check("colour", optional_colour(raw.colour));
        let vote_widget = e.check("vote_widget", VoteWidget::parse(raw.vote_widget));
        let default_sort = e.check("default_sort", OpinionSort::parse(raw.default_sort));
        let votes_threshold = e.check("votes_threshold", threshold(raw.votes_threshold));
        e.into_result(|| SectionInput {
            title: title.unwrap_or_default(),
            subtitle: subtitle.unwrap_or_default(),
            help: help.unwrap_or_default(),
            colour: colour.unwrap_or_default(),
            contributions_open: raw.contributions_open,
            amendments_allowed: raw.amendments_allowed,
            sources_allowed: raw.sources_allowed,
            arguments_allowed: raw.arguments_allowed,
            vote_widget: vote_widget.unwrap_or(VoteWidget::Full),
            votes_threshold: votes_threshold.flatten(),
            default_sort: default_sort.unwrap_or(OpinionSort::Position),
        })
    }
}

/// One line of at most `max` characters; empty is fine.
fn short(s: &str, max: usize) -> Result<String, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        Ok(String::new())
    } else {
        text::title(t).and_then(|t| {
            if t.chars().count() > max {
                Err("error-title-too-long")
            } else {
                Ok(t)
            }
        })
    }
}

fn optional_colour(s: &str) -> Result<String, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        Ok(String::new())
    } else {
        colour::Rgb::parse(t).map(|c| c.to_hex())
    }
}

fn threshold(s: &str) -> Result<Option<i64>, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=10_000_000).contains(&n) => Ok(Some(n)),
        _ => Err("error-number-range"),
    }
}

/// A contribution or an article: title, body and optional appendix
/// ("exposé des motifs"), both bodies in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionInput {
    pub title: String,
    pub body: String,
    pub appendix: String,
}

impl OpinionInput {
    pub fn parse(title: &str, body: &str, appendix: &str) -> Result<OpinionInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::title(title));
        let body = e.check("body", required_long(body, MAX_BODY));
        let appendix = e.check("appendix", text::long_text(appendix, MAX_BODY));
        e.into_result(|| OpinionInput {
            title: title.unwrap_or_default(),
            body: body.unwrap_or_default(),
            appendix: appendix.unwrap_or_default(),
        })
    }
}

/// An amendment: the whole proposed text and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentInput {
    pub title: String,
    pub body: String,
    pub justification: String,
}

impl AmendmentInput {
    /// Refuses a text identical to the current one: an amendment must change something.
    pub fn parse(title: &str, body: &str, justification: &str, current: &str) -> Result<AmendmentInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::title(title));
        let body = e.check("body", required_long(body, MAX_BODY));
        if body.as_deref().is_some_and(|b| b.trim() == current.trim()) {
            e.add("body", "error-amendment-unchanged");
        }
        let justification = e.check("justification", required_long(justification, MAX_DESCRIPTION));
        e.into_result(|| AmendmentInput {
            title: title.unwrap_or_default(),
            body: body.unwrap_or_default(),
            justification: justification.unwrap_or_default(),
        })
    }
}

fn required_long(s: &str, max: usize) -> Result<String, &'static str> {
    let t = text::long_text(s, max)?;
    if t.is_empty() { Err("error-required") } else { Ok(t) }
}

/// An argument: its side and text.
pub fn parse_argument(side: &str, body: &str) -> Result<(Side, String), FieldErrors> {
    let mut e = FieldErrors::new();
    let side = e.check("side", Side::parse(side));
    let body = e.check("body", required_long(body, MAX_ARGUMENT));
    e.into_result(|| (side.unwrap_or(Side::For), body.unwrap_or_default()))
}

/// A source: title, an http(s) link, a description and a category id
/// (empty for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInput {
    pub title: String,
    pub url: String,
    pub description: String,
    pub category_id: Option<i64>,
}

impl SourceInput {
    pub fn parse(title: &str, url: &str, description: &str, category: &str) -> Result<SourceInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::title(title));
        let url = e.check("url", web_link(url));
        let description = e.check("description", text::long_text(description, MAX_DESCRIPTION));
        let category_id = match category.trim() {
            "" => None,
            c => e.check("category", c.parse::<i64>().map_err(|_| "error-choice-unknown")),
        };
        e.into_result(|| SourceInput {
            title: title.unwrap_or_default(),
            url: url.unwrap_or_default(),
            description: description.unwrap_or_default(),
            category_id,
        })
    }
}

/// A link to the web: `http://` or `https://`, a host, no spaces or
/// control characters, at most 2,000 characters.
pub fn web_link(s: &str) -> Result<String, &'static str> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("error-link-scheme")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with('@') || t.len() > 2000 {
        return Err("error-link-invalid");
    }
    if t.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err("error-link-invalid");
    }
    Ok(t.to_string())
}

/// Whether a section's threshold bar is full: the share reached, capped at 100.
pub fn threshold_progress(votes: i64, threshold: Option<i64>) -> Option<i64> {
    threshold.filter(|t| *t > 0).map(|t| (votes.max(0) * 100 / t).min(100))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vote_widgets_accept_their_votes() {
        assert!(!VoteWidget::None.accepts(OpinionVote::Agree));
        assert!(VoteWidget::AgreeOnly.accepts(OpinionVote::Agree));
        assert!(!VoteWidget::AgreeOnly.accepts(OpinionVote::Mixed));
        assert!(VoteWidget::Full.accepts(OpinionVote::Disagree));
        assert_eq!(OpinionVote::parse("yes"), Err("error-choice-unknown"));
        for w in VoteWidget::ALL {
            assert_eq!(VoteWidget::parse(w.as_str()), Ok(w));
        }
        for s in OpinionSort::ALL {
            assert_eq!(OpinionSort::parse(s.as_str()), Ok(s));
        }
    }

    #[test]
    fn shares_add_up_to_a_hundred() {
        let c = VoteCounts {
            agree: 1,
            mixed: 1,
            disagree: 1,
        };
        assert_eq!(c.shares(), [34, 33, 33]);
        assert_eq!(VoteCounts::default().shares(), [0, 0, 0]);
        let c = VoteCounts {
            agree: 2,
            mixed: 0,
            disagree: 1,
        };
        assert_eq!(c.shares(), [67, 0, 33]);
    }

    #[test]
    fn sections_are_checked() {
        let raw = RawSection {
            title: "Titre I",
            vote_widget: "agree_mixed_disagree",
            default_sort: "newest",
            votes_threshold: "50",
            colour: "#1a7f37",
            ..Default::default()
        };
        let s = SectionInput::parse(&raw).unwrap();
        assert_eq!(s.votes_threshold, Some(50));
        assert_eq!(s.default_sort, OpinionSort::Newest);
        let bad = RawSection {
            title: "",
            vote_widget: "maybe",
            default_sort: "best",
            votes_threshold: "-3",
            colour: "blue",
            ..Default::default()
        };
        let e = SectionInput::parse(&bad).unwrap_err();
        for f in ["title", "vote_widget", "default_sort", "votes_threshold", "colour"] {
            assert!(e.has(f), "{f}");
        }
    }

    #[test]
    fn links_are_http_only() {
        assert!(web_link("https://www.legifrance.gouv.fr/loi?id=1").is_ok());
        assert_eq!(web_link("javascript:alert(1)"), Err("error-link-scheme"));
        assert_eq!(web_link("ftp://x.org"), Err("error-link-scheme"));
        assert_eq!(web_link("https://"), Err("error-link-invalid"));
        assert_eq!(web_link("https://a.org/x y"), Err("error-link-invalid"));
        assert!(
            SourceInput::parse("Rapport", "http://a.org", "", "x")
                .unwrap_err()
                .has("category")
        );
    }

    #[test]
    fn amendments_must_change_the_text() {
        let e = AmendmentInput::parse("Modifier", " Le texte. ", "Parce que", "Le texte.").unwrap_err();
        assert!(e.has("body"));
        assert!(AmendmentInput::parse("Modifier", "Le nouveau texte.", "Parce que", "Le texte.").is_ok());
        assert!(parse_argument("neutral", "x").unwrap_err().has("side"));
        assert_eq!(threshold_progress(30, Some(20)), Some(100));
        assert_eq!(threshold_progress(5, Some(20)), Some(25));
        assert_eq!(threshold_progress(5, None), None);
    }

    proptest! {
        #[test]
        fn shares_always_sum_to_a_hundred(a in 0i64..10_000, m in 0i64..10_000, d in 0i64..10_000) {
            let c = VoteCounts { agree: a, mixed: m, disagree: d };
            let s = c.shares();
            prop_assert_eq!(s.iter().sum::<i64>(), if c.total() == 0 { 0 } else { 100 });
        }

        #[test]
        fn parsers_never_panic(a in "\\PC{0,40}", b in "\\PC{0,40}") {
            let _ = web_link(&a);
            let _ = parse_argument(&a, &b);
            let _ = SourceInput::parse(&a, &b, &a, &b);
            let _ = AmendmentInput::parse(&a, &b, &a, &b);
        }
    }
}
