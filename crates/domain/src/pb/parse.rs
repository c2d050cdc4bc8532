//! The pabulib `.pb` parser.
//!
//! A `.pb` file is `;`-separated CSV in three sections, each opened by a
//! title row (`META`, `PROJECTS`, `VOTES`) followed by a header row. This
//! reads it as pabutools' `parse_pabulib` does (Python's `str.splitlines`,
//! then `csv.reader(delimiter=";")`): a BOM is allowed, quoted fields may hold
//! `;` and `""`, empty rows are skipped, cells reading `none` are dropped,
//! costs and the budget may be decimals (with `,` or `.`), and ids are
//! strings. Unlike pabutools it reports problems as errors with a line number
//! instead of raising, and it is lenient where that cannot change a result:
//! sections may come in any order, spaces around ids in `vote` are ignored,
//! and a missing `vote` cell is an empty ballot.

use std::fmt;

use num_rational::BigRational;
use num_traits::Signed;

use super::numbers::parse_rational;
use super::{Ballots, Election, Project, VoteType};

/// A problem in a `.pb` text. `line` is 1-based (0 when the problem is not
/// tied to a line, such as a missing section).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

fn error(line: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        message: message.into(),
    }
}

/// One CSV record and the line it starts on.
struct Record {
    line: usize,
    cells: Vec<String>,
}

/// Python's `str.splitlines()`: the line boundaries it knows, line endings dropped.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            // The boundary's length in bytes, if one starts at `i` (the text
            // is UTF-8: these byte patterns are only ever these characters).
            let width = match bytes[i] {
                b'\n' | b'\r' | 0x0b | 0x0c | 0x1c | 0x1d | 0x1e => 1,
                0xc2 if bytes.get(i + 1) == Some(&0x85) => 2,
                0xe2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) => 3,
                _ => 0,
            };
            if width == 0 {
                i += 1;
                continue;
            }
            let line = &text[start..i];
            // "\r\n" is one boundary.
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                width
            };
            start = i;
            return Some(line);
        }
        if start < text.len() {
            let line = &text[start..];
            start = text.len();
            return Some(line);
        }
        None
    })
}

/// Python's `csv.reader(lines, delimiter=";")` (excel dialect, not strict):
/// a `"` opens a quoted field only at the start of a field, `""` inside one is
/// a quote, text after a closing quote is kept, and a quoted field that runs
/// past the end of a line continues on the next one (joined without the line
/// break, as the reader sees lines without their endings). An empty line
/// gives an empty record. A quoted field still open at the end of the text is
/// an error.
fn read_records(text: &str) -> Records<'_> {
    Records {
        lines: Box::new(split_lines(text).enumerate()),
        failed: false,
    }
}

/// The records of [`read_records`], one at a time, so that a file's rows are
/// never all held as strings at once.
struct Records<'a> {
    lines: Box<dyn Iterator<Item = (usize, &'a str)> + 'a>,
    failed: bool,
}

impl Iterator for Records<'_> {
    type Item = Result<Record, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        #[derive(PartialEq)]
        enum State {
            StartField,
            InField,
            InQuoted,
            QuoteInQuoted,
        }
        if self.failed {
            return None;
        }
        let mut cells: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut state = State::StartField;
        let mut record_line = 0;
        let mut in_record = false;
        for (index, line) in self.lines.by_ref() {
            let line_no = index + 1;
            if !in_record {
                record_line = line_no;
                in_record = true;
                state = State::StartField;
                if line.is_empty() {
                    return Some(Ok(Record {
                        line: line_no,
                        cells: Vec::new(),
                    }));
                }
            }
            for c in line.chars() {
                match state {
                    State::StartField => match c {
                        '"' => state = State::InQuoted,
                        ';' => cells.push(String::new()),
                        _ => {
                            field.push(c);
                            state = State::InField;
                        }
                    },
                    State::InField => {
                        if c == ';' {
                            cells.push(std::mem::take(&mut field));
                            state = State::StartField;
                        } else {
                            field.push(c);
                        }
                    }
                    State::InQuoted => {
                        if c == '"' {
                            state = State::QuoteInQuoted;
                        } else {
                            field.push(c);
                        }
                    }
                    State::QuoteInQuoted => match c {
                        '"' => {
                            field.push('"');
                            state = State::InQuoted;
                        }
                        ';' => {
                            cells.push(std::mem::take(&mut field));
                            state = State::StartField;
                        }
                        _ => {
                            field.push(c);
                            state = State::InField;
                        }
                    },
                }
            }
            if state == State::InQuoted {
                continue; // the quoted field goes on on the next line
            }
            cells.push(field);
            return Some(Ok(Record {
                line: record_line,
                cells,
            }));
        }
        if in_record {
            self.failed = true;
            return Some(Err(error(
                record_line,
                "a quoted field opened here is never closed (missing '\"')",
            )));
        }
        None
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Meta,
    Projects,
    Votes,
}

/// A data row with the header of its section, cells with value `none` dropped.
struct Row {
    line: usize,
    /// (column name, value), both trimmed.
    cells: Vec<(String, String)>,
    /// The first cell, trimmed (the project id in PROJECTS), even if `none`;
    /// empty where the first column is not kept.
    first: String,
}

impl Row {
    fn get(&self, key: &str) -> Option<&str> {
        // A repeated column keeps its last value, as pabutools' dict does.
        self.cells.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// The columns of a VOTES row that [`read_votes`] reads: the others are
/// not kept, so a large file's rows cost one or two strings each.
const VOTE_COLUMNS: &[&str] = &["vote", "points"];

fn make_row(record: Record, header: &[String], section: &str) -> Result<Row, ParseError> {
    make_row_of(record, header, section, |_| true)
}

fn make_row_of(
    record: Record,
    header: &[String],
    section: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Row, ParseError> {
    if record.cells.len() > header.len() {
        return Err(error(
            record.line,
            format!(
                "{section} row has {} cells but the header has {} columns",
                record.cells.len(),
                header.len()
            ),
        ));
    }
    // The first cell only where its column is kept (not a voter's id).
    let first = match (record.cells.first(), header.first()) {
        (Some(cell), Some(column)) if keep(column) => cell.trim().to_string(),
        _ => String::new(),
    };
    let cells = record
        .cells
        .into_iter()
        .zip(header)
        .filter(|(_, key)| keep(key))
        .map(|(value, key)| (key.clone(), value.trim().to_string()))
        .filter(|(_, value)| !value.eq_ignore_ascii_case("none"))
        .collect();
    Ok(Row {
        line: record.line,
        cells,
        first,
    })
}

/// Parses the text of a `.pb` file.
pub fn parse(text: &str) -> Result<Election, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut project_rows: Vec<Row> = Vec::new();
    let mut vote_rows: Vec<Row> = Vec::new();
    let mut section = Section::None;
    let mut header: Vec<String> = Vec::new();
    let mut seen = [false; 3];
    // The election and its ballots so far, once META and PROJECTS are read.
    let mut streamed: Option<(Election, VotesReader)> = None;

    let mut records = read_records(text);
    while let Some(record) = records.next() {
        let record = record?;
        if is_blank(&record) {
            continue;
        }
        // pabutools compares the first cell, stripped and lowercased, with the titles.
        let first = record.cells[0].trim();
        let title = [
            ("META", Section::Meta),
            ("PROJECTS", Section::Projects),
            ("VOTES", Section::Votes),
        ]
        .into_iter()
        .find(|(title, _)| first.eq_ignore_ascii_case(title));
        if let Some((title, next_section)) = title {
            let slot = next_section as usize - 1;
            if seen[slot] {
                return Err(error(record.line, format!("second {title} section")));
            }
            seen[slot] = true;
            section = next_section;
            let head = records
                .by_ref()
                .find(|r| !matches!(r, Ok(r) if is_blank(r)))
                .ok_or_else(|| error(record.line, format!("the {title} section has no header row")))??;
            header = head.cells.iter().map(|c| c.trim().to_string()).collect();
            if next_section == Section::Votes
                && seen[Section::Meta as usize - 1]
                && seen[Section::Projects as usize - 1]
                && essentials(&meta).is_ok()
            {
                // META and PROJECTS are complete (the usual order): read
                // each ballot as it comes instead of keeping its row.
                let election = without_ballots(meta.clone(), std::mem::take(&mut project_rows))?;
                streamed = Some((election, VotesReader::default()));
            }
            continue;
        }
        match section {
            Section::None => {
                return Err(error(
                    record.line,
                    "data before any section: the file must start with META, PROJECTS or VOTES",
                ));
            }
            Section::Meta => {
                if record.cells.len() < 2 {
                    return Err(error(
                        record.line,
                        "a META row needs a key and a value separated by ';'",
                    ));
                }
                let key = record.cells[0].trim().to_string();
                let value = record.cells[1].trim().to_string();
                meta.retain(|(k, _)| *k != key);
                meta.push((key, value));
            }
            Section::Projects => project_rows.push(make_row(record, &header, "PROJECTS")?),
            Section::Votes => {
                let row = make_row_of(record, &header, "VOTES", |key| VOTE_COLUMNS.contains(&key))?;
                match &mut streamed {
                    Some((election, ballots)) => ballots.read(election, &row)?,
                    None => vote_rows.push(row),
                }
            }
        }
    }

    let mut election = match streamed {
        Some((mut election, ballots)) => {
            ballots.store(&mut election);
            election.meta = meta;
            election
        }
        None => {
            let mut election = without_ballots(meta, project_rows)?;
            read_votes(&mut election, vote_rows)?;
            election
        }
    };

    if let Some(n) = election.meta_value("num_votes")
        && n.parse::<usize>().ok() != Some(election.ballots.len())
    {
        election.warnings.push(format!(
            "META num_votes is {n} but VOTES has {} rows",
            election.ballots.len()
        ));
    }
    if let Some(n) = election.meta_value("num_projects")
        && n.parse::<usize>().ok() != Some(election.projects.len())
    {
        election.warnings.push(format!(
            "META num_projects is {n} but PROJECTS has {} distinct ids",
            election.projects.len()
        ));
    }
    Ok(election)
}

/// The election of this META section (whose vote type and budget it
/// reads) and these PROJECTS rows, without ballots.
fn without_ballots(meta: Vec<(String, String)>, project_rows: Vec<Row>) -> Result<Election, ParseError> {
    let (vote_type, budget) = essentials(&meta)?;
    let mut warnings = Vec::new();
    let projects = read_projects(project_rows, &mut warnings)?;
    Ok(Election {
        meta,
        vote_type,
        budget,
        projects,
        ballots: Ballots::new(),
        points: None,
        warnings,
    })
}

/// The vote type and budget of the META section.
fn essentials(meta: &[(String, String)]) -> Result<(VoteType, BigRational), ParseError> {
    let meta_get = |key: &str| meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let vote_type_text = meta_get("vote_type").ok_or_else(|| error(0, "META has no vote_type"))?;
    let vote_type = VoteType::parse(vote_type_text).ok_or_else(|| {
        error(
            0,
            format!("META vote_type {vote_type_text:?} is not one of approval, choose-1, ordinal, cumulative, scoring"),
        )
    })?;
    let budget_text = meta_get("budget").ok_or_else(|| error(0, "META has no budget"))?;
    let budget =
        parse_amount(budget_text).ok_or_else(|| error(0, format!("META budget {budget_text:?} is not a number")))?;
    Ok((vote_type, budget))
}

fn is_blank(record: &Record) -> bool {
    record.cells.is_empty() || (record.cells.len() == 1 && record.cells[0].trim().is_empty())
}

/// A budget or a cost: pabutools replaces `,` by `.` and reads an exact rational.
/// Negative amounts are refused.
fn parse_amount(text: &str) -> Option<BigRational> {
    parse_rational(&text.replace(',', ".")).filter(|v| !v.is_negative())
}

fn read_projects(rows: Vec<Row>, warnings: &mut Vec<String>) -> Result<Vec<Project>, ParseError> {
    let mut projects: Vec<Project> = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.first.clone();
        if id.is_empty() {
            return Err(error(row.line, "a project has an empty project_id"));
        }
        let cost_text = row
            .get("cost")
            .ok_or_else(|| error(row.line, format!("project {id} has no cost")))?;
        let cost = parse_amount(cost_text).ok_or_else(|| {
            error(
                row.line,
                format!("project {id} has cost {cost_text:?}, which is not a number ≥ 0"),
            )
        })?;
        let project = Project {
            name: row.get("name").map(str::to_string),
            selected: row.get("selected").map(str::to_string),
            id,
            cost,
            line: row.line,
        };
        projects.push(project);
    }
    // pabutools keeps projects in a set hashed by id: a repeated id keeps the first row.
    projects.sort_by(|a, b| a.id.cmp(&b.id).then(a.line.cmp(&b.line)));
    let mut unique: Vec<Project> = Vec::with_capacity(projects.len());
    for p in projects {
        if let Some(last) = unique.last()
            && last.id == p.id
        {
            warnings.push(format!(
                "line {}: project id {} repeats line {}; the first row is kept",
                p.line, p.id, last.line
            ));
            continue;
        }
        unique.push(p);
    }
    Ok(unique)
}

fn read_votes(election: &mut Election, rows: Vec<Row>) -> Result<(), ParseError> {
    let mut ballots = VotesReader::default();
    for row in &rows {
        ballots.read(election, row)?;
    }
    ballots.store(election);
    Ok(())
}

/// Ballots read so far, row by row, into flat arrays.
#[derive(Default)]
struct VotesReader {
    ballots: Ballots,
    points: Vec<BigRational>,
    /// The row being read (reused from row to row).
    ballot: Vec<u32>,
}

impl VotesReader {
    fn store(self, election: &mut Election) {
        election.ballots = self.ballots;
        if election.vote_type.has_points() {
            election.points = Some(self.points);
        }
    }

    /// Reads one VOTES row of `election` (whose projects are known).
    fn read(&mut self, election: &Election, row: &Row) -> Result<(), ParseError> {
        let vote_type = election.vote_type;
        let lookup = |id: &str, line: usize| -> Result<u32, ParseError> {
            election
                .project_index(id)
                .map(|i| i as u32)
                .ok_or_else(|| error(line, format!("the vote names an unknown project {id:?}")))
        };
        let vote = row.get("vote").unwrap_or("");
        match vote_type {
            VoteType::Approval | VoteType::Choose1 | VoteType::Ordinal => {
                let ballot = &mut self.ballot;
                ballot.clear();
                for item in vote.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    let p = lookup(item, row.line)?;
                    // Approval ballots are sets; an ordinal ballot keeps a project's first rank.
                    if !ballot.contains(&p) {
                        ballot.push(p);
                    }
                }
                if vote_type != VoteType::Ordinal {
                    ballot.sort_unstable();
                }
                self.ballots.push(ballot);
            }
            VoteType::Cumulative | VoteType::Scoring => {
                let ballot = &mut self.ballot;
                ballot.clear();
                // This ballot's points, parallel to it, are the last ones.
                let first = self.points.len();
                // Without a points cell pabutools makes an empty ballot.
                if let Some(points_text) = row.get("points") {
                    let values: Vec<&str> = points_text.split(',').collect();
                    for (index, item) in vote.split(',').map(str::trim).enumerate() {
                        if item.is_empty() {
                            continue;
                        }
                        let p = lookup(item, row.line)?;
                        let text = values.get(index).ok_or_else(|| {
                            error(
                                row.line,
                                format!(
                                    "the vote lists more projects than the points column has values ({})",
                                    values.len()
                                ),
                            )
                        })?;
                        let value = parse_rational(text).ok_or_else(|| {
                            error(row.line, format!("points value {:?} is not a number", text.trim()))
                        })?;
                        // A dict: a repeated project keeps its place and takes the last value.
                        match ballot.iter().position(|&q| q == p) {
                            Some(at) => self.points[first + at] = value,
                            None => {
                                ballot.push(p);
                                self.points.push(value);
                            }
                        }
                    }
                }
                self.ballots.push(ballot);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    const SMALL: &str = "\u{feff}META\nkey;value\nbudget;1000,5\nvote_type;approval\nnum_votes;3\n\
        PROJECTS\nproject_id;cost;name;selected\n10;500.5;\"Ten ;) \"\"quoted\"\"\";1\n9;400;Nine;none\nP0008;100;Eight;0\n\
        \nVOTES\nvoter_id;vote\n1;10,9\n2; 9 ,P0008,9\n3;\n";

    #[test]
    fn reads_a_small_file_with_its_traps() {
        let e = parse(SMALL).unwrap();
        assert_eq!(e.vote_type, VoteType::Approval);
        assert_eq!(e.budget, q(20010, 20));
        let ids: Vec<&str> = e.projects.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["10", "9", "P0008"]);
        assert_eq!(e.projects[0].cost, q(1001, 2));
        assert_eq!(e.projects[0].name.as_deref(), Some("Ten ;) \"quoted\""));
        assert_eq!(e.projects[1].selected, None);
        assert_eq!(e.ballots, vec![vec![0, 1], vec![1, 2], vec![]]);
        assert_eq!(e.recorded_selection(), Some(vec!["10".to_string()]));
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    }

    #[test]
    fn reads_cumulative_and_ordinal_ballots() {
        let text = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;5\n2;5\n\
            VOTES\nvoter_id;vote;points\nv1;2,1;3,2\nv2;1,1;1,4\n";
        let e = parse(text).unwrap();
        assert_eq!(e.ballots, vec![vec![1, 0], vec![0]]);
        assert_eq!(e.points_of(0), [q(3, 1), q(2, 1)]);
        assert_eq!(e.points_of(1), [q(4, 1)]);
        assert_eq!(e.points.unwrap(), vec![q(3, 1), q(2, 1), q(4, 1)]);
        let text = text
            .replace("cumulative", "ordinal")
            .replace(";points", "")
            .replace(";3,2", "")
            .replace(";1,4", "");
        let e = parse(&text).unwrap();
        assert_eq!(e.ballots, vec![vec![1, 0], vec![0]]);
        assert_eq!(e.points, None);
    }

    #[test]
    fn sections_in_any_order_read_alike() {
        // META and PROJECTS first: the ballots are read as they stream;
        // otherwise the rows wait for the other sections. Same election.
        let meta = "META\nkey;value\nbudget;10\nvote_type;cumulative\nnum_votes;3\n";
        let projects = "PROJECTS\nproject_id;cost;name\n2;5;Deux\n1;5;Un\n2;7;Doublon\n";
        let votes = "VOTES\nvoter_id;age;vote;points;vote\nv1;30;9;3,2;2,1\nv2;none;1,1;1,4;1\nv3;41;;;\n";
        let usual = parse(&format!("{meta}{projects}{votes}")).unwrap();
        assert_eq!(usual.ballots, vec![vec![1, 0], vec![0], vec![]]);
        assert_eq!(usual.points_of(1), [q(1, 1)]);
        assert_eq!(usual.warnings.len(), 1, "{:?}", usual.warnings);
        for text in [
            format!("{votes}{meta}{projects}"),
            format!("{meta}{votes}{projects}"),
            format!("{projects}{votes}{meta}"),
        ] {
            // Line numbers differ with the order; nothing else does.
            let key = |e: &Election| {
                let projects: Vec<_> = e
                    .projects
                    .iter()
                    .map(|p| (p.id.clone(), p.cost.clone(), p.name.clone()))
                    .collect();
                (
                    e.meta.clone(),
                    e.budget.clone(),
                    projects,
                    e.ballots.clone(),
                    e.points.clone(),
                    e.warnings.len(),
                )
            };
            assert_eq!(key(&parse(&text).unwrap()), key(&usual), "{text}");
        }
        // An unknown project in a streamed ballot is reported with its line.
        let err = parse(&format!("{meta}{projects}{}", votes.replace("2,1", "2,3"))).unwrap_err();
        assert!(
            err.to_string().contains("line 13") && err.to_string().contains("\"3\""),
            "{err}"
        );
    }

    #[test]
    fn quoted_fields_can_span_lines() {
        let text = "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;5;\"two\nlines\"\nVOTES\nvoter_id;vote\n";
        let e = parse(text).unwrap();
        assert_eq!(e.projects[0].name.as_deref(), Some("twolines"));
        assert_eq!(e.projects[0].line, 7);
    }

    #[test]
    fn reports_errors_with_line_numbers() {
        let base =
            "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n";
        let cases = [
            (format!("{base}v1;2\n"), 10, "unknown project \"2\""),
            (base.replace("1;5", "1;five"), 7, "not a number"),
            (base.replace("1;5", "1;-5"), 7, "not a number ≥ 0"),
            (base.replace("1;5", "1;none"), 7, "has no cost"),
            (base.replace("1;5", "1;5;6"), 7, "2 columns"),
            (format!("{base}v1;\"1\n"), 10, "never closed"),
            (base.replace("budget;10", "budget"), 3, "key and a value"),
            (format!("x;y\n{base}"), 1, "before any section"),
            (format!("{base}VOTES\n"), 10, "second VOTES"),
            (base.replace("voter_id;vote\n", ""), 8, "no header"),
        ];
        for (text, line, needle) in cases {
            let err = parse(&text).unwrap_err();
            assert_eq!(err.line, line, "{err}");
            assert!(err.to_string().contains(needle), "{err}");
        }
        let err = parse(&base.replace("vote_type;approval", "vote_type;maybe")).unwrap_err();
        assert!(err.to_string().contains("vote_type"), "{err}");
        let err = parse(&base.replace("budget;10\n", "")).unwrap_err();
        assert_eq!(err.to_string(), "META has no budget");
    }

    #[test]
    fn repeated_ids_keep_the_first_row() {
        let text = "META\nkey;value\nbudget;10\nvote_type;approval\nnum_votes;7\nPROJECTS\nproject_id;cost\n1;5\n1;7\nVOTES\nvoter_id;vote\nv;1\n";
        let e = parse(text).unwrap();
        assert_eq!(e.projects.len(), 1);
        assert_eq!(e.projects[0].cost, q(5, 1));
        assert_eq!(e.warnings.len(), 2, "{:?}", e.warnings);
    }

    #[test]
    fn splits_lines_like_python() {
        let lines = |t| split_lines(t).collect::<Vec<_>>();
        assert_eq!(lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n\nb\n"), ["a", "", "b"]);
        assert_eq!(lines("a\u{2028}b"), ["a", "b"]);
        assert_eq!(lines("é€\u{85}x\u{2029}y\u{0b}\u{1e}z‘"), ["é€", "x", "y", "", "z‘"]);
        assert!(lines("").is_empty());
    }
}
