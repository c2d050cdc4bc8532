//! The texts of the demo's proposals, their analyses and their comments
//! (budget participatif 2026 of the Ville de Démo). `demo.rs` loads them.
//!
//! Proposals are referred to by their number: the n-th entry of
//! `PROPOSALS` is submitted n-th and becomes `BP-2026-000n`. People are
//! indices into `PARTICIPANTS`.

/// Demo participants: (display name, email). Their password hash is "!",
/// which matches no password: nobody can log in as them.
pub(crate) const PARTICIPANTS: [(&str, &str); 15] = [
    ("Camille Martin", "camille.martin@demo.invalid"),
    ("Mehdi Benali", "mehdi.benali@demo.invalid"),
    ("Sophie Lefèvre", "sophie.lefevre@demo.invalid"),
    ("Julien Moreau", "julien.moreau@demo.invalid"),
    ("Aïcha Diallo", "aicha.diallo@demo.invalid"),
    ("Thomas Girard", "thomas.girard@demo.invalid"),
    ("Léa Fontaine", "lea.fontaine@demo.invalid"),
    ("Nicolas Roux", "nicolas.roux@demo.invalid"),
    ("Inès Carpentier", "ines.carpentier@demo.invalid"),
    ("Hugo Lambert", "hugo.lambert@demo.invalid"),
    ("Chloé Marchand", "chloe.marchand@demo.invalid"),
    ("Karim Haddad", "karim.haddad@demo.invalid"),
    ("Élodie Perrin", "elodie.perrin@demo.invalid"),
    ("Antoine Dubois", "antoine.dubois@demo.invalid"),
    ("Fatou Ndiaye", "fatou.ndiaye@demo.invalid"),
];

/// The single-choice question of the demo's proposal form.
pub(crate) const CONCERNS_LABEL: &str = "Votre projet concerne-t-il…";
pub(crate) const CONCERNS_CHOICES: &str =
    "Une rue ou une place\nUn parc ou un jardin\nUne école ou un équipement public\nTout le quartier";
/// The yes/no question.
pub(crate) const NEIGHBOURS_LABEL: &str = "Avez-vous consulté vos voisins ?";

const STREET: &str = "Une rue ou une place";
const PARK: &str = "Un parc ou un jardin";
const PUBLIC: &str = "Une école ou un équipement public";
const AREA: &str = "Tout le quartier";

pub(crate) struct DemoProposal {
    pub author: usize,
    pub title: &'static str,
    pub summary: &'static str,
    /// Markdown.
    pub description: &'static str,
    /// Euros, as typed by the author.
    pub cost: &'static str,
    /// A name of `demo::DISTRICTS`.
    pub district: &'static str,
    /// A name of `demo::THEMES`, or empty.
    pub theme: &'static str,
    pub address: &'static str,
    /// One of the choices, or the free text of an "other" answer.
    pub concerns: &'static str,
    pub neighbours: bool,
}

const CENTRE: &str = "Centre-ville";
const NORD: &str = "Quartier Nord";
const SUD: &str = "Quartier Sud";
const RIVES: &str = "Les Rives (Est)";
const OUEST: &str = "Plateau Ouest";

pub(crate) const PROPOSALS: &[DemoProposal] = &[
    // 1
    DemoProposal {
        author: 0,
        title: "Des bancs tout au long de la rue de la République",
        summary: "Installer une douzaine de bancs pour que chacun puisse faire une pause entre la gare et le marché.",
        description: "La rue de la République fait près d'un kilomètre et ne compte **aucun banc**. Pour les personnes âgées, \
les femmes enceintes ou les parents avec de jeunes enfants, c'est un vrai obstacle.\n\n\
Je propose d'installer une douzaine de bancs, tous les 80 mètres environ, de préférence avec des accoudoirs \
pour aider à se relever.",
        cost: "18 000",
        district: CENTRE,
        theme: "Solidarité",
        address: "Rue de la République",
        concerns: STREET,
        neighbours: true,
    },
    // 2
    DemoProposal {
        author: 1,
        title: "Une boîte à livres place du Marché",
        summary: "Une petite bibliothèque en libre accès : on dépose un livre, on en emprunte un autre.",
        description: "Le principe est simple : une armoire vitrée, à l'abri de la pluie, où chacun peut déposer et prendre \
des livres gratuitement.\n\nLa place du Marché est passante tous les jours et l'association des commerçants \
est d'accord pour veiller à son entretien.",
        cost: "2 500",
        district: CENTRE,
        theme: "Culture",
        address: "Place du Marché",
        concerns: STREET,
        neighbours: true,
    },
    // 3
    DemoProposal {
        author: 2,
        title: "Des arceaux vélos devant la médiathèque",
        summary: "Trente places de stationnement vélo, dont quelques-unes pour les vélos cargos.",
        description: "Le samedi, les vélos sont attachés aux grilles et aux poteaux faute de place. Trente arceaux, \
dont cinq espacés pour les vélos cargos et les remorques, suffiraient.\n\nL'idéal serait de les couvrir d'un auvent.",
        cost: "9 000",
        district: CENTRE,
        theme: "Mobilité",
        address: "Médiathèque, 4 rue Voltaire",
        concerns: PUBLIC,
        neighbours: false,
    },
    // 4
    DemoProposal {
        author: 3,
        title: "Végétaliser la cour de l'école Jean-Jaurès",
        summary: "Remplacer une partie du bitume par des arbres, de la pelouse et un petit potager pédagogique.",
        description: "En juin, la température dans la cour dépasse **40 °C**. Les parents d'élèves et l'équipe enseignante \
ont imaginé ensemble une « cour oasis » :\n\n- des arbres pour faire de l'ombre ;\n- un sol perméable qui absorbe \
la pluie ;\n- un coin potager pour les classes ;\n- des bancs et un coin calme.",
        cost: "85 000",
        district: CENTRE,
        theme: "Éducation",
        address: "École Jean-Jaurès, 12 rue des Écoles",
        concerns: PUBLIC,
        neighbours: true,
    },
    // 5
    DemoProposal {
        author: 0,
        title: "Une fontaine à eau potable au jardin de l'Hôtel de ville",
        summary: "Pouvoir remplir sa gourde et se rafraîchir gratuitement en plein centre.",
        description: "Avec les étés de plus en plus chauds, une fontaine d'eau potable est devenue indispensable. \
Le jardin de l'Hôtel de ville accueille beaucoup de familles et de touristes.",
        cost: "12 000",
        district: CENTRE,
        theme: "Environnement",
        address: "Jardin de l'Hôtel de ville",
        concerns: PARK,
        neighbours: false,
    },
    // 6
    DemoProposal {
        author: 4,
        title: "Un piano en libre accès à la gare",
        summary: "Un piano droit dans le hall de la gare, pour tous ceux qui veulent jouer en attendant leur train.",
        description: "Les pianos de gare ont du succès partout où ils sont installés. Le conservatoire est prêt à \
s'occuper de l'accord deux fois par an.\n\nIl suffit d'un piano d'occasion révisé et d'un meuble qui le ferme la nuit.",
        cost: "6 000",
        district: CENTRE,
        theme: "Culture",
        address: "Parvis de la gare",
        concerns: "Le hall de la gare",
        neighbours: false,
    },
    // 7
    DemoProposal {
        author: 1,
        title: "Des toilettes publiques accessibles près des halles",
        summary: "Des toilettes gratuites, propres et accessibles aux personnes en fauteuil.",
        description: "Les seules toilettes publiques du centre sont fermées depuis deux ans. Les commerçants des halles \
nous renvoient vers les cafés, ce qui n'est pas possible pour tout le monde.\n\nUn module autonettoyant accessible \
aux personnes à mobilité réduite répondrait au besoin.",
        cost: "95 000",
        district: CENTRE,
        theme: "Solidarité",
        address: "Les Halles, rue du Commerce",
        concerns: STREET,
        neighbours: true,
    },
    // 8
    DemoProposal {
        author: 2,
        title: "Éclairer la passerelle du canal",
        summary: "Un éclairage doux et économe pour traverser le canal sans crainte le soir.",
        description: "La passerelle est plongée dans le noir dès 18 h en hiver. Beaucoup d'habitants font un détour \
de dix minutes pour l'éviter.\n\nDes bornes à LED avec détecteur de présence éclaireraient sans gêner la faune du canal.",
        cost: "40 000",
        district: CENTRE,
        theme: "Mobilité",
        address: "Passerelle du canal",
        concerns: STREET,
        neighbours: true,
    },
    // 9
    DemoProposal {
        author: 4,
        title: "Des vélos cargos en libre-service",
        summary: "Quatre vélos cargos électriques à emprunter pour faire ses courses ou transporter ses enfants.",
        description: "Un vélo cargo coûte cher et prend de la place. En partager quelques-uns, réservables en ligne, \
permettrait à beaucoup de familles de laisser la voiture au garage.",
        cost: "",
        district: CENTRE,
        theme: "Mobilité",
        address: "",
        concerns: AREA,
        neighbours: false,
    },
    // 10
    DemoProposal {
        author: 5,
        title: "Une aire de jeux inclusive au parc des Tilleuls",
        summary: "Des jeux accessibles à tous les enfants, y compris ceux en situation de handicap.",
        description: "L'aire de jeux actuelle date des années 1990. Nous proposons de la remplacer par une aire \
**inclusive** :\n\n- balançoire nid et tourniquet accessibles en fauteuil ;\n- sol souple continu ;\n\
- panneaux sonores et tactiles ;\n- bancs à l'ombre pour les parents.",
        cost: "120 000",
        district: NORD,
        theme: "Sport et loisirs",
        address: "Parc des Tilleuls",
        concerns: PARK,
        neighbours: true,
    },
    // 11
    DemoProposal {
        author: 6,
        title: "Un jardin partagé rue des Lilas",
        summary: "Transformer la friche de la rue des Lilas en jardin cultivé par les habitants.",
        description: "La friche au bout de la rue des Lilas sert de dépôt sauvage. Une vingtaine de voisins sont prêts \
à la cultiver ensemble.\n\nIl faudrait : une clôture, un point d'eau, un cabanon à outils et des bacs surélevés \
pour les personnes qui ne peuvent pas se baisser.",
        cost: "15 000",
        district: NORD,
        theme: "Environnement",
        address: "Friche, rue des Lilas",
        concerns: "Une friche",
        neighbours: true,
    },
    // 12
    DemoProposal {
        author: 5,
        title: "Planter 50 arbres le long du boulevard du Nord",
        summary: "Un alignement d'arbres pour faire de l'ombre et rafraîchir le boulevard.",
        description: "Le boulevard du Nord est l'axe le plus chaud de la ville l'été. Planter une cinquantaine d'arbres \
adaptés à la sécheresse le rendrait plus agréable pour les piétons et les cyclistes.",
        cost: "75 000",
        district: NORD,
        theme: "Environnement",
        address: "Boulevard du Nord",
        concerns: STREET,
        neighbours: false,
    },
    // 13
    DemoProposal {
        author: 7,
        title: "Un terrain de basket 3x3 au city-stade",
        summary: "Ajouter un demi-terrain de basket au city-stade des Bruyères, très fréquenté.",
        description: "Le city-stade est saturé par le foot. Un terrain de basket 3x3, avec deux paniers réglables \
en hauteur, permettrait aux plus jeunes comme aux ados d'y jouer.",
        cost: "60 000",
        district: NORD,
        theme: "Sport et loisirs",
        address: "City-stade des Bruyères",
        concerns: PARK,
        neighbours: true,
    },
    // 14
    DemoProposal {
        author: 6,
        title: "Sécuriser la sortie de l'école Pasteur",
        summary: "Un plateau surélevé et des potelets pour ralentir les voitures devant l'école.",
        description: "Chaque matin, des voitures passent à vive allure devant l'école pendant que les enfants traversent. \
Un plateau surélevé et un passage piéton mieux éclairé rassureraient les familles.",
        cost: "25 000",
        district: NORD,
        theme: "Mobilité",
        address: "Rue Pasteur",
        concerns: PUBLIC,
        neighbours: true,
    },
    // 15
    DemoProposal {
        author: 7,
        title: "Un composteur collectif à la résidence des Bruyères",
        summary: "Réduire nos déchets en compostant ensemble les épluchures.",
        description: "Trois bacs en bois et une formation pour une dizaine de « référents compost » : de quoi \
détourner plusieurs tonnes de déchets par an, et le compost servira aux jardinières de la résidence.",
        cost: "4 000",
        district: NORD,
        theme: "Environnement",
        address: "Résidence des Bruyères",
        concerns: AREA,
        neighbours: true,
    },
    // 16
    DemoProposal {
        author: 8,
        title: "Des agrès de sport en plein air square Colette",
        summary: "Barres de traction, banc d'abdominaux et vélo elliptique en accès libre.",
        description: "Pour faire du sport gratuitement, à son rythme et à tout âge. Un panneau expliquerait les exercices \
avec des QR codes vers des vidéos.",
        cost: "35 000",
        district: NORD,
        theme: "Sport et loisirs",
        address: "Square Colette",
        concerns: PARK,
        neighbours: false,
    },
    // 17
    DemoProposal {
        author: 8,
        title: "Une grainothèque à la maison de quartier",
        summary: "Échanger gratuitement des graines de fleurs et de légumes entre habitants.",
        description: "Un meuble à tiroirs, des sachets et quelques ateliers de semis au printemps. Les jardiniers \
du quartier ont déjà des graines à partager.",
        cost: "1 500",
        district: NORD,
        theme: "Environnement",
        address: "Maison de quartier Nord",
        concerns: PUBLIC,
        neighbours: false,
    },
    // 18
    DemoProposal {
        author: 5,
        title: "Une piscine olympique au nord de la ville",
        summary: "Une grande piscine de 50 mètres pour les clubs, les écoles et les familles.",
        description: "La piscine actuelle est trop petite : les clubs n'ont pas assez de créneaux et les écoles \
attendent des mois pour les cours de natation. Une piscine de 50 mètres au nord de la ville changerait tout.",
        cost: "",
        district: NORD,
        theme: "Sport et loisirs",
        address: "",
        concerns: AREA,
        neighbours: false,
    },
    // 19
    DemoProposal {
        author: 9,
        title: "Éclairage solaire du chemin des Écoliers",
        summary: "Des lampadaires solaires sur le chemin qu'empruntent les collégiens en hiver.",
        description: "Le chemin des Écoliers relie le quartier au collège à travers le parc. De novembre à février, \
les élèves le parcourent **dans le noir**.\n\nDes lampadaires solaires à détection de présence éviteraient de tirer \
des câbles et ne consommeraient rien.",
        cost: "45 000",
        district: SUD,
        theme: "Mobilité",
        address: "Chemin des Écoliers",
        concerns: STREET,
        neighbours: true,
    },
    // 20
    DemoProposal {
        author: 10,
        title: "Un skatepark au parc de la Source",
        summary: "Un espace de glisse en béton pour les skateurs, trottinettes et BMX.",
        description: "Les jeunes du quartier skatent sur le parking du supermarché, faute de mieux. Ils ont dessiné \
eux-mêmes un projet de skatepark de 400 m² avec l'aide d'un éducateur.",
        cost: "140 000",
        district: SUD,
        theme: "Sport et loisirs",
        address: "Parc de la Source",
        concerns: PARK,
        neighbours: true,
    },
    // 21
    DemoProposal {
        author: 9,
        title: "Nichoirs et hôtels à insectes dans les squares",
        summary: "Accueillir oiseaux, chauves-souris et pollinisateurs dans les cinq squares du quartier.",
        description: "Une trentaine de nichoirs et cinq hôtels à insectes, fabriqués avec les élèves du lycée \
professionnel, et des panneaux pour apprendre à reconnaître les espèces.",
        cost: "3 500",
        district: SUD,
        theme: "Environnement",
        address: "",
        concerns: AREA,
        neighbours: false,
    },
    // 22
    DemoProposal {
        author: 11,
        title: "Une boîte à livres au square Renoir",
        summary: "Une bibliothèque de rue pour partager ses livres entre voisins.",
        description: "Le square Renoir est le lieu de rencontre du quartier. Une boîte à livres, fabriquée \
par l'atelier bois de la maison de quartier, y trouverait naturellement sa place.",
        cost: "2 000",
        district: SUD,
        theme: "Culture",
        address: "Square Renoir",
        concerns: PARK,
        neighbours: true,
    },
    // 23
    DemoProposal {
        author: 12,
        title: "Des boîtes à livres dans tout le quartier Sud",
        summary: "Trois boîtes à livres : au square, près de l'école et à l'arrêt de bus.",
        description: "Lire devrait être possible partout. Trois boîtes à livres bien placées permettraient \
à chacun d'en trouver une sur son trajet quotidien.",
        cost: "6 000",
        district: SUD,
        theme: "Culture",
        address: "",
        concerns: AREA,
        neighbours: true,
    },
    // 24
    DemoProposal {
        author: 11,
        title: "Un abri pour l'arrêt de bus Victor-Hugo",
        summary: "Un abri avec banc à l'arrêt le plus fréquenté du quartier, aujourd'hui en plein vent.",
        description: "À l'arrêt Victor-Hugo, une cinquantaine de personnes attendent chaque matin sous la pluie. \
Un abri avec un banc et un plan du réseau serait bienvenu.",
        cost: "15 000",
        district: SUD,
        theme: "Mobilité",
        address: "Arrêt Victor-Hugo",
        concerns: STREET,
        neighbours: false,
    },
    // 25
    DemoProposal {
        author: 10,
        title: "Une fresque participative sur le mur du gymnase",
        summary: "Peindre ensemble, avec un artiste, le grand mur gris du gymnase.",
        description: "Une artiste du quartier propose d'animer des ateliers avec les habitants et les écoles pour \
concevoir, puis peindre, une fresque de 60 mètres de long.",
        cost: "20 000",
        district: SUD,
        theme: "Culture",
        address: "Gymnase Sud, avenue de la Source",
        concerns: PUBLIC,
        neighbours: true,
    },
    // 26
    DemoProposal {
        author: 12,
        title: "Des tables de pique-nique au bord de l'étang",
        summary: "Six tables de pique-nique, dont deux accessibles en fauteuil.",
        description: "L'étang de la Source attire beaucoup de familles le week-end, mais il n'y a nulle part où \
s'asseoir pour manger. Six tables en bois, à l'ombre des saules, suffiraient.",
        cost: "8 000",
        district: SUD,
        theme: "Sport et loisirs",
        address: "Étang de la Source",
        concerns: PARK,
        neighbours: false,
    },
    // 27
    DemoProposal {
        author: 13,
        title: "Une piste cyclable sécurisée le long des berges",
        summary: "Relier les Rives au centre-ville à vélo, séparé des voitures.",
        description: "Le quai des Rives est la route la plus directe vers le centre, mais les cyclistes y roulent entre \
les voitures garées et la circulation.\n\nUne piste bidirectionnelle d'un kilomètre, séparée des piétons, \
rendrait le trajet sûr pour tous, y compris les enfants.",
        cost: "150 000",
        district: RIVES,
        theme: "Mobilité",
        address: "Quai des Rives",
        concerns: "Les berges de la rivière",
        neighbours: true,
    },
    // 28
    DemoProposal {
        author: 13,
        title: "Une guinguette éphémère sur les quais",
        summary: "Tous les week-ends d'été, de la musique et des animations au bord de l'eau.",
        description: "De juin à septembre, une guinguette avec concerts, bal et jeux pour enfants animerait les quais. \
Le budget couvrirait la programmation, la sécurité et le personnel.",
        cost: "30 000",
        district: RIVES,
        theme: "Culture",
        address: "Quai des Rives",
        concerns: "Les berges de la rivière",
        neighbours: false,
    },
    // 29
    DemoProposal {
        author: 14,
        title: "Des ombrières et des brumisateurs place des Rives",
        summary: "Rendre la place supportable pendant les canicules.",
        description: "La place des Rives est entièrement minérale. Des voiles d'ombrage tendues l'été et quelques \
brumisateurs, coupés automatiquement la nuit, en feraient un îlot de fraîcheur.",
        cost: "55 000",
        district: RIVES,
        theme: "Environnement",
        address: "Place des Rives",
        concerns: STREET,
        neighbours: true,
    },
    // 30
    DemoProposal {
        author: 14,
        title: "Un parcours santé au bord de l'eau",
        summary: "Dix stations d'exercices le long du chemin de halage.",
        description: "Le chemin de halage est déjà très fréquenté par les coureurs. Dix stations d'exercices en bois, \
avec des panneaux explicatifs, en feraient un vrai parcours santé.",
        cost: "28 000",
        district: RIVES,
        theme: "Sport et loisirs",
        address: "Chemin de halage",
        concerns: "Les berges de la rivière",
        neighbours: false,
    },
    // 31
    DemoProposal {
        author: 0,
        title: "Des bacs potagers au pied des immeubles",
        summary: "Des jardinières cultivées par les habitants des résidences des Rives.",
        description: "Vingt grands bacs en bois, remplis de terre, avec un récupérateur d'eau de pluie. Le centre \
social accompagnerait les habitants la première année.",
        cost: "10 000",
        district: RIVES,
        theme: "Solidarité",
        address: "Résidences des Rives",
        concerns: AREA,
        neighbours: true,
    },
    // 32
    DemoProposal {
        author: 3,
        title: "Équiper une salle d'aide aux devoirs",
        summary: "Des ordinateurs, une imprimante et du mobilier pour l'aide aux devoirs du centre social.",
        description: "Chaque soir, trente enfants viennent faire leurs devoirs au centre social des Rives, dans une salle \
sans ordinateur. Dix postes, une imprimante et des tables adaptées leur donneraient les mêmes chances qu'aux autres.",
        cost: "12 000",
        district: RIVES,
        theme: "Éducation",
        address: "Centre social des Rives",
        concerns: PUBLIC,
        neighbours: false,
    },
    // 33
    DemoProposal {
        author: 4,
        title: "Des poubelles de tri sur les quais",
        summary: "Trier ses déchets aussi en promenade : emballages, verre et ordures ménagères.",
        description: "Les soirs d'été, les poubelles des quais débordent et tout finit dans la rivière. Des corbeilles \
de tri plus grandes, fermées contre les goélands, régleraient le problème.",
        cost: "14 000",
        district: RIVES,
        theme: "Environnement",
        address: "Quai des Rives",
        concerns: STREET,
        neighbours: false,
    },
    // 34
    DemoProposal {
        author: 11,
        title: "Un parc sur le terrain de l'ancienne usine",
        summary: "Transformer le terrain de l'ancienne usine textile en grand parc public.",
        description: "Le terrain de l'ancienne usine est à l'abandon depuis quinze ans. Ce serait l'endroit idéal \
pour le grand parc qui manque au quartier.",
        cost: "150 000",
        district: RIVES,
        theme: "Environnement",
        address: "Rue de l'Usine",
        concerns: "Un terrain à l'abandon",
        neighbours: true,
    },
    // 35
    DemoProposal {
        author: 1,
        title: "Rénover et éclairer le terrain de foot du Plateau",
        summary: "Un terrain praticable toute l'année, éclairé le soir en hiver.",
        description: "Le terrain est un champ de boue d'octobre à mars et il n'est pas éclairé. Un drainage et quatre mâts \
d'éclairage à LED permettraient aux clubs et aux jeunes d'y jouer toute l'année.",
        cost: "70 000",
        district: OUEST,
        theme: "Sport et loisirs",
        address: "Stade du Plateau",
        concerns: PUBLIC,
        neighbours: true,
    },
    // 36
    DemoProposal {
        author: 6,
        title: "Un verger partagé au Plateau",
        summary: "Planter pommiers, poiriers et pruniers dont les fruits seront à tout le monde.",
        description: "Une trentaine d'arbres fruitiers de variétés anciennes sur la pelouse du Plateau. \
Les habitants et les écoles participeraient à la plantation et aux récoltes.",
        cost: "22 000",
        district: OUEST,
        theme: "Environnement",
        address: "Pelouse du Plateau",
        concerns: PARK,
        neighbours: true,
    },
    // 37
    DemoProposal {
        author: 7,
        title: "Un banc et un abri à la halte du Plateau",
        summary: "S'asseoir à l'abri en attendant le train.",
        description: "La halte ferroviaire du Plateau n'a ni banc ni abri. Les voyageurs, souvent âgés, attendent debout \
et sous la pluie.",
        cost: "9 500",
        district: OUEST,
        theme: "Solidarité",
        address: "Halte du Plateau",
        concerns: "La halte ferroviaire",
        neighbours: false,
    },
    // 38
    DemoProposal {
        author: 8,
        title: "Une ludothèque mobile",
        summary: "Un triporteur chargé de jeux de société qui s'installe dans les squares le mercredi.",
        description: "Un vélo triporteur électrique, trois cents jeux et des bâches : la ludothèque viendrait aux \
familles qui ne se déplacent pas jusqu'à la médiathèque.",
        cost: "35 000",
        district: OUEST,
        theme: "Éducation",
        address: "",
        concerns: AREA,
        neighbours: false,
    },
    // 39
    DemoProposal {
        author: 9,
        title: "Des arceaux vélos à la gare du Plateau",
        summary: "Un parking vélo abrité pour prendre le train sans voiture.",
        description: "Vingt arceaux sous abri, éclairés, à deux pas des quais. Aujourd'hui, faute de stationnement \
sûr, beaucoup de voyageurs viennent en voiture.",
        cost: "7 000",
        district: OUEST,
        theme: "Mobilité",
        address: "Gare du Plateau",
        concerns: STREET,
        neighbours: false,
    },
    // 40
    DemoProposal {
        author: 10,
        title: "Un point numérique pour les seniors",
        summary: "Des ordinateurs et des tablettes en libre accès à la maison de quartier, avec des ateliers.",
        description: "De plus en plus de démarches se font en ligne. Un espace équipé, avec des bénévoles le mardi \
et le jeudi, aiderait les seniors du Plateau à ne pas rester à l'écart.",
        cost: "18 000",
        district: OUEST,
        theme: "Solidarité",
        address: "Maison de quartier du Plateau",
        concerns: PUBLIC,
        neighbours: true,
    },
    // 41
    DemoProposal {
        author: 12,
        title: "Rendre l'allée des Peupliers accessible",
        summary: "Un revêtement lisse et des bateaux abaissés pour les fauteuils et les poussettes.",
        description: "L'allée des Peupliers est en graviers, avec des marches à chaque traversée de rue. \
Un revêtement stabilisé et des bordures abaissées la rendraient praticable par tous.",
        cost: "48 000",
        district: OUEST,
        theme: "Mobilité",
        address: "Allée des Peupliers",
        concerns: STREET,
        neighbours: true,
    },
    // 42
    DemoProposal {
        author: 3,
        title: "Une mare pédagogique près de l'école du Plateau",
        summary: "Observer grenouilles, libellules et plantes aquatiques à deux pas de l'école.",
        description: "Une mare de 50 m², avec un ponton d'observation, servirait de classe dehors aux écoles \
du quartier et de refuge à la biodiversité.",
        cost: "16 000",
        district: OUEST,
        theme: "Éducation",
        address: "École du Plateau",
        concerns: PUBLIC,
        neighbours: false,
    },
    // 43
    DemoProposal {
        author: 2,
        title: "Un marché de producteurs le jeudi soir",
        summary: "Des producteurs locaux chaque jeudi soir sur la place du Plateau.",
        description: "Le Plateau n'a aucun commerce alimentaire. Un petit marché hebdomadaire, avec une dizaine \
de producteurs des environs, dynamiserait la place.",
        cost: "",
        district: OUEST,
        theme: "Solidarité",
        address: "Place du Plateau",
        concerns: STREET,
        neighbours: true,
    },
];

/// What the services decided about a proposal.
pub(crate) enum Decision {
    /// Assigned to the analyst, not yet studied.
    Pending,
    Admissible {
        feasibility: &'static str,
        cost_estimate: i64,
        delay_months: i64,
        answer: &'static str,
    },
    NotAdmissible {
        /// A name of `demo::REASONS`.
        reason: &'static str,
        reason_text: &'static str,
        answer: &'static str,
    },
    /// Merged into the proposal with this number.
    Merged { into: usize, answer: &'static str },
}

pub(crate) const REASON_COST: &str = "Coût supérieur au plafond de 150 000 €";
pub(crate) const REASON_COMPETENCE: &str = "Hors des compétences de la ville";
pub(crate) const REASON_OPERATING: &str = "Dépense de fonctionnement et non d'investissement";
pub(crate) const REASON_LAND: &str = "Terrain n'appartenant pas à la ville";

/// The proposals assigned to the demo analyst, by number, and the decision.
pub(crate) const REVIEWS: &[(usize, Decision)] = &[
    (
        1,
        Decision::Admissible {
            feasibility: "Trottoirs assez larges sur tout le parcours. Modèle en fonte avec accoudoirs du catalogue de la voirie.",
            cost_estimate: 21_000,
            delay_months: 6,
            answer: "Votre projet est recevable et sera soumis au vote. Les services prévoient douze bancs avec accoudoirs, \
pour un coût estimé à 21 000 € et une pose dans les six mois qui suivent le vote.",
        },
    ),
    (
        2,
        Decision::Admissible {
            feasibility: "Emplacement possible à côté de la fontaine. Convention d'entretien avec l'association des commerçants.",
            cost_estimate: 3_000,
            delay_months: 3,
            answer: "Votre projet est recevable et sera soumis au vote. Coût estimé : 3 000 €, pour une installation \
en trois mois.",
        },
    ),
    (
        4,
        Decision::Admissible {
            feasibility: "Travaux à réaliser pendant les vacances d'été. Étude de sol nécessaire avant de retirer le bitume.",
            cost_estimate: 92_000,
            delay_months: 12,
            answer: "Votre projet est recevable et sera soumis au vote. Les travaux, estimés à 92 000 €, auraient lieu \
pendant les vacances d'été qui suivent le vote.",
        },
    ),
    (
        10,
        Decision::Admissible {
            feasibility: "Jeux existants en fin de vie, à remplacer de toute façon. Sol souple à prévoir sur 600 m².",
            cost_estimate: 135_000,
            delay_months: 10,
            answer: "Votre projet est recevable et sera soumis au vote. Le coût est estimé à 135 000 € et la réalisation \
à dix mois après le vote.",
        },
    ),
    (
        11,
        Decision::Admissible {
            feasibility: "La friche appartient à la ville. Sol à dépolluer en surface : apport de terre végétale.",
            cost_estimate: 14_000,
            delay_months: 4,
            answer: "Votre projet est recevable et sera soumis au vote. La ville signera une convention avec \
l'association des jardiniers. Coût estimé : 14 000 €.",
        },
    ),
    (12, Decision::Pending),
    (
        18,
        Decision::NotAdmissible {
            reason: REASON_COST,
            reason_text: "Coût d'une piscine de 50 m estimé à 9 M€.",
            answer: "Une piscine olympique coûterait environ 9 millions d'euros, bien au-delà du plafond de 150 000 € \
par projet. Votre proposition est transmise au service des sports pour le plan pluriannuel d'équipements.",
        },
    ),
    (
        19,
        Decision::Admissible {
            feasibility: "Douze lampadaires solaires. Pas de tranchée à ouvrir dans le parc.",
            cost_estimate: 48_000,
            delay_months: 8,
            answer: "Votre projet est recevable et sera soumis au vote. Douze lampadaires solaires sont prévus, \
pour un coût estimé à 48 000 €.",
        },
    ),
    (20, Decision::Pending),
    (
        22,
        Decision::Admissible {
            feasibility: "Fusion avec BP-2026-0023 : trois boîtes au lieu d'une.",
            cost_estimate: 8_000,
            delay_months: 4,
            answer: "Votre projet est recevable et sera soumis au vote. Il reprend aussi la proposition BP-2026-0023 : \
trois boîtes à livres seront installées dans le quartier, pour un coût estimé à 8 000 €.",
        },
    ),
    (
        23,
        Decision::Merged {
            into: 22,
            answer: "Votre proposition est très proche de BP-2026-0022. Avec l'accord de leurs auteurs, les deux projets \
ont été réunis : ils continuent ensemble sous la référence BP-2026-0022.",
        },
    ),
    (
        24,
        Decision::NotAdmissible {
            reason: REASON_COMPETENCE,
            reason_text: "Mobilier des arrêts de bus : compétence de la communauté d'agglomération.",
            answer: "Les abris de bus relèvent de la communauté d'agglomération, pas de la ville. Nous lui avons \
transmis votre demande, qu'elle étudiera dans son programme de l'an prochain.",
        },
    ),
    (
        28,
        Decision::NotAdmissible {
            reason: REASON_OPERATING,
            reason_text: "Programmation, sécurité et personnel : dépenses de fonctionnement.",
            answer: "Le budget participatif finance des investissements. L'animation d'une guinguette est une dépense \
de fonctionnement : le service culturel vous propose de l'inscrire à la programmation de l'été prochain.",
        },
    ),
    (
        29,
        Decision::Admissible {
            feasibility: "Ancrages possibles sur les façades de la mairie annexe. Brumisateurs raccordés au réseau existant.",
            cost_estimate: 60_000,
            delay_months: 9,
            answer: "Votre projet est recevable et sera soumis au vote, pour un coût estimé à 60 000 €.",
        },
    ),
    (
        34,
        Decision::NotAdmissible {
            reason: REASON_LAND,
            reason_text: "Terrain privé, en cours de dépollution par son propriétaire.",
            answer: "Le terrain de l'ancienne usine appartient à une société privée, qui doit d'abord le dépolluer. \
La ville ne peut pas y réaliser de travaux ; votre idée sera versée à la concertation sur l'avenir du site.",
        },
    ),
    (35, Decision::Pending),
];

/// A comment and its replies: (author, text).
pub(crate) struct Thread {
    pub proposal: usize,
    pub author: usize,
    pub body: &'static str,
    pub replies: &'static [(usize, &'static str)],
}

pub(crate) const THREADS: &[Thread] = &[
    Thread {
        proposal: 1,
        author: 1,
        body: "Excellente idée ! Ma mère a 85 ans et ne peut plus aller jusqu'au marché sans s'arrêter.",
        replies: &[
            (
                0,
                "Merci ! C'est exactement pour elle et pour tous ceux qui sont dans son cas que j'ai proposé ce projet.",
            ),
            (
                3,
                "Pensez à des bancs avec accoudoirs, c'est plus facile pour se relever.",
            ),
        ],
    },
    Thread {
        proposal: 2,
        author: 6,
        body: "Il y en a une au Plateau qui marche très bien : les livres tournent vite.",
        replies: &[],
    },
    Thread {
        proposal: 4,
        author: 2,
        body: "Nos enfants étouffent l'été dans cette cour en bitume. Je soutiens à 100 %.",
        replies: &[
            (
                3,
                "Le conseil d'école a déjà un plan avec l'équipe enseignante, nous pouvons le partager.",
            ),
            (4, "Pensez aussi à un coin calme à l'ombre pour les plus petits."),
        ],
    },
    Thread {
        proposal: 6,
        author: 5,
        body: "Qui l'accordera ? Un piano dehors se désaccorde très vite.",
        replies: &[(
            4,
            "Il serait dans le hall, à l'abri. Le conservatoire a proposé de s'en occuper.",
        )],
    },
    Thread {
        proposal: 10,
        author: 10,
        body: "Enfin une aire de jeux où mon fils en fauteuil pourra jouer avec les autres enfants !",
        replies: &[(5, "C'est tout le sens du projet. Merci pour votre soutien.")],
    },
    Thread {
        proposal: 10,
        author: 9,
        body: "Prévoyez des bancs à l'ombre pour les parents, s'il vous plaît.",
        replies: &[],
    },
    Thread {
        proposal: 11,
        author: 8,
        body: "Je suis partante pour m'occuper des plantations le week-end.",
        replies: &[
            (
                6,
                "Super ! Une réunion d'information aura lieu à la maison de quartier.",
            ),
            (7, "Moi aussi, et j'ai des outils à prêter."),
        ],
    },
    Thread {
        proposal: 12,
        author: 13,
        body: "Quelles essences ? Il faudrait des arbres qui supportent la sécheresse.",
        replies: &[(
            5,
            "Des tilleuls argentés et des érables champêtres, d'après le jardinier que j'ai consulté.",
        )],
    },
    Thread {
        proposal: 14,
        author: 11,
        body: "Les voitures roulent vraiment trop vite à la sortie de l'école.",
        replies: &[],
    },
    Thread {
        proposal: 18,
        author: 7,
        body: "Ce serait génial, mais je doute que ça tienne dans le budget…",
        replies: &[(5, "Je sais, mais il faut bien commencer quelque part !")],
    },
    Thread {
        proposal: 19,
        author: 12,
        body: "Mes enfants passent par là en hiver à 7 h 30 : il fait nuit noire.",
        replies: &[],
    },
    Thread {
        proposal: 20,
        author: 9,
        body: "Les jeunes du quartier ont fait un dessin du projet, on peut le joindre ?",
        replies: &[(10, "Oui, envoyez-le-moi, je l'ajouterai à la description.")],
    },
    Thread {
        proposal: 22,
        author: 12,
        body: "Ma proposition BP-2026-0023 est très proche : on pourrait les réunir ?",
        replies: &[(11, "Bonne idée, je suis d'accord pour fusionner.")],
    },
    Thread {
        proposal: 23,
        author: 9,
        body: "Une boîte à livres près de l'école serait parfaite.",
        replies: &[],
    },
    Thread {
        proposal: 27,
        author: 14,
        body: "Indispensable : aujourd'hui on roule entre les voitures garées et la rivière.",
        replies: &[],
    },
    Thread {
        proposal: 27,
        author: 2,
        body: "Pourvu que les piétons gardent leur place aussi.",
        replies: &[(13, "Oui, le projet prévoit une voie séparée pour les piétons.")],
    },
    Thread {
        proposal: 28,
        author: 0,
        body: "Ce serait formidable, l'été !",
        replies: &[],
    },
    Thread {
        proposal: 29,
        author: 1,
        body: "La place est un four en juillet. Merci pour cette proposition.",
        replies: &[],
    },
    Thread {
        proposal: 31,
        author: 14,
        body: "Les enfants de la résidence adoreraient s'en occuper.",
        replies: &[],
    },
    Thread {
        proposal: 36,
        author: 8,
        body: "Pommiers, poiriers… et pourquoi pas des framboisiers ?",
        replies: &[(6, "Bonne idée, je l'ajoute au projet.")],
    },
    Thread {
        proposal: 41,
        author: 4,
        body: "Je pousse une poussette tous les jours sur cette allée : c'est un parcours du combattant.",
        replies: &[],
    },
    Thread {
        proposal: 43,
        author: 3,
        body: "Il y a le marché du samedi au centre, mais au Plateau ce serait tellement plus pratique.",
        replies: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        // Nobody deposits more than the demo's limit of three proposals.
        for (i, (name, email)) in PARTICIPANTS.iter().enumerate() {
            let n = PROPOSALS.iter().filter(|p| p.author == i).count();
            assert!((1..=3).contains(&n), "{name}: {n}");
            assert!(email.ends_with("@demo.invalid"));
        }
        assert!(PROPOSALS.len() >= 40);
        let valid = |n: usize| (1..=PROPOSALS.len()).contains(&n);
        for (n, d) in REVIEWS {
            assert!(valid(*n));
            if let Decision::Merged { into, .. } = d {
                assert!(valid(*into) && into != n);
            }
        }
        for t in THREADS {
            assert!(valid(t.proposal) && t.author < PARTICIPANTS.len());
            assert!(t.replies.iter().all(|(a, _)| *a < PARTICIPANTS.len()));
        }
    }
}
