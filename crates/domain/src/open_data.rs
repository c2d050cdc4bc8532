//! Open data: which files a step publishes, their columns explained in
//! French and English (the data dictionary), the licence, and the
//! pseudonyms that replace people.
//!
//! A pseudonym is the first 16 hex digits of HMAC-SHA256, keyed by the
//! organisation's secret, over `"<file>:<step id>:<user id>"`: the same
//! person gets the same pseudonym throughout one file, and pseudonyms cannot
//! be linked across files, steps or organisations without the secret.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::step::StepType;

/// The licence the organisation publishes its open data under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Licence {
    /// Licence Ouverte / Open Licence 2.0 (Etalab), the French government's.
    Etalab20,
    /// Open Database License 1.0 (share-alike).
    Odbl10,
}

impl Licence {
    pub const ALL: [Licence; 2] = [Licence::Etalab20, Licence::Odbl10];

    pub fn as_str(self) -> &'static str {
        match self {
            Licence::Etalab20 => "etalab-2.0",
            Licence::Odbl10 => "odbl-1.0",
        }
    }

    pub fn parse(s: &str) -> Result<Licence, &'static str> {
        Licence::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
            .ok_or("error-licence-unknown")
    }

    /// The licence's own name (not translated).
    pub fn name(self) -> &'static str {
        match self {
            Licence::Etalab20 => "Licence Ouverte / Open Licence 2.0 (Etalab)",
            Licence::Odbl10 => "Open Database License (ODbL) 1.0",
        }
    }

    /// Where its text is published.
    pub fn url(self) -> &'static str {
        match self {
            Licence::Etalab20 => "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            Licence::Odbl10 => "https://opendatacommons.org/licenses/odbl/1-0/",
        }
    }
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    Proposals,
    Comments,
    Votes,
    Results,
    /// A consultation's articles, contributions and amendments.
    Opinions,
    /// Arguments for and against, in consultations and debates.
    Arguments,
    /// Sources suggested on a consultation's texts.
    Sources,
    /// A debate step's questions and their for/against counts.
    Debates,
    /// A questionnaire's or votation's answers, one row per reply and
    /// question (private questions and files left out).
    Answers,
}

impl Dataset {
    pub const ALL: [Dataset; 9] = [
        Dataset::Proposals,
        Dataset::Comments,
        Dataset::Votes,
        Dataset::Results,
        Dataset::Opinions,
        Dataset::Arguments,
        Dataset::Sources,
        Dataset::Debates,
        Dataset::Answers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dataset::Proposals => "proposals",
            Dataset::Comments => "comments",
            Dataset::Votes => "votes",
            Dataset::Results => "results",
            Dataset::Opinions => "opinions",
            Dataset::Arguments => "arguments",
            Dataset::Sources => "sources",
            Dataset::Debates => "debates",
            Dataset::Answers => "answers",
        }
    }

    /// Proposals and their comments belong to collect steps; ballots and
    /// results to vote steps; texts and sources to consultation steps,
    /// debates to debate steps, and arguments to both.
    pub fn applies_to(self, step: StepType) -> bool {
        match self {
            Dataset::Proposals | Dataset::Comments => step == StepType::Collect,
            Dataset::Votes | Dataset::Results => step == StepType::Vote,
            Dataset::Opinions | Dataset::Sources => step == StepType::Consultation,
            Dataset::Arguments => matches!(step, StepType::Consultation | StepType::Debate),
            Dataset::Debates => step == StepType::Debate,
            Dataset::Answers => step == StepType::Questionnaire,
        }
    }

    /// Its columns, in file order, each explained.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Dataset::Proposals => PROPOSAL_COLUMNS,
            Dataset::Comments => COMMENT_COLUMNS,
            Dataset::Votes => VOTE_COLUMNS,
            Dataset::Results => RESULT_COLUMNS,
            Dataset::Opinions => OPINION_COLUMNS,
            Dataset::Arguments => ARGUMENT_COLUMNS,
            Dataset::Sources => SOURCE_COLUMNS,
            Dataset::Debates => DEBATE_COLUMNS,
            Dataset::Answers => ANSWER_COLUMNS,
        }
    }

    /// The column names, for a CSV header.
    pub fn header(self) -> Vec<&'static str> {
        self.columns().iter().map(|c| c.name).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// One downloadable file of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    Data(Dataset, Format),
    /// The vote step's ballots in the pabulib format, to recount.
    Pb,
}

impl File {
    /// Every file name a step can have, in the order the page lists them.
    pub fn all() -> Vec<File> {
        let mut out = vec![];
        for d in Dataset::ALL {
            out.push(File::Data(d, Format::Csv));
            out.push(File::Data(d, Format::Json));
        }
        out.push(File::Pb);
        out
    }

    pub fn name(self) -> String {
        match self {
            File::Data(d, f) => format!("{}.{}", d.as_str(), f.extension()),
            File::Pb => "votes.pb".into(),
        }
    }

    pub fn parse(name: &str) -> Option<File> {
        File::all().into_iter().find(|f| f.name() == name)
    }

    pub fn dataset(self) -> Dataset {
        match self {
            File::Data(d, _) => d,
            File::Pb => Dataset::Votes,
        }
    }
}

/// What is public about a step's votes (for a questionnaire: its results).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VotePublicity {
    /// The results were counted and published (a questionnaire's results
    /// are visible to everyone: public, and for a votation published).
    pub results_published: bool,
    /// The step shows its counts while the vote is open.
    pub counts_public: bool,
}

impl VotePublicity {
    /// Ballots are public once the results are, or during the vote when
    /// the step's counts are public; a secret ballot stays secret until then.
    pub fn ballots(self) -> bool {
        self.results_published || self.counts_public
    }
}

/// Whether a published step of a public project offers `file`.
pub fn offers(step: StepType, votes: VotePublicity, file: File) -> bool {
    if !file.dataset().applies_to(step) {
        return false;
    }
    match file.dataset() {
        Dataset::Votes => votes.ballots(),
        Dataset::Results | Dataset::Answers => votes.results_published,
        _ => true,
    }
}

/// The files a step offers, in order.
pub fn files_of(step: StepType, votes: VotePublicity) -> Vec<File> {
    File::all().into_iter().filter(|f| offers(step, votes, *f)).collect()
}

/// A person's pseudonym in one file: the first 16 hex digits of
/// HMAC-SHA256(secret, "<file>:<step id>:<user id>").
pub fn pseudonym(secret: &[u8], file: &str, step_id: i64, user_id: i64) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(format!("{file}:{step_id}:{user_id}").as_bytes());
    let bytes = mac.finalize().into_bytes();
    bytes[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A column of an open-data file, explained for re-users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

const fn col(name: &'static str, fr: &'static str, en: &'static str) -> Column {
    Column { name, fr, en }
}

const AUTHOR_FR: &str = "Pseudonyme de l'auteur ou de l'autrice : 16 caractères hexadécimaux, identiques pour une même \
                         personne dans ce fichier seulement (ils changent d'un fichier à l'autre).";
const AUTHOR_EN: &str = "The author's pseudonym: 16 hexadecimal characters, the same for one person within this file \
                         only (they change from one file to another).";

pub const PROPOSAL_COLUMNS: &[Column] = &[
    col(
        "id",
        "Identifiant de la proposition sur la plateforme (adresse /proposals/id) ; les fichiers de commentaires, \
         de votes et de résultats y renvoient.",
        "The proposal's id on the platform (address /proposals/id); the comments, votes and results files refer to it.",
    ),
    col(
        "reference",
        "Référence publique de la proposition (préfixe de l'étape et numéro d'ordre).",
        "The proposal's public reference (the step's prefix and a serial number).",
    ),
    col("title", "Titre.", "Title."),
    col(
        "summary",
        "Résumé écrit par l'auteur.",
        "Summary written by the author.",
    ),
    col(
        "status",
        "Statut d'avancement choisi par l'organisation (vide si aucun).",
        "Progress status set by the organisation (empty if none).",
    ),
    col(
        "outcome",
        "Décision de recevabilité : admissible (recevable), not_admissible (non recevable), merged (fusionnée) ; \
         vide tant que rien n'est décidé.",
        "Admissibility decision: admissible, not_admissible or merged; empty until decided.",
    ),
    col(
        "cost",
        "Coût estimé par l'auteur, en euros (vide si non demandé).",
        "Cost estimated by the author, in euros (empty if not asked).",
    ),
    col(
        "district",
        "Quartier ou zone (vide si aucun).",
        "District or area (empty if none).",
    ),
    col("theme", "Thème (vide si aucun).", "Theme (empty if none)."),
    col(
        "published_at",
        "Date et heure de dépôt, en UTC (RFC 3339).",
        "Date and time of submission, in UTC (RFC 3339).",
    ),
    col("author_pseudonym", AUTHOR_FR, AUTHOR_EN),
    col(
        "comments",
        "Nombre de commentaires publiés.",
        "Number of published comments.",
    ),
];

pub const COMMENT_COLUMNS: &[Column] = &[
    col("id", "Identifiant du commentaire.", "The comment's id."),
    col(
        "proposal",
        "Identifiant de la proposition commentée (colonne id du fichier des propositions).",
        "Id of the proposal commented on (column id of the proposals file).",
    ),
    col(
        "parent",
        "Pour une réponse, identifiant du commentaire auquel elle répond ; vide sinon. Le parent peut manquer s'il a \
         été masqué ou supprimé.",
        "For a reply, the id of the comment it answers; empty otherwise. The parent may be missing if it was hidden \
         or deleted.",
    ),
    col("author_pseudonym", AUTHOR_FR, AUTHOR_EN),
    col(
        "body",
        "Texte du commentaire (Markdown).",
        "Text of the comment (Markdown).",
    ),
    col(
        "created_at",
        "Date et heure de publication, en UTC (RFC 3339).",
        "Date and time of publication, in UTC (RFC 3339).",
    ),
];

pub const VOTE_COLUMNS: &[Column] = &[
    col(
        "pseudonym",
        "Pseudonyme aléatoire du bulletin, le même que dans le fichier .pb ; il ne dit rien du votant.",
        "The ballot's random pseudonym, the same as in the .pb file; it tells nothing about the voter.",
    ),
    col(
        "channel",
        "online pour un vote en ligne, paper pour un bulletin papier saisi par un médiateur.",
        "online for a vote cast online, paper for a paper ballot entered by a mediator.",
    ),
    col(
        "envelope_district",
        "Quartier dont l'enveloppe reçoit ce bulletin, quand le vote a une enveloppe par quartier ; vide sinon.",
        "District whose envelope the ballot goes to, when the vote has one envelope per district; empty otherwise.",
    ),
    col(
        "choices",
        "Identifiants des propositions choisies, dans l'ordre du bulletin (rang 1 d'abord), séparés par des virgules \
         en CSV, en tableau en JSON.",
        "Ids of the chosen proposals, in the ballot's order (rank 1 first), separated by commas in CSV, an array in \
         JSON.",
    ),
    col(
        "voter_district",
        "Quartier déclaré par le votant (vide s'il ne l'a pas dit).",
        "District the voter declared (empty if not said).",
    ),
    col(
        "age_band",
        "Tranche d'âge du votant au moment du vote (under-16, 16-17, 18-24, 25-34, 35-49, 50-64, 65-plus ; vide \
         si inconnue).",
        "The voter's age band when voting (under-16, 16-17, 18-24, 25-34, 35-49, 50-64, 65-plus; empty if unknown).",
    ),
];

pub const RESULT_COLUMNS: &[Column] = &[
    col(
        "proposal",
        "Identifiant de la proposition (colonne id du fichier des propositions, et du fichier .pb).",
        "The proposal's id (column id of the proposals file, and of the .pb file).",
    ),
    col("title", "Titre de la proposition.", "Title of the proposal."),
    col("cost", "Coût retenu, en euros.", "Cost used for counting, in euros."),
    col("district", "Quartier de la proposition.", "District of the proposal."),
    col("online", "Voix en ligne.", "Votes cast online."),
    col(
        "paper",
        "Voix papier (bulletins saisis et dépouillements manuels).",
        "Paper votes (entered ballots and hand counts).",
    ),
    col("total", "Total des voix.", "Total votes."),
    col(
        "selected",
        "true si la proposition est lauréate selon la règle de décompte de l'étape.",
        "true if the proposal won under the step's counting rule.",
    ),
    col(
        "selection_order",
        "Ordre dans lequel la règle l'a retenue (vide si non retenue).",
        "Order in which the rule selected it (empty if not selected).",
    ),
];

pub const OPINION_COLUMNS: &[Column] = &[
    col(
        "id",
        "Identifiant du texte sur la plateforme (adresse /opinions/id).",
        "The text's id on the platform (address /opinions/id).",
    ),
    col(
        "kind",
        "article (texte de l'organisation), contribution (ajoutée par un participant) ou amendment (amendement).",
        "article (written by the organisation), contribution (added by a participant) or amendment.",
    ),
    col(
        "consultation",
        "Titre de la consultation.",
        "Title of the consultation.",
    ),
    col("section", "Titre de la section.", "Title of the section."),
    col(
        "amends",
        "Pour un amendement, identifiant du texte amendé ; vide sinon.",
        "For an amendment, the id of the text amended; empty otherwise.",
    ),
    col("title", "Titre.", "Title."),
    col("body", "Texte (Markdown).", "Text (Markdown)."),
    col(
        "appendix",
        "Exposé des motifs, ou justification d'un amendement (Markdown).",
        "Explanatory appendix, or an amendment's justification (Markdown).",
    ),
    col(
        "author_pseudonym",
        "Pseudonyme de l'auteur ou de l'autrice (vide pour les articles de l'organisation) : 16 caractères \
         hexadécimaux, identiques pour une même personne dans ce fichier seulement.",
        "The author's pseudonym (empty for the organisation's articles): 16 hexadecimal characters, the same for \
         one person within this file only.",
    ),
    col("agree", "Votes « d'accord ».", "\"Agree\" votes."),
    col("mixed", "Votes « mitigé ».", "\"Mixed\" votes."),
    col("disagree", "Votes « pas d'accord ».", "\"Disagree\" votes."),
    col("arguments_for", "Arguments pour publiés.", "Published arguments for."),
    col(
        "arguments_against",
        "Arguments contre publiés.",
        "Published arguments against.",
    ),
    col("sources", "Sources publiées.", "Published sources."),
    col(
        "official_answer",
        "Réponse officielle de l'organisation (Markdown ; vide si aucune).",
        "The organisation's official answer (Markdown; empty if none).",
    ),
    col(
        "created_at",
        "Date et heure de publication, en UTC (RFC 3339).",
        "Date and time of publication, in UTC (RFC 3339).",
    ),
];

pub const ARGUMENT_COLUMNS: &[Column] = &[
    col("id", "Identifiant de l'argument.", "The argument's id."),
    col(
        "opinion",
        "Texte de la consultation concerné (colonne id du fichier des textes) ; vide pour un débat.",
        "The consultation text it is about (column id of the opinions file); empty for a debate.",
    ),
    col(
        "debate",
        "Débat concerné (colonne id du fichier des débats) ; vide pour une consultation.",
        "The debate it is about (column id of the debates file); empty for a consultation.",
    ),
    col("side", "for (pour) ou against (contre).", "for or against."),
    col("body", "Texte de l'argument.", "Text of the argument."),
    col(
        "author_pseudonym",
        "Pseudonyme de l'auteur ou de l'autrice (vide pour une participation sans compte) : 16 caractères \
         hexadécimaux, identiques pour une même personne dans ce fichier seulement.",
        "The author's pseudonym (empty for participation without an account): 16 hexadecimal characters, the same \
         for one person within this file only.",
    ),
    col("upvotes", "Votes de soutien reçus.", "Up-votes received."),
    col(
        "created_at",
        "Date et heure de publication, en UTC (RFC 3339).",
        "Date and time of publication, in UTC (RFC 3339).",
    ),
];

pub const SOURCE_COLUMNS: &[Column] = &[
    col("id", "Identifiant de la source.", "The source's id."),
    col(
        "opinion",
        "Texte de la consultation concerné (colonne id du fichier des textes).",
        "The consultation text it is about (column id of the opinions file).",
    ),
    col("category", "Catégorie (vide si aucune).", "Category (empty if none)."),
    col("title", "Titre.", "Title."),
    col("url", "Lien (http ou https).", "Link (http or https)."),
    col("description", "Description.", "Description."),
    col("author_pseudonym", AUTHOR_FR, AUTHOR_EN),
    col("upvotes", "Votes de soutien reçus.", "Up-votes received."),
    col(
        "created_at",
        "Date et heure de publication, en UTC (RFC 3339).",
        "Date and time of publication, in UTC (RFC 3339).",
    ),
];

pub const DEBATE_COLUMNS: &[Column] = &[
    col(
        "id",
        "Identifiant du débat (adresse /debates/id).",
        "The debate's id (address /debates/id).",
    ),
    col("question", "Question débattue.", "The question debated."),
    col(
        "for_votes",
        "Votes « pour » (les votes sans compte comptent une fois confirmés par courriel).",
        "\"For\" votes (votes without an account count once confirmed by email).",
    ),
    col("against_votes", "Votes « contre ».", "\"Against\" votes."),
    col("arguments_for", "Arguments pour publiés.", "Published arguments for."),
    col(
        "arguments_against",
        "Arguments contre publiés.",
        "Published arguments against.",
    ),
];

pub const ANSWER_COLUMNS: &[Column] = &[
    col(
        "reply",
        "Pseudonyme de la réponse (ou du bulletin) : 16 caractères hexadécimaux, identiques pour toutes les lignes \
         d'une même réponse dans ce fichier seulement. Il ne dit rien de la personne.",
        "The reply's (or ballot's) pseudonym: 16 hexadecimal characters, the same on every row of one reply \
         within this file only. It says nothing about the person.",
    ),
    col(
        "channel",
        "online (en ligne) ou paper (bulletin papier saisi par un médiateur).",
        "online, or paper (a paper ballot entered by a mediator).",
    ),
    col(
        "district",
        "Quartier indiqué par la personne (facultatif ; vide pour une votation).",
        "The district the person gave (optional; empty for a votation).",
    ),
    col(
        "age_band",
        "Tranche d'âge calculée de la date de naissance du profil au jour de la réponse (vide si inconnue).",
        "Age band computed from the profile's date of birth on the day of the reply (empty if unknown).",
    ),
    col(
        "question_id",
        "Identifiant de la question (stable d'un fichier à l'autre).",
        "The question's id (stable from one file to another).",
    ),
    col("question", "Intitulé de la question.", "The question's wording."),
    col(
        "question_type",
        "Type : short_text, long_text, rich_text, number, single_choice, multiple_choice, ranking, majority \
         (jugement majoritaire), yes_no, siret, rna. Les questions privées et les fichiers ne sont pas publiés.",
        "Type: short_text, long_text, rich_text, number, single_choice, multiple_choice, ranking, majority \
         (majority judgement), yes_no, siret, rna. Private questions and files are not published.",
    ),
    col(
        "answer",
        "La réponse en clair : choix séparés par « | », classement « 1. A | 2. B », mentions « choix: very_good » \
         (very_good, good, fairly_good, passable, insufficient, reject), oui/non « yes » ou « no ».",
        "The answer in words: choices separated by \" | \", rankings \"1. A | 2. B\", grades \"choice: very_good\" \
         (very_good, good, fairly_good, passable, insufficient, reject), yes/no as \"yes\" or \"no\".",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_hmac_sha256_truncated() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"secret",b"proposals.csv:3:7",hashlib.sha256).hexdigest()[:16])'
        assert_eq!(pseudonym(b"secret", "proposals.csv", 3, 7), "57812e1e37b8cbdf");
        let p = pseudonym(b"k", "comments.csv", 1, 2);
        assert_eq!(p.len(), 16);
        assert!(p.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(p, pseudonym(b"k", "comments.csv", 1, 2), "stable");
        assert_ne!(p, pseudonym(b"k", "comments.json", 1, 2), "another file");
        assert_ne!(p, pseudonym(b"k", "comments.csv", 9, 2), "another step");
        assert_ne!(p, pseudonym(b"k", "comments.csv", 1, 3), "another person");
        assert_ne!(p, pseudonym(b"other", "comments.csv", 1, 2), "another organisation");
    }

    #[test]
    fn file_names_round_trip_and_unknown_ones_are_refused() {
        for f in File::all() {
            assert_eq!(File::parse(&f.name()), Some(f));
        }
        assert_eq!(File::all().len(), 19);
        for bad in [
            "",
            "proposals",
            "proposals.xml",
            "../etc/passwd",
            "votes.PB",
            "results.csv.gz",
        ] {
            assert_eq!(File::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn steps_offer_their_own_files_and_votes_stay_secret_until_published() {
        let secret = VotePublicity {
            results_published: false,
            counts_public: false,
        };
        let names = |t, v| files_of(t, v).into_iter().map(File::name).collect::<Vec<_>>();
        assert_eq!(
            names(StepType::Collect, secret),
            ["proposals.csv", "proposals.json", "comments.csv", "comments.json"]
        );
        assert!(names(StepType::Vote, secret).is_empty());
        let live = VotePublicity {
            counts_public: true,
            ..secret
        };
        assert_eq!(names(StepType::Vote, live), ["votes.csv", "votes.json", "votes.pb"]);
        let published = VotePublicity {
            results_published: true,
            ..secret
        };
        assert_eq!(
            names(StepType::Vote, published),
            ["votes.csv", "votes.json", "results.csv", "results.json", "votes.pb"]
        );
        assert!(names(StepType::Presentation, published).is_empty());
        assert_eq!(
            names(StepType::Consultation, secret),
            [
                "opinions.csv",
                "opinions.json",
                "arguments.csv",
                "arguments.json",
                "sources.csv",
                "sources.json"
            ]
        );
        assert!(
            names(StepType::Questionnaire, secret).is_empty(),
            "hidden results: no answers file"
        );
        assert_eq!(
            names(StepType::Questionnaire, published),
            ["answers.csv", "answers.json"]
        );
        assert_eq!(
            names(StepType::Debate, secret),
            ["arguments.csv", "arguments.json", "debates.csv", "debates.json"]
        );
    }

    #[test]
    fn every_column_is_explained_in_both_languages() {
        for d in Dataset::ALL {
            let cols = d.columns();
            assert!(!cols.is_empty());
            for c in cols {
                assert!(!c.fr.is_empty() && !c.en.is_empty(), "{}", c.name);
            }
            let mut names = d.header();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), cols.len(), "unique names in {}", d.as_str());
        }
    }

    #[test]
    fn licences_parse_and_link_to_their_text() {
        assert_eq!(Licence::parse("etalab-2.0"), Ok(Licence::Etalab20));
        assert_eq!(Licence::parse(" odbl-1.0 "), Ok(Licence::Odbl10));
        assert_eq!(Licence::parse("cc-by"), Err("error-licence-unknown"));
        for l in Licence::ALL {
            assert!(l.url().starts_with("https://"));
        }
    }
}
