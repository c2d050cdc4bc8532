//! Demo content of consultations and debates: the draft climate plan of the
//! "Ville de Démo" (three titles, nine articles, participants'
//! contributions, amendments, arguments, sources and votes, and the
//! published synthesis), the debate "Faut-il piétonniser le centre-ville ?",
//! and the short text of the bike plan, open to votes.

use anyhow::anyhow;
use participe_domain::consultation::{OpinionVote, Side, SourceInput};
use participe_domain::debate::{ArticleInput, DebateInput, RawDebate};
use participe_domain::step::StepType;
use participe_domain::text_import;

use crate::storage::arguments::{self, About, Author};
use crate::storage::{Db, consultations, debates, opinions, projects, sources, steps, syntheses};

pub(crate) const CLIMATE_SLUG: &str = "plan-climat-2030";
pub(crate) const BIKE_SLUG: &str = "plan-velo-2030";

const CLIMATE_PLAN: &str = "\
# Titre I – Se déplacer autrement

## Article 1 – Un réseau cyclable continu

La ville réalise d'ici 2030 un réseau de 60 km de pistes cyclables séparées de la circulation, reliant chaque quartier au centre-ville et aux deux gares.

## Article 2 – Des bus plus fréquents

Les lignes de bus principales passent toutes les dix minutes de 6 h à 21 h, y compris le samedi.

## Article 3 – Des rues apaisées autour des écoles

Les rues qui bordent les écoles sont fermées aux voitures à l'entrée et à la sortie des classes.

# Titre II – Mieux se loger

## Article 4 – Rénover les logements

La ville aide à rénover 1 000 logements par an : isolation des murs et des toits, changement des fenêtres et du chauffage.

## Article 5 – Des bâtiments publics sobres

Les écoles, gymnases et bâtiments municipaux réduisent leur consommation d'énergie de 40 % d'ici 2030.

## Article 6 – Du solaire sur les toits

Les toits des bâtiments publics qui s'y prêtent accueillent des panneaux solaires, et la ville aide les copropriétés à en installer.

# Titre III – Une ville plus verte

## Article 7 – Planter 10 000 arbres

La ville plante 10 000 arbres d'ici 2030, d'abord dans les rues et les cours d'école les plus chaudes l'été.

## Article 8 – Des cours d'école oasis

Chaque année, trois cours d'école sont désimperméabilisées et végétalisées, et ouvertes aux habitants le week-end.

## Article 9 – Moins de déchets

La collecte des biodéchets s'étend à toute la ville, avec un composteur partagé dans chaque quartier.";

/// Participants' contributions: (section index, author index, title, body).
const CONTRIBUTIONS: &[(usize, usize, &str, &str)] = &[
    (
        0,
        0,
        "Des parkings vélos sécurisés aux gares",
        "Sans stationnement sûr, personne ne laisse son vélo à la gare. Il faut des abris fermés, avec un abonnement modique.",
    ),
    (
        0,
        1,
        "Des navettes pour les quartiers éloignés",
        "Le Plateau Ouest n'a qu'un bus par heure le soir. Une navette à la demande comblerait les trous.",
    ),
    (
        0,
        2,
        "Le covoiturage pour aller au travail",
        "Une application et des places réservées au covoiturage près des zones d'activité réduiraient les embouteillages du matin.",
    ),
    (
        0,
        3,
        "Apprendre le vélo aux enfants",
        "Des séances de vélo-école dans toutes les écoles primaires, pour que les enfants roulent en sécurité.",
    ),
    (
        0,
        4,
        "Des bus électriques",
        "Remplacer les bus diesel par des bus électriques, moins bruyants et sans fumées dans les rues.",
    ),
    (
        1,
        5,
        "Un guichet unique de la rénovation",
        "Les aides sont trop compliquées. Un seul guichet, en mairie, qui accompagne du devis aux travaux.",
    ),
    (
        1,
        6,
        "Aider aussi les locataires",
        "Les locataires paient les factures mais ne décident pas des travaux : il faut inciter les propriétaires bailleurs.",
    ),
    (
        1,
        7,
        "Former des artisans locaux",
        "Il manque d'artisans pour isoler les logements. Une formation avec le lycée professionnel créerait des emplois ici.",
    ),
    (
        1,
        8,
        "Éteindre l'éclairage la nuit",
        "Éteindre l'éclairage public de 1 h à 5 h dans les rues résidentielles économise de l'énergie et protège la faune.",
    ),
    (
        1,
        9,
        "Un réseau de chaleur",
        "Un réseau de chaleur alimenté par le bois des forêts voisines chaufferait les écoles et les logements sociaux.",
    ),
    (
        2,
        10,
        "Des jardins partagés dans chaque quartier",
        "Des parcelles à cultiver ensemble, près des immeubles, pour se nourrir et se rencontrer.",
    ),
    (
        2,
        11,
        "Des fontaines d'eau potable",
        "Avec les étés plus chauds, il faut des fontaines dans les parcs et sur les places.",
    ),
    (
        2,
        12,
        "Rouvrir la rivière",
        "La rivière est couverte sous le centre-ville. La rouvrir rafraîchirait le quartier et ferait une promenade.",
    ),
    (
        2,
        13,
        "Des ressourceries",
        "Un lieu pour réparer, donner et acheter d'occasion : meubles, vélos, électroménager.",
    ),
    (
        2,
        14,
        "Moins d'emballages au marché",
        "Inciter les commerçants du marché à accepter les contenants des clients et à bannir les sacs plastiques.",
    ),
];

/// Amendments: (article index, author index, title, new text, justification).
const AMENDMENTS: &[(usize, usize, &str, &str, &str)] = &[
    (
        0,
        2,
        "Aller plus loin : 80 km",
        "La ville réalise d'ici 2030 un réseau de 80 km de pistes cyclables séparées de la circulation, reliant chaque quartier au centre-ville, aux deux gares et aux zones d'activité.",
        "Les zones d'activité concentrent les emplois : c'est là que la voiture domine.",
    ),
    (
        1,
        4,
        "Des bus aussi le dimanche",
        "Les lignes de bus principales passent toutes les dix minutes de 6 h à 22 h, y compris le samedi et le dimanche.",
        "Beaucoup de personnes travaillent le dimanche ou rentrent tard.",
    ),
    (
        3,
        6,
        "Priorité aux passoires thermiques",
        "La ville aide à rénover 1 000 logements par an, en commençant par les plus mal isolés : isolation des murs et des toits, changement des fenêtres et du chauffage.",
        "Les logements classés F et G coûtent le plus cher à chauffer à leurs habitants.",
    ),
    (
        6,
        11,
        "Planter des arbres fruitiers",
        "La ville plante 10 000 arbres d'ici 2030, dont un quart d'arbres fruitiers, d'abord dans les rues et les cours d'école les plus chaudes l'été.",
        "Des fruits à cueillir pour tous, et des arbres qui nourrissent les oiseaux.",
    ),
    (
        7,
        3,
        "Cinq cours par an",
        "Chaque année, cinq cours d'école sont désimperméabilisées et végétalisées, et ouvertes aux habitants le week-end.",
        "À trois par an, il faudrait quinze ans pour toutes les faire.",
    ),
    (
        8,
        13,
        "Un composteur par immeuble",
        "La collecte des biodéchets s'étend à toute la ville, avec un composteur partagé dans chaque quartier et au pied des grands immeubles.",
        "Le composteur de quartier est trop loin pour les personnes âgées.",
    ),
];

/// Arguments on articles: (article index, author index, for?, text).
const ARGUMENTS: &[(usize, usize, bool, &str)] = &[
    (
        0,
        5,
        true,
        "Aujourd'hui on risque sa vie sur le boulevard : des pistes séparées changeraient tout.",
    ),
    (
        0,
        7,
        true,
        "Le vélo est le moyen le moins cher de se déplacer pour les familles.",
    ),
    (
        0,
        9,
        false,
        "Les pistes vont supprimer des places de stationnement dont les commerçants ont besoin.",
    ),
    (
        1,
        10,
        true,
        "Un bus toutes les dix minutes, c'est un bus qu'on n'a plus besoin d'attendre.",
    ),
    (
        1,
        12,
        false,
        "Des bus vides le samedi matin, c'est du gaspillage d'argent public.",
    ),
    (
        2,
        1,
        true,
        "Les abords des écoles sont dangereux à 8 h 30 : les enfants méritent des rues calmes.",
    ),
    (
        2,
        8,
        false,
        "Certains parents n'ont pas d'autre choix que la voiture, il faut penser à eux.",
    ),
    (
        3,
        0,
        true,
        "Une maison bien isolée, c'est 500 € de chauffage en moins par an.",
    ),
    (
        3,
        14,
        false,
        "Sans contrôle des travaux, les aides financent parfois du travail mal fait.",
    ),
    (
        4,
        2,
        true,
        "La ville doit montrer l'exemple avant de demander des efforts aux habitants.",
    ),
    (5, 6, true, "Les toits des gymnases sont immenses et inutilisés."),
    (
        5,
        3,
        false,
        "Les panneaux sont fabriqués loin d'ici ; leur bilan n'est pas si bon.",
    ),
    (
        6,
        4,
        true,
        "Les arbres rafraîchissent les rues de plusieurs degrés pendant les canicules.",
    ),
    (
        6,
        13,
        false,
        "Planter, c'est bien ; arroser et entretenir pendant dix ans, c'est le vrai coût.",
    ),
    (
        7,
        5,
        true,
        "Mes enfants jouent sur du bitume brûlant en juin : vivement des cours ombragées.",
    ),
    (
        8,
        11,
        true,
        "Un tiers de nos poubelles, ce sont des restes de repas qui pourraient faire du compost.",
    ),
    (8, 9, false, "Les composteurs mal gérés attirent les rats."),
];

/// Sources: (article index, author index, title, link, description).
const SOURCES: &[(usize, usize, &str, &str, &str)] = &[
    (
        0,
        7,
        "Baromètre des villes cyclables",
        "https://barometre.parlons-velo.fr/",
        "L'enquête nationale auprès des cyclistes, ville par ville.",
    ),
    (
        3,
        0,
        "France Rénov'",
        "https://france-renov.gouv.fr/",
        "Le service public de la rénovation de l'habitat.",
    ),
    (
        6,
        4,
        "Plus fraîche ma ville",
        "https://plusfraichemaville.fr/",
        "Les solutions contre la chaleur en ville, avec retours d'expérience.",
    ),
    (
        7,
        5,
        "Les cours Oasis à Paris",
        "https://www.paris.fr/pages/les-cours-oasis-7389",
        "Le programme parisien de transformation des cours d'école.",
    ),
    (
        8,
        13,
        "Tri à la source des biodéchets",
        "https://agirpourlatransition.ademe.fr/",
        "Les repères de l'ADEME pour les collectivités.",
    ),
];

const DEBATE_QUESTION: &str = "Faut-il piétonniser le centre-ville ?";
const DEBATE_FOR: &str = "Un centre-ville sans voitures, c'est **moins de bruit et de pollution**, des terrasses, des enfants qui jouent, \
et des commerces qui gagnent des clients : partout où des rues ont été rendues aux piétons, la fréquentation a augmenté.";
const DEBATE_AGAINST: &str = "Piétonniser, c'est **couper le centre** des habitants des quartiers éloignés, des personnes âgées et des artisans \
qui ont besoin de leur véhicule. Sans parkings-relais ni bus plus fréquents, les commerçants perdront leurs clients.";
/// Debate arguments: (author index, for?, text).
const DEBATE_ARGUMENTS: &[(usize, bool, &str)] = &[
    (
        0,
        true,
        "Le samedi, la rue commerçante est déjà pleine de piétons serrés sur des trottoirs étroits.",
    ),
    (
        3,
        true,
        "Moins de voitures, c'est un air plus sain pour les enfants de l'école du centre.",
    ),
    (
        6,
        true,
        "Les villes qui l'ont fait ne reviendraient en arrière pour rien au monde.",
    ),
    (
        9,
        true,
        "On pourrait enfin installer des bancs et des arbres sur la place du marché.",
    ),
    (
        12,
        true,
        "Les livraisons peuvent se faire le matin, comme dans beaucoup de villes.",
    ),
    (
        1,
        false,
        "Ma mère ne peut plus marcher longtemps : sans voiture, elle ne viendra plus en ville.",
    ),
    (
        4,
        false,
        "Les artisans doivent pouvoir accéder aux chantiers avec leur camionnette.",
    ),
    (
        7,
        false,
        "Il faut d'abord des parkings-relais et des navettes, sinon c'est mettre la charrue avant les bœufs.",
    ),
    (
        10,
        false,
        "Les commerçants ont peur de perdre les clients des villages voisins.",
    ),
];
const PRESS: &[(&str, &str, &str)] = &[
    (
        "Piétonnisation : ce que disent les études sur le commerce",
        "https://presse.example.org/pietonnisation-commerce",
        "2026-10-12",
    ),
    (
        "Centre-ville : les riverains partagés sur la fin des voitures",
        "https://presse.example.org/centre-ville-riverains",
        "2026-11-04",
    ),
];

const BIKE_TEXT: &str = "\
# Stationner son vélo

## Article 1 – Des arceaux partout

La ville installe 2 000 arceaux à vélos d'ici 2030, dont la moitié près des commerces.

## Article 2 – Des abris sécurisés aux gares

Chaque gare accueille un abri fermé de 200 places, accessible avec un abonnement.

# Aider à s'équiper

## Article 3 – Une aide aux vélos cargos

La ville aide les familles à acheter un vélo cargo, jusqu'à 1 000 €, selon leurs revenus.";

/// The step of a demo project with this type.
pub(crate) async fn step_of(db: &Db, slug: &str, kind: StepType) -> anyhow::Result<Option<i64>> {
    let Some(p) = projects::by_slug(db, slug).await? else {
        return Ok(None);
    };
    Ok(steps::of_project(db, p.id, true)
        .await?
        .into_iter()
        .find(|s| s.step_type == kind.as_str())
        .map(|s| s.id))
}

/// The articles of a consultation in text order, with their sections'.
async fn articles(db: &Db, consultation: i64) -> anyhow::Result<(Vec<i64>, Vec<i64>)> {
    let mut sections = vec![];
    let mut out = vec![];
    for s in consultations::sections(db, consultation).await? {
        sections.push(s.id);
        let list = opinions::page(
            db,
            s.id,
            None,
            participe_domain::consultation::OpinionSort::Position,
            0,
            100,
            0,
        )
        .await?;
        out.extend(list.into_iter().map(|o| o.id));
    }
    Ok((sections, out))
}

/// Imports a text into a new consultation of `step`.
async fn import(db: &Db, step: i64, title: &str, text: &str, admin: i64) -> anyhow::Result<i64> {
    let c = consultations::create(db, step, title).await?;
    let tree = text_import::import(text, "Introduction").map_err(|e| anyhow!("demo text: {e}"))?;
    consultations::import(db, c, admin, &tree).await?;
    Ok(c)
}

async fn opinion(
    db: &Db,
    section_id: i64,
    amends_id: Option<i64>,
    kind: &str,
    author_id: i64,
    texts: (&str, &str, &str),
) -> anyhow::Result<i64> {
    let new = opinions::NewOpinion {
        section_id,
        amends_id,
        kind,
        author_id,
        title: texts.0,
        body: texts.1,
        appendix: texts.2,
        published: true,
    };
    Ok(opinions::create(db, &new).await?)
}

fn side(for_: bool) -> Side {
    if for_ { Side::For } else { Side::Against }
}

/// Loads the climate plan, its debate and the bike plan's text; `people`
/// are the demo participants.
pub async fn load(db: &Db, admin: i64, people: &[i64]) -> anyhow::Result<()> {
    if let Some(step) = step_of(db, CLIMATE_SLUG, StepType::Consultation).await?
        && consultations::of_step(db, step).await?.is_empty()
    {
        climate_plan(db, step, admin, people).await?;
    }
    if let Some(step) = step_of(db, CLIMATE_SLUG, StepType::Debate).await?
        && debates::of_step(db, step).await?.is_empty()
    {
        debate(db, step, people).await?;
    }
    if let Some(step) = step_of(db, BIKE_SLUG, StepType::Consultation).await?
        && consultations::of_step(db, step).await?.is_empty()
    {
        let c = import(db, step, "Projet de plan vélo 2030", BIKE_TEXT, admin).await?;
        let (_, arts) = articles(db, c).await?;
        for (i, a) in arts.iter().enumerate() {
            for (k, p) in people.iter().enumerate().take(4 + 2 * i) {
                opinions::vote(db, *a, *p, Some(OpinionVote::ALL[(k + i) % 3 / 2])).await?;
            }
        }
    }
    Ok(())
}

async fn climate_plan(db: &Db, step: i64, admin: i64, people: &[i64]) -> anyhow::Result<()> {
    let c = import(db, step, "Projet de plan climat 2030", CLIMATE_PLAN, admin).await?;
    let (sections, arts) = articles(db, c).await?;
    let person = |i: usize| people[i % people.len()];
    let mut contributions = vec![];
    for &(s, a, title, body) in CONTRIBUTIONS {
        let section = sections[s.min(sections.len() - 1)];
        contributions.push(opinion(db, section, None, "contribution", person(a), (title, body, "")).await?);
    }
    for &(art, a, title, body, why) in AMENDMENTS {
        let parent = opinions::by_id(db, arts[art])
            .await?
            .ok_or_else(|| anyhow!("demo article missing"))?;
        opinion(
            db,
            parent.section_id,
            Some(parent.id),
            "amendment",
            person(a),
            (title, body, why),
        )
        .await?;
    }
    for &(art, a, for_, body) in ARGUMENTS {
        arguments::create(
            db,
            About::Opinion(arts[art]),
            side(for_),
            body,
            Author::User(person(a)),
            true,
        )
        .await?;
    }
    for &(art, a, title, url, description) in SOURCES {
        let s = SourceInput::parse(title, url, description, "").map_err(|e| anyhow!("demo source: {e:?}"))?;
        sources::create(db, arts[art], person(a), &s, true).await?;
    }
    // Votes: most people agree with most articles, with some mixed and
    // some disagreeing opinions; a few votes on contributions.
    for (i, a) in arts.iter().enumerate() {
        for (k, p) in people.iter().enumerate() {
            let v = match (k * 7 + i * 3) % 10 {
                0..=5 => OpinionVote::Agree,
                6 | 7 => OpinionVote::Mixed,
                _ => OpinionVote::Disagree,
            };
            opinions::vote(db, *a, *p, Some(v)).await?;
        }
    }
    for (i, o) in contributions.iter().enumerate() {
        for (k, p) in people.iter().enumerate().take(3 + i % 6) {
            opinions::vote(db, *o, *p, Some(OpinionVote::ALL[(k + i) % 4 / 2])).await?;
        }
    }
    // The synthesis, grouped automatically and published.
    crate::services::synthesis::regroup(db, step, "Divers").await?;
    syntheses::set_published(db, step, true).await?;
    Ok(())
}

async fn debate(db: &Db, step: i64, people: &[i64]) -> anyhow::Result<()> {
    let d = debates::create(db, step, DEBATE_QUESTION).await?;
    let input = DebateInput::parse(&RawDebate {
        question: DEBATE_QUESTION,
        mode: "face_to_face",
        text_for: DEBATE_FOR,
        text_against: DEBATE_AGAINST,
        body: "",
        anonymous_allowed: true,
        pre_moderation: false,
    })
    .map_err(|e| anyhow!("demo debate: {e:?}"))?;
    debates::update(db, d, &input).await?;
    for &(a, for_, body) in DEBATE_ARGUMENTS {
        let p = people[a % people.len()];
        arguments::create(db, About::Debate(d), side(for_), body, Author::User(p), true).await?;
    }
    for (k, p) in people.iter().enumerate() {
        debates::vote(db, d, *p, Some(side(k % 5 < 3))).await?;
    }
    for &(title, url, day) in PRESS {
        let a = ArticleInput::parse(title, url, day).map_err(|e| anyhow!("demo press article: {e:?}"))?;
        debates::add_article(db, d, &a, None).await?;
    }
    Ok(())
}
