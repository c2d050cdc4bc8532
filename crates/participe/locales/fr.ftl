# Participe — catalogue français (langue par défaut).
# Chaque identifiant doit exister aussi dans en.ftl (un test le vérifie).

## Général
skip-to-content = Aller au contenu
nav-menu = Menu
nav-account-menu = Compte et langue
nav-footer = Liens du pied de page
nav-moderation-log = Journal de modération
nav-api = API publique
nav-main = Navigation principale
nav-home = Accueil
nav-admin = Administration
nav-account = Mon compte
nav-logout = Se déconnecter
nav-login = Se connecter
nav-signup = Créer un compte
lang-switch = English
nav-terms = Conditions d’utilisation
footer-powered = Propulsé par Participe, logiciel libre
back-home = Retour à l’accueil
breadcrumb = Fil d’Ariane
save = Enregistrer
cancel = Annuler
add = Ajouter
delete = Supprimer
rename = Renommer
upload = Envoyer
yes = Oui
no = Non
none-yet = Aucun élément pour le moment.
required-mark = (obligatoire)
error-prefix = Erreur :{" "}
error-summary-title = Le formulaire contient des erreurs
pager-label = Pagination
pager-prev = Page précédente
pager-next = Page suivante
pager-position = Page { $page } sur { $pages }
move-up = Monter
move-down = Descendre
deleted-user = Utilisateur supprimé

## Pages d’erreur
error-page-bad-request = Requête invalide
error-page-bad-request-text = Les données envoyées n’ont pas pu être lues. Rechargez la page et réessayez.
error-page-login = Connexion requise
error-page-login-text = Connectez-vous pour accéder à cette page.
error-page-forbidden = Accès refusé
error-page-forbidden-text = Votre compte ne permet pas d’accéder à cette page.
error-page-csrf = Formulaire expiré
error-page-csrf-text = Ce formulaire n’est plus valable (jeton de sécurité absent ou incorrect). Rechargez la page et envoyez-le de nouveau.
error-page-not-found = Page introuvable
error-page-not-found-text = Cette page n’existe pas ou n’est plus disponible.
error-page-too-many = Trop de tentatives
error-page-too-many-text = Vous avez fait trop de tentatives en peu de temps. Patientez quelques minutes avant de réessayer.
error-page-internal = Erreur du serveur
error-page-internal-text = Une erreur inattendue s’est produite. Rien n’a été perdu ; réessayez dans un instant.

## Accueil
home-title = Accueil
home-heading = Participez avec { $org }
home-intro = Proposez, débattez, votez : découvrez les projets participatifs en cours et à venir.
home-open = Projets en cours
home-open-empty = Aucun projet n’est ouvert en ce moment.
hero-cta-vote = Voter : { $project }
hero-cta-propose = Proposer une idée : { $project }
hero-cta-participate = Participer : { $project }
hero-cta-results = Voir les résultats : { $project }
hero-cta-follow_up = Suivre les réalisations : { $project }
hero-cta-discover = Découvrir : { $project }
hero-see-projects = Voir les projets
hero-figures-label = La participation en chiffres
hero-open-projects = { $count ->
    [one] projet en cours
   *[other] projets en cours
}
cta-vote = Voter
cta-propose = Proposer une idée
cta-participate = Participer
cta-results = Voir les résultats
cta-follow_up = Suivre les réalisations
cta-discover = Découvrir le projet
counters-label = Participation
counter-participants = { $count ->
    [one] participant·e
   *[other] participant·es
}
counter-contributions = { $count ->
    [one] contribution
   *[other] contributions
}
counter-votes = { $count ->
    [one] vote
   *[other] votes
}
project-featured-open = Étape en cours
project-featured-upcoming = Prochaine étape
project-featured-closed = Dernière étape
step-see = Voir l’étape
home-upcoming = Projets à venir
home-upcoming-empty = Aucun projet n’est annoncé pour le moment.
home-past = Projets terminés
home-past-empty = Aucun projet terminé.

## Projets et étapes
project-themes = Thèmes
project-districts = Quartiers
project-timeline = Étapes du projet
project-no-steps = Ce projet n’a pas encore d’étape.
project-about = À propos du projet
visibility-draft = Brouillon
visibility-public = Public
visibility-restricted = Réservé aux personnes connectées
step-state-upcoming = À venir
step-state-open = En cours
step-state-closed = Terminée
step-dates-continuous = En continu
dates-range = du { $start } au { $end }
dates-on = le { $start }
dates-from = à partir du { $start }
dates-until = jusqu’au { $end }
dates-at-time = { $date } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
step-unpublished = Non publiée
step-type-presentation = Présentation
step-type-collect = Dépôt
step-type-analysis = Analyse
step-type-vote = Vote
step-type-results = Résultats
step-type-follow_up = Suivi
step-type-consultation = Consultation
step-type-questionnaire = Questionnaire
step-type-debate = Débat
step-type-other = Autre
step-feature-coming = La participation en ligne à cette étape ouvrira prochainement sur cette page.
terms-title = Conditions d’utilisation
terms-empty = Les conditions d’utilisation n’ont pas encore été publiées.

## Inscription et connexion
signup-title = Créer un compte
label-display-name = Nom affiché
help-display-name = Le nom public qui signera vos contributions.
label-email = Adresse e-mail
label-password = Mot de passe
help-password = Au moins 10 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.
label-terms = J’accepte les conditions d’utilisation de { $org }
signup-read-terms = Lire les conditions d’utilisation
signup-submit = Créer mon compte
signup-have-account = Vous avez déjà un compte ?
signup-done-title = Vérifiez votre boîte mail
signup-done-text = Un e-mail de confirmation a été envoyé à { $email }. Ouvrez le lien qu’il contient pour confirmer votre adresse, puis connectez-vous.
login-title = Se connecter
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-no-account = Pas encore de compte ?
forgot-title = Mot de passe oublié
forgot-intro = Indiquez votre adresse e-mail : si un compte l’utilise, vous recevrez un lien pour choisir un nouveau mot de passe.
forgot-submit = Recevoir un lien
forgot-done-title = Vérifiez votre boîte mail
forgot-done-text = Si un compte utilise l’adresse { $email }, un lien de réinitialisation vient de lui être envoyé. Il est valable une heure.
reset-title = Choisir un nouveau mot de passe
label-new-password = Nouveau mot de passe
reset-submit = Enregistrer le mot de passe
reset-invalid-title = Lien expiré ou déjà utilisé
reset-invalid-text = Ce lien de réinitialisation n’est plus valable. Demandez-en un nouveau depuis la page « Mot de passe oublié ».
confirm-invalid-title = Lien expiré ou déjà utilisé
confirm-invalid-text = Ce lien de confirmation n’est plus valable. Connectez-vous et demandez un nouveau lien depuis votre compte.

## Compte
account-title = Mon compte
account-unconfirmed = Votre adresse { $email } n’est pas encore confirmée.
account-resend = Renvoyer l’e-mail de confirmation
account-profile = Profil
label-locale = Langue
account-password = Mot de passe
label-current-password = Mot de passe actuel
account-change-password = Changer le mot de passe
account-sessions = Sessions
account-session-count = { $count ->
    [one] Vous êtes connecté·e sur { $count } appareil.
   *[other] Vous êtes connecté·e sur { $count } appareils.
}
account-revoke-sessions = Se déconnecter de tous les appareils
account-delete = Supprimer mon compte
account-delete-link = Supprimer mon compte et mes données personnelles
delete-title = Supprimer mon compte
delete-intro = Votre nom, votre adresse e-mail et votre mot de passe seront effacés définitivement. Vos contributions publiques resteront visibles, signées « Utilisateur supprimé ».
delete-password-help = Saisissez votre mot de passe pour confirmer.
delete-submit = Supprimer définitivement mon compte

## Messages après une action
flash-email-confirmed = Votre adresse e-mail est confirmée.
flash-confirmation-sent = Un nouvel e-mail de confirmation vous a été envoyé.
flash-logged-in = Vous êtes connecté·e.
flash-logged-out = Vous êtes déconnecté·e.
flash-password-reset = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
flash-profile-saved = Votre profil est enregistré.
flash-password-changed = Votre mot de passe a été changé ; vos autres sessions ont été fermées.
flash-sessions-revoked = Toutes vos sessions ont été fermées.
flash-account-deleted = Votre compte a été supprimé.
flash-project-created = Le projet est créé. Ajoutez-lui maintenant ses étapes.
flash-saved = Modifications enregistrées.
flash-project-deleted = Le projet a été supprimé.
flash-step-created = L’étape est ajoutée.
flash-step-deleted = L’étape a été supprimée.
flash-deleted = Élément supprimé.
flash-cannot-demote-self = Vous ne pouvez pas retirer votre propre rôle d’administrateur.

## Erreurs de saisie
error-required = Ce champ est obligatoire.
error-email-invalid = Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.
error-email-taken = Un compte utilise déjà cette adresse e-mail. Connectez-vous ou choisissez « Mot de passe oublié ».
error-title-too-long = Le titre ne doit pas dépasser 200 caractères.
error-name-too-long = Le nom ne doit pas dépasser 80 caractères.
error-text-too-long = Ce texte est trop long.
error-text-control = Ce texte contient des caractères invisibles non autorisés.
error-password-too-short = Le mot de passe doit contenir au moins 10 caractères.
error-password-too-long = Le mot de passe ne doit pas dépasser 256 caractères.
error-password-wrong = Le mot de passe est incorrect.
error-slug-invalid = L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets simples.
error-slug-taken = Un autre projet utilise déjà cette adresse.
error-colour-invalid = Saisissez une couleur au format hexadécimal, par exemple #1d4ed8.
error-colour-contrast = Cette couleur est trop claire : le texte blanc posé dessus ne serait pas assez lisible (contraste inférieur à 4,5:1, niveau AA).
error-date-invalid = Saisissez une date et une heure valides (JJ/MM/AAAA HH:MM).
error-end-before-start = La date de fin doit être postérieure à la date de début.
error-step-type-unknown = Choisissez un type d’étape dans la liste.
error-visibility-unknown = Choisissez une visibilité dans la liste.
error-role-unknown = Choisissez un rôle dans la liste.
error-terms-required = Vous devez accepter les conditions d’utilisation pour créer un compte.
error-login-failed = Adresse e-mail ou mot de passe incorrect.
error-locale-unknown = Choisissez une langue dans la liste.
error-term-unknown = Un des éléments choisis n’existe plus ; rechargez la page.
error-name-taken = Ce nom existe déjà.
error-upload-too-large = Le fichier est trop lourd (5 Mo au maximum).
error-upload-not-image = Le fichier n’est pas une image PNG, JPEG, GIF ou WebP valide.

## Administration
admin-nav = Menu d’administration
admin-dashboard = Tableau de bord
admin-projects = Projets
admin-districts = Quartiers
admin-themes = Thèmes
admin-settings = Identité de la plateforme
admin-users = Comptes
admin-emails = E-mails envoyés
dashboard-todo = À traiter
dashboard-awaiting-analysis = { $count ->
    [one] proposition attend son analyse
   *[other] propositions attendent leur analyse
}
dashboard-open-reports = { $count ->
    [one] signalement ouvert
   *[other] signalements ouverts
}
dashboard-open-steps = Étapes en cours
dashboard-step = Étape
dashboard-project = Projet
dashboard-dates = Dates
dashboard-actions = Actions
dashboard-preview = Voir la page publique
dashboard-edit = Modifier
dashboard-no-open-step = Aucune étape n’est ouverte en ce moment.
dashboard-figures = Participation
dashboard-proposals = { $count ->
    [one] proposition publiée
   *[other] propositions publiées
}
dashboard-ballots = { $count ->
    [one] bulletin de vote
   *[other] bulletins de vote
}
dashboard-activity = Activité récente
dashboard-activity-proposal = Nouvelle proposition :
dashboard-activity-comment = Nouveau commentaire sur
dashboard-no-activity = Aucune activité pour le moment.
admin-stat-projects = { $count ->
    [one] projet
   *[other] projets
}
admin-stat-users = { $count ->
    [one] compte
   *[other] comptes
}
admin-stat-emails = { $count ->
    [one] e-mail dans la boîte d’envoi
   *[other] e-mails dans la boîte d’envoi
}
admin-project-new = Nouveau projet
admin-project-create = Créer le projet
admin-projects-empty = Aucun projet pour le moment. Créez le premier !
admin-updated = Mis à jour
label-title = Titre
label-visibility = Visibilité
label-slug = Adresse (slug)
help-slug = La fin de l’adresse de la page du projet. Laissez vide pour la déduire du titre.
label-summary = Résumé
help-summary = Une ou deux phrases affichées dans les listes (500 caractères au maximum).
label-description = Description
help-markdown = Mise en forme Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…).
help-visibility = Un brouillon n’est visible que par l’équipe ; un projet réservé n’est visible que par les personnes connectées.
admin-project-view = Voir la page publique
admin-steps = Étapes
admin-step-new = Ajouter une étape
admin-project-edit = Modifier le projet
admin-cover = Image de couverture
admin-cover-current = Image de couverture actuelle
label-image = Image
help-image = PNG, JPEG, GIF ou WebP, 5 Mo au maximum.
label-image-alt = Description de l’image
help-image-alt = Obligatoire avec une image : décrivez ce qu’elle montre pour les personnes qui ne la voient pas.
admin-project-delete = Supprimer le projet
admin-step-edit = Modifier l’étape
label-step-type = Type d’étape
label-body = Texte de l’étape
label-starts-at = Début
label-ends-at = Fin
help-dates = Heure de Paris. Laissez les deux dates vides pour une étape en continu.
label-published = Publier l’étape
admin-step-create = Ajouter l’étape
admin-step-delete = Supprimer l’étape
label-name = Nom
label-org-name = Nom de l’organisation
label-primary-colour = Couleur principale
label-secondary-colour = Couleur secondaire
help-colour = Format #rrggbb. Le texte blanc posé sur cette couleur doit rester lisible (contraste AA).
label-terms-text = Conditions d’utilisation
admin-logo = Logo
admin-logo-current = Logo actuel
admin-emails-smtp = Les e-mails sont envoyés par le serveur SMTP configuré.
admin-emails-no-smtp = Aucun serveur SMTP n’est configuré : les e-mails restent ici, lisibles par les administrateurs, et leur texte est écrit dans le journal du serveur.
email-date = Date
email-to = Destinataire
email-subject = Objet
email-status = État
email-sent = Envoyé
email-failed = Échec d’envoi
email-queued = En attente
email-links = Liens de l’e-mail
admin-emails-empty = Aucun e-mail pour le moment.
admin-confirmed = Adresse confirmée
label-role = Rôle
role-administrator = Administrateur·rice
role-project_manager = Chef·fe de projet
role-moderator = Modérateur·rice
role-analyst = Analyste
role-participant = Participant·e

## E-mails
email-confirm-subject = Confirmez votre adresse e-mail sur { $org }
email-confirm-body =
    Bonjour,

    Pour confirmer votre adresse e-mail sur { $org }, ouvrez ce lien (valable { $hours } heures) :

    { $link }

    Si vous n’avez pas créé de compte, ignorez ce message.
email-inactive-subject = Votre compte sur { $org } va être anonymisé
email-inactive-body =
    Bonjour,

    Vous ne vous êtes pas connecté·e à { $org } depuis longtemps. Pour ne pas garder vos données personnelles plus que nécessaire, votre compte sera anonymisé le { $date } : votre nom et votre adresse e-mail seront effacés, vos contributions resteront, sans votre nom.

    Pour garder votre compte, il suffit de vous connecter avant cette date : { $link }

email-reset-subject = Réinitialisez votre mot de passe sur { $org }
email-reset-body =
    Bonjour,

    Pour choisir un nouveau mot de passe sur { $org }, ouvrez ce lien (valable { $minutes } minutes) :

    { $link }

    Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.

## Modèles de projet
label-project-template = Modèle d’étapes
help-project-template = Crée d’emblée les étapes habituelles, non publiées et sans dates : vous pourrez les modifier, les réordonner ou les supprimer.
project-template-none = Aucun : j’ajouterai les étapes moi-même
project-template-participatory_budget = Budget participatif
project-template-idea_box = Boîte à idées
project-template-call_for_projects = Appel à projets
project-template-petition = Pétition
error-template-unknown = Choisissez un modèle dans la liste.
template-step-presentation = Présentation
template-step-collect-projects = Dépôt des projets
template-step-collect-ideas = Dépôt des idées
template-step-collect-applications = Dépôt des candidatures
template-step-collect-petitions = Dépôt des pétitions
template-step-analysis = Analyse par les services
template-step-selection = Sélection des projets
template-step-vote = Vote
template-step-results = Résultats
template-step-winners = Lauréats
template-step-city-response = Réponse de la ville
template-step-follow-up = Suivi des réalisations

## Propositions (dépôt, pages, listes)
choose = — Choisir —
select = Sélectionner
amount-euros = { $amount } €
proposals-title = Propositions
proposals-filters = Filtrer les propositions
proposals-count = { $count ->
    [0] Aucune proposition ne correspond.
    [one] { $count } proposition
   *[other] { $count } propositions
}
proposals-empty = Aucune proposition pour le moment.
filter-search-submit = Lancer la recherche
filter-remove = (retirer ce filtre)
filters-active = Filtres appliqués
filters-clear = Effacer les filtres
pager-page = Page
filter-text = Rechercher
filter-all = Tous
filter-sort = Trier par
filter-view = Affichage
filter-apply = Appliquer
view-list = Liste
view-grid = Grille
sort-random = Ordre aléatoire
sort-newest = Les plus récentes
sort-comments = Les plus commentées
sort-cost_asc = Coût croissant
sort-cost_desc = Coût décroissant
comments-count-word = { $count ->
    [one] commentaire
   *[other] commentaires
}
share = Partager
share-link = Lien de la proposition
share-email = Envoyer par courriel
comments-count = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
proposal-section-idea = Votre idée
proposal-section-details = Où, pour qui, combien
proposal-section-files = Image et documents
proposal-section-questions = Questions complémentaires
proposal-draft-hint = Pas encore prêt ? Enregistrez un brouillon : vous seul le voyez, et vous pourrez le reprendre plus tard depuis votre compte.
proposal-new-title = Déposer une proposition
proposal-edit-title = Modifier la proposition
proposal-form-intro = Décrivez votre idée simplement. Vous pouvez enregistrer un brouillon et le terminer plus tard.
proposal-submit = Déposer la proposition
proposal-save-draft = Enregistrer le brouillon
proposal-current-image = Illustration actuelle
proposal-hidden-title = Proposition masquée
proposal-by = Proposée par { $author }
proposal-state-draft = Brouillon
proposal-state-published = Publiée
proposal-state-withdrawn = Retirée par son auteur
proposal-merged-into = Cette proposition a été fusionnée avec :
proposal-answers = Précisions du porteur de projet
proposal-official-answer = Réponse officielle
proposal-actions = Actions
proposal-edit = Modifier ma proposition
proposal-continue-draft = Reprendre mon brouillon
proposal-withdraw = Retirer ma proposition
proposal-follow = Suivre cette proposition
proposal-unfollow = Ne plus suivre
proposal-contact = Contacter le porteur de projet
proposal-followers = { $count ->
    [0] Personne ne suit encore cette proposition.
    [one] { $count } personne suit cette proposition.
   *[other] { $count } personnes suivent cette proposition.
}
proposal-staff-page = Analyse de la proposition (équipe)
label-cost = Coût estimé (en euros)
label-district = Quartier
label-theme = Thème
label-category = Catégorie
label-status = Statut
label-location = Localisation
label-address = Adresse
label-latitude = Latitude
label-longitude = Longitude
label-attachments = Pièces jointes
label-birth-date = Date de naissance
label-reference = Référence
label-author = Auteur
help-proposal-summary = Une ou deux phrases qui résument votre idée (500 caractères au maximum).
help-cost = Un montant approximatif suffit.
help-cost-max = Un montant approximatif suffit ; { $max } € au maximum.
help-coordinates = Facultatif, en degrés décimaux (par exemple 48.1113).
help-attachments = Documents PDF, 3 au maximum, 10 Mo chacun.
help-birth-date = Ce dépôt est ouvert à partir de { $age } ans. Votre date de naissance reste privée.
choice-other = Autre
choice-other-text = Précisez
help-choices-bounds = Choisissez entre { $min } et { $max } réponses.
deposit-refused-title = Dépôt impossible
deposit-refused-closed = Le dépôt des propositions n’est pas ouvert en ce moment.
deposit-refused-unconfirmed = Confirmez d’abord votre adresse e-mail (un lien vous a été envoyé ; vous pouvez en demander un nouveau depuis votre compte).
deposit-refused-birth-date = Indiquez votre date de naissance pour déposer une proposition.
deposit-refused-age = Ce dépôt est réservé aux personnes ayant l’âge minimum fixé par le règlement.
deposit-refused-limit = Vous avez atteint le nombre maximum de propositions pour cette étape.

## Commentaires, signalements, contact
comments-title = { $count ->
    [0] Commentaires
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
comments-empty = Aucun commentaire pour le moment.
comments-login = Connectez-vous pour commenter.
comment-send = Publier le commentaire
comment-reply = Répondre
comment-edit = Modifier
comment-delete = Supprimer mon commentaire
comment-deleted = Commentaire supprimé par son auteur.
label-comment = Votre commentaire
label-reply = Votre réponse
help-comment = Restez courtois : les commentaires sont publics et modérés.
report-proposal = Signaler cette proposition
report-comment = Signaler
report-send = Envoyer le signalement
label-report-reason = Motif
label-report-details = Précisions
report-reason-spam = Spam ou publicité
report-reason-offensive = Propos injurieux ou haineux
report-reason-off_topic = Hors sujet
report-reason-personal_data = Données personnelles
report-reason-other = Autre raison
contact-title = Contacter le porteur de projet
contact-intro = Votre message sera transmis par e-mail à { $author }. Ni votre adresse ni la sienne ne sont communiquées : si vous souhaitez une réponse, indiquez comment vous joindre.
label-message = Votre message
help-contact = 10 à 5 000 caractères.
honeypot-label = Ne remplissez pas ce champ
contact-pow-working = Vérification anti-robot en cours…
contact-pow-done = Vérification terminée : vous pouvez envoyer votre message.
contact-needs-js = Ce formulaire a besoin de JavaScript pour sa vérification anti-robot.
contact-send = Envoyer le message

## Modération
moderation-hidden-notice = Masqué par la modération : { $reason }
moderation-act = Modérer
moderation-hide = Masquer
moderation-restore = Rétablir
moderation-dismiss = Classer le signalement sans suite
moderation-already-hidden = Déjà masqué
moderation-restored-default = Rétabli après vérification.
label-hide-reason = Raison publique du masquage
help-hide-reason = Elle sera affichée à la place du contenu et dans le journal public.
label-restore-note = Note publique (facultative)
moderation-log-title = Journal de modération
moderation-log-intro = Tout contenu masqué ou rétabli est listé ici, avec la date et la raison, pour que chacun puisse vérifier que rien n’est censuré en silence.
moderation-log-empty = Aucune action de modération pour le moment.
moderation-content = Contenu
moderation-action = Action
moderation-reason = Raison
moderation-kind-proposal = Proposition
moderation-kind-comment = Commentaire
moderation-action-hidden = Masqué
moderation-action-restored = Rétabli
moderation-queue-empty = Aucun signalement en attente.

## Compte : notifications et propositions
account-proposals = Mes propositions
account-no-proposals = Vous n’avez encore déposé aucune proposition.
account-notifications = Notifications par e-mail
account-notify-legend = M’écrire quand une proposition que je porte ou que je suis…
label-notify-status = change de statut
label-notify-answer = reçoit une réponse officielle
label-notify-comment = reçoit un commentaire
unsubscribe-title = Se désabonner
unsubscribe-intro = Ne plus recevoir aucune notification par e-mail de la plateforme ?
unsubscribe-confirm = Me désabonner
unsubscribe-done = C’est fait : vous ne recevrez plus de notifications. Vous pouvez les réactiver dans votre compte.
unsubscribe-unknown = Ce lien de désabonnement n’est pas valable.

## Administration des propositions
admin-step-proposals = Propositions de l’étape
admin-analysis = Mes analyses
admin-reasons = Motifs d’irrecevabilité
admin-moderation = Modération
collect-title = Configuration du dépôt
collect-configure = Configurer le dépôt
collect-proposals-link = Voir et analyser les propositions
collect-rules = Règles et champs
collect-fields = Champs du formulaire de dépôt
collect-field = Champ
collect-mode = Utilisation
collect-help = Texte d’aide
collect-questions = Questions personnalisées
collect-no-questions = Aucune question personnalisée.
collect-add-question = Ajouter une question
collect-categories = Catégories
collect-statuses = Statuts des propositions
label-reference-prefix = Préfixe des références
help-reference-prefix = Par exemple BP-2026 : les propositions seront numérotées BP-2026-0001, BP-2026-0002…
label-max-cost = Coût maximum par proposition (euros)
label-min-age = Âge minimum pour déposer
label-max-per-person = Propositions par personne
help-max-per-person = 0 pour ne pas limiter.
help-optional-number = Laissez vide pour ne pas fixer de limite.
field-summary = Résumé
field-description = Description
field-cost = Coût estimé
field-district = Quartier
field-theme = Thème
field-category = Catégorie
field-address = Adresse et position
field-image = Illustration
field-attachments = Pièces jointes PDF
mode-off = Désactivé
mode-optional = Facultatif
mode-required = Obligatoire
label-question-kind = Type de question
label-question = Intitulé de la question
label-help-text = Texte d’aide
label-required = Réponse obligatoire
label-min = Minimum
label-max = Maximum
help-min-max = Pour un nombre : valeurs permises ; pour un choix multiple : nombre de choix.
label-choices = Choix proposés
help-choices = Un choix par ligne (au moins deux).
label-allow-other = Permettre la réponse « Autre »
label-colour = Couleur
question-kind-short_text = Texte court
question-kind-long_text = Texte long
question-kind-number = Nombre
question-kind-single_choice = Choix unique
question-kind-multiple_choice = Choix multiple
question-kind-yes_no = Oui / non
question-kind-section = Titre de section
analysis-title = Analyse des services
analysis-private = Visible uniquement par l’équipe.
analysis-assign = Affecter
analysis-nobody = Personne
analysis-bulk-assign = Affecter en masse
analysis-queue-empty = Aucune proposition ne vous est affectée.
label-analyst = Analyste
label-scope = Propositions concernées
scope-selected = Les propositions cochées
scope-district = Toutes celles du quartier choisi
scope-theme = Toutes celles du thème choisi
label-admissibility = Recevabilité
admissibility-pending = À analyser
admissibility-admissible = Recevable
admissibility-not_admissible = Non recevable
label-reason = Motif
help-reason = Obligatoire (motif ou texte) pour une proposition non recevable.
label-reason-text = Explication
label-feasibility = Faisabilité
label-cost-estimate = Coût estimé par les services (euros)
label-delay-months = Délai de réalisation (mois)
decision-title = Décision
label-outcome = Issue
outcome-admissible = Soumise au vote
outcome-not_admissible = Non retenue
outcome-merged = Fusionnée
label-merged-into = Fusionnée avec
help-merged-into = Pour une fusion : les commentaires et les personnes qui suivent passent à cette proposition.
status-none = Aucun statut
help-status-notify = L’auteur et les personnes qui suivent la proposition sont prévenus par e-mail.
label-answer = Texte de la réponse
label-publish-at = Publier le
help-publish-at = Laissez vide pour publier tout de suite (heure de Paris).
answer-publish = Enregistrer la réponse
answer-published = Publiée le { $date }.
answer-scheduled = Publication prévue le { $date }.
reasons-intro = Ces motifs sont proposés aux analystes lorsqu’une proposition n’est pas recevable.
export-csv = Exporter en CSV
export-semicolon = séparateur point-virgule
export-comma = séparateur virgule
export-tab = séparateur tabulation

## Messages après une action (propositions)
flash-proposal-submitted = Votre proposition est déposée. Merci !
flash-draft-saved = Votre brouillon est enregistré.
flash-proposal-withdrawn = Votre proposition a été retirée.
flash-comment-posted = Votre commentaire est publié.
flash-comment-deleted = Votre commentaire a été supprimé.
flash-followed = Vous suivez cette proposition.
flash-unfollowed = Vous ne suivez plus cette proposition.
flash-reported = Merci, votre signalement a été transmis à la modération.
flash-message-sent = Votre message a été transmis.
flash-hidden = Le contenu est masqué.
flash-restored = Le contenu est rétabli.
flash-assigned = Les propositions ont été affectées.

## Erreurs de saisie (propositions)
error-choice-unknown = Choisissez une valeur dans la liste.
error-number-invalid = Saisissez un nombre entier, sans lettres.
error-number-too-small = Cette valeur est trop petite.
error-number-too-large = Cette valeur est trop grande.
error-answer-invalid = Cette réponse ne fait pas partie des choix proposés.
error-other-empty = Précisez votre réponse « Autre ».
error-too-few-choices = Cochez davantage de réponses.
error-too-many-choices = Vous avez coché trop de réponses.
error-question-kind-unknown = Choisissez un type de question dans la liste.
error-max-below-min = Le maximum doit être supérieur ou égal au minimum.
error-choice-invalid = Un des choix est trop long ou invalide.
error-choices-needed = Indiquez au moins deux choix, un par ligne.
error-field-mode-unknown = Choisissez une utilisation dans la liste.
error-birth-date-invalid = Saisissez une date de naissance passée.
error-cost-negative = Le coût ne peut pas être négatif.
error-cost-too-high = Le coût dépasse le maximum fixé par le règlement.
error-coordinate-invalid = Saisissez une coordonnée en degrés décimaux.
error-coordinate-pair = Indiquez la latitude et la longitude, ou aucune des deux.
error-prefix-invalid = Le préfixe ne peut contenir que des lettres majuscules, des chiffres et des tirets (20 caractères au maximum).
error-reason-needed = Indiquez le motif de non-recevabilité.
error-merge-target = Choisissez la proposition publiée de la même étape avec laquelle fusionner.
error-message-too-short = Votre message est trop court (10 caractères au minimum).
error-pow-failed = La vérification anti-robot a échoué ou a expiré. Patientez le temps de la vérification, puis envoyez de nouveau.
error-too-many-files = Trois pièces jointes au maximum.
error-upload-not-pdf = Le fichier n’est pas un document PDF.

## E-mails (propositions)
email-status-subject = { $title } : nouveau statut
email-status-body =
    Bonjour,

    La proposition « { $title } » a un nouveau statut : { $status }.

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }
email-answer-subject = { $title } : réponse officielle
email-answer-body =
    Bonjour,

    { $org } a publié une réponse officielle à la proposition « { $title } ».

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }
email-comment-subject = { $title } : nouveau commentaire
email-comment-body =
    Bonjour,

    Un nouveau commentaire a été publié sur la proposition « { $title } ».

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }
email-contact-subject = Message à propos de « { $title } »
email-contact-body =
    Bonjour,

    { $sender } vous écrit, via { $org }, au sujet de votre proposition « { $title } » :

    { $message }

    Votre adresse n’a pas été communiquée. { $link }

## Realisation follow-up
realisation-title = Suivi de réalisation
realisation-status-under_study = À l’étude
realisation-status-in_progress = En cours de réalisation
realisation-status-delivered = Réalisé
realisation-status-abandoned = Abandonné
realisation-updated = Mis à jour le { $date }
realisation-progress-label = Avancement
realisation-progress-value = { $percent } %
realisation-milestones = Étapes clés
realisation-news = Actualités
realisation-all-winners = Voir l’avancement de tous les projets lauréats
realisation-staff-link = Gérer le suivi de réalisation
realisation-admin-intro = Statut, avancement, étapes clés datées et actualités de la réalisation, publiés sur la page de la proposition.
realisation-admin-title = Suivi de réalisation
realisation-admin-none = Cette proposition n’a pas encore de suivi. Enregistrez un statut pour le commencer : il sera public.
realisation-status-and-progress = Statut et avancement
realisation-start = Commencer le suivi
realisation-no-milestones = Aucune étape clé pour l’instant.
realisation-no-news = Aucune actualité pour l’instant.
label-realisation-status = Statut de la réalisation
help-realisation-status = À chaque changement de statut, l’auteur et les personnes qui suivent la proposition sont prévenus par e-mail.
label-progress = Avancement (en %)
help-progress = Un nombre entier de 0 à 100. Un projet réalisé est à 100 %.
milestone-done = Fait
milestone-todo = À venir
milestone-mark-done = Marquer « { $title } » comme fait
milestone-mark-todo = Marquer « { $title } » comme à venir
milestone-edit = Modifier « { $title } »
milestone-delete = Supprimer « { $title } »
milestone-add = Ajouter une étape clé
label-milestone-title = Intitulé de l’étape
label-milestone-due = Date prévue
label-milestone-done = Étape terminée
help-day = Format JJ/MM/AAAA.
news-add = Publier une actualité
news-publish = Publier et prévenir les abonnés
news-delete = Supprimer l’actualité « { $title } »
label-news-title = Titre de l’actualité
label-news-body = Texte
label-news-photo = Photo (facultative)
label-news-alt = Description de la photo
help-news-alt = Obligatoire avec une photo : décrivez ce qu’elle montre pour les personnes qui ne la voient pas.
help-news-notify = L’auteur et les personnes qui suivent la proposition recevront un e-mail.
flash-news-published = Actualité publiée.
winners-title = Projets lauréats et leur réalisation
winners-empty = Aucun projet lauréat n’a encore de suivi de réalisation.
winners-intro = { $count ->
    [one] Un projet lauréat, avec l’avancement de sa réalisation.
   *[other] { $count } projets lauréats, avec l’avancement de leur réalisation.
}
winners-by-status = Projets par statut
winners-table-caption = Projets lauréats : { $status }
winners-col-proposal = Projet
winners-col-cost = Coût
winners-latest-news = Dernière actualité
winners-no-district = Tous quartiers
winners-progress-of = Avancement de « { $title } »
winners-project-intro = Suivez la réalisation des projets lauréats.
winners-link = Voir les projets lauréats et leur avancement
error-progress-range = Saisissez un avancement entre 0 et 100.
error-delivered-progress = Un projet réalisé est avancé à 100 %.
error-day-invalid = Saisissez une date valide (JJ/MM/AAAA).
error-alt-needed = Décrivez l’image en quelques mots.
email-realisation-subject = { $title } : { $status }
email-realisation-body =
    Bonjour,

    La réalisation de la proposition « { $title } » a un nouveau statut : { $status } (avancement : { $progress } %).

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }
email-news-subject = { $title } : { $news }
email-news-body =
    Bonjour,

    { $org } a publié une actualité sur la réalisation de la proposition « { $title } » : « { $news } ».

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }

## Votes
actions = Actions
none-option = — Aucune —
remove = Retirer
ballot-not-on-ballot = Une proposition choisie n'est pas sur ce bulletin.
ballot-duplicate = Une proposition est choisie deux fois.
ballot-too-few = Choisissez davantage de propositions.
ballot-too-many = Vous avez choisi trop de propositions.
ballot-over-budget = Le total de vos choix dépasse l'enveloppe.
ballot-under-minimum = Vos choix n'atteignent pas le montant minimum à répartir.
ballot-rank-duplicate = Deux propositions ont le même rang : chaque rang ne peut servir qu'une fois.
ballot-rank-invalid = Ce rang n'est pas valide.
error-accept-rules = Acceptez le règlement pour voter.
error-min-above-max = Le minimum dépasse le maximum.
error-no-such-account = Aucun compte n'a cette adresse e-mail.
error-per-district-budget-only = Les enveloppes par quartier ne valent que pour un vote budgétaire.
error-postal-code-invalid = Code postal non valide (lettres, chiffres et espaces, 2 à 10 caractères).
error-rule-unknown = Règle de dépouillement inconnue.
error-rules-text-needed = Saisissez le règlement que les votants doivent accepter.
error-too-many = Trop d'éléments.
help-birth-date-vote = Ce vote est réservé aux personnes d'un âge minimum. Votre date de naissance reste privée.
help-counts-public = Sinon, le vote est secret : les décomptes restent cachés jusqu'à la publication des résultats.
help-envelope = En euros : le budget que se partagent les projets lauréats (et, en vote budgétaire, ce que chaque bulletin peut dépenser).
help-max-choices = Nombre maximum de propositions (obligatoire pour un classement).
help-per-district = Le votant choisit d'abord un quartier, puis vote avec l'enveloppe de ce quartier.
help-req-postal = Un code par ligne ; laissez vide pour ne pas restreindre.
help-rules-text = Affiché avant le vote ; texte simple ou Markdown.
help-territorial-k = Pour la règle d'équilibre territorial : nombre de projets retenus d'abord dans chaque quartier.
help-voter-district = Facultatif, pour les statistiques de participation ; votre choix reste anonyme.
label-accept-rules = J'ai lu et j'accepte le règlement du vote
label-counting-rule = Règle de dépouillement
label-counts-public = Afficher les décomptes pendant le vote
label-envelope = Enveloppe (€)
label-jury-size = Nombre de personnes à tirer au sort
label-jury-stratified = Répartir le tirage entre les quartiers
label-max-choices = Nombre maximum de choix
label-min-choices = Nombre minimum de choix
label-min-spend = Part minimum de l'enveloppe à dépenser (%)
label-per-district = Une enveloppe par quartier
label-postal-code = Code postal de résidence
label-req-age = Âge minimum
label-req-email = Adresse e-mail confirmée
label-req-postal = Codes postaux autorisés
label-req-rules = Acceptation du règlement
label-rules-text = Règlement du vote
label-source-step = Étape de dépôt d'origine
label-tally-voters = Nombre de votants sur papier
label-territorial-k = Projets par quartier (K)
label-vote-mode = Mode de vote
label-vote-source = Propositions soumises au vote
label-voter-district = Votre quartier
jury-title = Jury citoyen tiré au sort
jury-admin-help = Tire au sort parmi les votants en ligne dont le bulletin compte. La graine est publiée avec les pseudonymes, pour que chacun puisse refaire le tirage.
jury-draw = Tirer au sort
jury-drawn = Tirage du { $date } : { $size } personnes
jury-drawn-flash = Le jury a été tiré au sort.
jury-how = Pour refaire le tirage : pour chaque pseudonyme de votant en ligne du fichier .pb, calculez le SHA-256 (hexadécimal) de « graine:pseudonyme » ; les pseudonymes aux empreintes les plus petites sont tirés (par quartier, au prorata, pour un tirage réparti). Le script scripts/jury_draw.py du code source le fait.
jury-plain = tirage simple
jury-seed = Graine :
jury-stratified = réparti par quartier
jury-too-few-voters = Il n'y a pas assez de votants pour ce nombre.
live-title = Compteur en direct
live-label = personnes ont voté
live-refresh = Actualiser
paper-title = Bulletins papier
paper-intro = Saisissez les bulletins papier un par un : ils sont vérifiés avec les mêmes règles que les bulletins en ligne et marqués « papier », avec votre nom et l'heure.
paper-count = { $count } bulletins papier comptés.
paper-after-results = Les résultats sont publiés : plus aucun bulletin papier ne peut être saisi.
paper-enter = Saisir un bulletin
paper-submit = Enregistrer ce bulletin
paper-saved = Bulletin papier enregistré.
paper-saved-incomplete = Bulletin enregistré, mais il ne compte pas : il n'atteint pas le minimum.
paper-deleted = Bulletin supprimé.
paper-delete = Supprimer
paper-none = Aucun bulletin papier pour le moment.
paper-recent = Derniers bulletins saisis
paper-recent-caption = Les 50 derniers bulletins papier
paper-entered-by = Saisi par
paper-entered-at = Saisi le
paper-counted = Compté
paper-tallies = Décomptes papier par proposition
paper-tallies-intro = Pour un vote simple dépouillé à la main : le nombre de voix de chaque proposition. Ils remplacent les décomptes précédents.
paper-tallies-save = Enregistrer les décomptes
paper-tallies-not-allowed = Les décomptes par proposition ne valent que pour un vote simple dépouillé par la règle gloutonne ou d'équilibre territorial.
paper-tally-above-voters = Plus de voix que de votants sur papier.
receipt-title = Reçu de vote
receipt-code = Code du bulletin
receipt-district = Enveloppe : { $district }
receipt-recorded = Enregistré le { $date }
receipt-changed = modifié le { $date }
receipt-counted = Ce bulletin compte dans les résultats.
receipt-not-counted = Ce bulletin est enregistré mais ne compte pas encore : complétez-le avant la clôture.
receipt-print = Imprimez cette page (Ctrl+P) ou notez le code pour garder une trace de votre vote.
receipt-change = Modifier mon vote
receipt-none = Vous n'avez pas voté à cette étape.
receipt-go-vote = Aller au vote
results-title = Résultats
results-not-published = Les résultats ne sont pas encore publiés.
results-preview = Aperçu calculé maintenant : ces résultats ne sont pas publiés.
results-published = Les résultats sont publiés.
results-already-published = Les résultats sont déjà publiés.
results-not-closed = Le vote n'est pas clos : les résultats se publient après la clôture.
results-tallies-need-greedy = Les décomptes papier par proposition ne peuvent pas servir à une règle proportionnelle : saisissez les bulletins un par un ou choisissez une règle gloutonne.
results-winners = Projets lauréats
results-no-winner = Aucun projet lauréat.
results-budget-used = Budget utilisé : { $used } € sur { $budget } €.
results-votes = Voix par proposition
results-chart-title = Voix par proposition, en ligne et sur papier
results-chart-desc = Diagramme en barres : pour chaque proposition, les voix en ligne puis les voix papier ; le tableau qui suit donne les mêmes chiffres.
results-online = En ligne
results-paper = Papier
results-total = Total
results-selected = Lauréat
results-table-votes = Voix par proposition
results-table-points = Points par proposition (classement : rang 1 = N points)
results-col-rank = Rang
results-col-proposal = Proposition
results-col-chosen = Propositions choisies
results-col-ballots = Bulletins
results-col-share = Part
results-col-age = Tranche d'âge
results-no-votes = Aucune voix pour le moment.
results-participation = Participation
results-voters-total = { $count } votants au total
results-voters-online = { $count } votants en ligne
results-voters-paper = { $count } votants sur papier
results-by-size = Bulletins selon le nombre de propositions choisies
results-single-share = { $share } % des votants ont choisi une seule proposition.
results-by-district = Bulletins par quartier
results-by-age = Bulletins par tranche d'âge
results-unknown = Non précisé
results-rule = Comment les lauréats sont choisis
results-ties = En cas d'égalité, la proposition dont l'identifiant vient en premier dans l'ordre alphabétique l'emporte (« 10 » avant « 9 »), comme dans l'outil de référence pabutools. S'il reste de l'argent une fois toutes les propositions soutenues examinées, une proposition sans voix qui tient dans le reste est aussi retenue, comme le fait l'outil de référence.
results-download-pb = Télécharger tous les bulletins au format pabulib (.pb)
results-recount = Chacun peut recompter : les votants y sont remplacés par des pseudonymes aléatoires, et tout outil pabulib (pabutools, equalshares.net, ou la commande ci-dessous) donne le même résultat.
rule-name-greedy = Le plus de voix d'abord (glouton)
rule-name-territorial = Équilibre territorial
rule-name-greedy-ratio = Le plus de voix par euro d'abord
rule-name-mes = Méthode des parts égales
rule-name-mes-add1 = Méthode des parts égales, complétée (+1)
rule-name-mes-add1-greedy = Méthode des parts égales, complétée (+1) puis gloutonne
rule-name-mes-greedy = Méthode des parts égales puis gloutonne
rule-name-phragmen = Phragmén séquentiel
rule-explain-greedy = Les propositions sont prises de celle qui a le plus de voix à celle qui en a le moins ; chacune est retenue si son coût tient dans ce qui reste du budget, sinon elle est passée et on continue.
rule-explain-territorial = Dans chaque quartier, les { $k } propositions qui ont le plus de voix sont retenues d'abord (si elles tiennent dans l'enveloppe du quartier et le budget) ; puis toutes les autres, de la plus soutenue à la moins soutenue, tant qu'elles tiennent dans le budget restant.
rule-explain-greedy-ratio = Les propositions sont prises dans l'ordre du nombre de voix par euro ; chacune est retenue si elle tient dans le budget restant.
rule-explain-mes = Méthode des parts égales : le budget est partagé à parts égales entre les votants ; une proposition est retenue quand ses soutiens peuvent la payer ensemble, en choisissant à chaque tour celle qui coûte le moins à chacun d'eux. Les groupes de votants obtiennent ainsi une part proportionnelle à leur nombre.
rule-explain-mes-add1 = Méthode des parts égales, puis la part de chaque votant est augmentée d'un euro tant que le résultat reste dans le budget, pour dépenser davantage.
rule-explain-mes-add1-greedy = Méthode des parts égales complétée (+1), puis le reste du budget va aux propositions les plus soutenues qui tiennent encore.
rule-explain-mes-greedy = Méthode des parts égales, puis le reste du budget va aux propositions les plus soutenues qui tiennent encore.
rule-explain-phragmen = Phragmén séquentiel : chaque votant gagne de l'argent au même rythme ; une proposition est retenue dès que ses soutiens ont ensemble de quoi la payer, ce qui répartit les projets retenus entre les groupes de votants.
age-under-16 = Moins de 16 ans
age-16-17 = 16 – 17 ans
age-18-24 = 18 – 24 ans
age-25-34 = 25 – 34 ans
age-35-49 = 35 – 49 ans
age-50-64 = 50 – 64 ans
age-65-plus = 65 ans et plus
age-unknown = Non précisé
vote-configure = Configurer le vote
vote-admin-title = Configuration du vote
vote-admin-ballot = Bulletin
vote-admin-figures = { $online } votants en ligne, { $paper } bulletins papier, { $incomplete } bulletins incomplets ; { $candidates } propositions sur le bulletin.
vote-admin-settings = Règles du vote
vote-admin-candidates = Propositions sur le bulletin
vote-admin-candidates-legend = Propositions soumises au vote
vote-admin-envelopes = Enveloppes par quartier
vote-admin-envelopes-help = Montant par quartier, en euros ; vide pour aucun. Elles servent au vote par quartier et à la règle d'équilibre territorial.
vote-admin-no-districts = Aucun quartier n'est défini.
vote-admin-mediators = Médiateurs
vote-admin-mediators-help = Les médiateurs saisissent les bulletins papier de cette étape.
vote-admin-add-mediator = Ajouter ce médiateur
vote-admin-publish = Publication des résultats
vote-admin-publish-help = Après la clôture : compte les bulletins avec la règle choisie, fige les résultats, les publie et ouvre le suivi des projets lauréats.
vote-admin-publish-button = Dépouiller et publier les résultats
vote-admin-published = Résultats publiés le { $date }.
vote-settings-locked = Les résultats sont publiés : les règles du vote ne peuvent plus changer.
vote-mode-simple = Vote simple (approbation)
vote-mode-budget = Vote budgétaire (panier)
vote-mode-ranking = Classement
vote-source-admissible = Les propositions recevables d'une étape de dépôt
vote-source-manual = Une sélection manuelle
vote-title = Voter — { $step }
vote-rules = Règlement du vote
vote-who = Qui peut voter
vote-req-identity = confirmer son identité avec un fournisseur d'identité reconnu (FranceConnect) ;
vote-req-id-code = saisir le code d'identification reçu par courrier ;
vote-req-email = avoir confirmé son adresse e-mail ;
vote-req-age = avoir au moins { $age } ans ;
vote-req-postal = résider dans l'un de ces codes postaux : { $codes } ;
vote-req-rules = accepter le règlement du vote.
vote-results-link = Voir les résultats
vote-you-voted = Votre vote est enregistré ({ $date }).
vote-you-incomplete = Votre bulletin est enregistré mais ne compte pas encore : il n'atteint pas le minimum.
vote-receipt-link = Voir mon reçu
vote-upcoming = Le vote n'est pas encore ouvert.
vote-closed = Le vote est clos.
vote-login = Connectez-vous pour voter
vote-missing-title = Avant de voter
vote-missing-email = Confirmez votre adresse e-mail (lien envoyé à l'inscription).
vote-missing-birth-date = Indiquez votre date de naissance.
vote-missing-too-young = Ce vote est réservé aux personnes plus âgées.
vote-missing-postal-code = Indiquez le code postal de votre résidence.
vote-missing-postal-outside = Ce vote est réservé aux habitants d'autres codes postaux.
vote-missing-rules = Acceptez le règlement du vote.
vote-resend-confirmation = Renvoyer le lien de confirmation
vote-continue = Continuer
vote-choose-district = Choisissez votre quartier
vote-envelope-of = (enveloppe de { $amount } €)
vote-help-ranking = Classez jusqu'à { $max } propositions : la première reçoit { $max } points, la suivante un de moins, et ainsi de suite.
vote-help-budget = Choisissez des propositions dont le total ne dépasse pas { $envelope } €.
vote-help-min-spend = Dépensez au moins { $amount } €.
vote-help-simple = Choisissez les propositions que vous soutenez.
vote-help-simple-max = Choisissez jusqu'à { $max } propositions.
vote-help-simple-min = Choisissez au moins { $min } propositions.
vote-help-simple-between = Choisissez entre { $min } et { $max } propositions.
vote-spent = Votre bulletin actuel : { $spent } € sur { $envelope } €.
vote-no-candidates = Aucune proposition n'est soumise au vote.
vote-rank-none = Non classée
vote-rank-n = Rang { $rank }
vote-count = { $count } voix
vote-see-proposal = Voir la proposition
vote-district-unsaid = Je préfère ne pas le dire
vote-change = Modifier mon vote
vote-submit = Voter
vote-recorded = Votre vote est enregistré.
vote-saved-too-few = Bulletin enregistré, mais il ne compte pas encore : choisissez davantage de propositions avant la clôture.
vote-saved-under-minimum = Bulletin enregistré, mais il ne compte pas encore : dépensez au moins le minimum avant la clôture.
vote-not-open = Le vote n'est pas ouvert.
vote-requirements-first = Remplissez d'abord les conditions pour voter.
results-recount-territorial = Chacun peut recompter : les votants y sont remplacés par des pseudonymes aléatoires et chaque proposition porte son quartier (colonne district) ; la règle d'équilibre territorial décrite ci-dessus s'applique aux voix du fichier.
results-recount-tallies = Les voix papier dépouillées à la main ne sont pas des bulletins : elles figurent dans la colonne paper_tally et s'ajoutent aux voix des bulletins.

## Open data
nav-open-data = Données ouvertes
open-data-title = Données ouvertes
open-data-intro = Toutes les contributions publiques des projets participatifs sont téléchargeables ici, étape par étape, en CSV (UTF-8, séparateur virgule) et en JSON : propositions, commentaires, bulletins de vote et résultats. Chacun peut les réutiliser et recompter les votes.
open-data-licence-title = Licence
open-data-licence-intro = Ces données sont publiées sous la licence
open-data-anonymised = Elles sont anonymisées : ni nom, ni adresse e-mail, ni adresse IP. Chaque personne y est remplacée par un pseudonyme, stable dans un même fichier mais différent d'un fichier à l'autre. Les propositions et commentaires masqués par la modération n'y figurent pas ; les bulletins ne sont publiés qu'avec les résultats (ou pendant le vote si l'étape affiche ses compteurs).
open-data-files-title = Fichiers par projet et par étape
open-data-none = Aucun projet public n'a encore de données à publier.
open-data-file = Fichier
open-data-format = Format
open-data-rows = Lignes
open-data-format-csv = CSV
open-data-format-json = JSON
open-data-format-pb = Pabulib (.pb), pour recompter
open-data-votes-later = Les bulletins seront publiés avec les résultats.
open-data-dictionary-title = Dictionnaire des données
open-data-dictionary-intro = Chaque colonne des fichiers CSV est aussi une clé des objets JSON. Les dates sont en UTC (RFC 3339) ; une valeur absente est vide en CSV et null en JSON.
open-data-dataset-proposals = Propositions
open-data-dataset-comments = Commentaires
open-data-dataset-votes = Bulletins de vote
open-data-dataset-results = Résultats
open-data-dataset-opinions = Textes, contributions et amendements
open-data-dataset-arguments = Arguments
open-data-dataset-sources = Sources
open-data-dataset-debates = Débats
open-data-dataset-answers = Réponses aux questionnaires et bulletins de votation
open-data-column = Colonne
open-data-meaning = Signification
open-data-pb = Le fichier votes.pb suit le format pabulib : on peut le recompter avec la commande « participe pb count » ou tout outil pabulib ; ses votants portent les mêmes pseudonymes que le fichier des bulletins.
open-data-licence-label = Licence des données ouvertes
open-data-licence-help = La licence sous laquelle les fichiers de la page « Données ouvertes » sont publiés.
open-data-licence-text = texte de la licence
error-licence-unknown = Choisissez une licence dans la liste.
account-data = Mes données
account-data-intro = Téléchargez une copie de toutes les données que la plateforme conserve sur vous (compte, propositions, commentaires, suivis, signalements, bulletins, sessions), dans une archive ZIP contenant un fichier JSON.
account-data-link = Télécharger mes données (ZIP)
anonymise-title = Anonymiser un compte
anonymise-intro = Le nom, l'adresse e-mail, le mot de passe, la date de naissance et le code postal de ce compte seront effacés, ainsi que ses sessions et ses suivis. Ses contributions resteront, signées « Utilisateur supprimé », et ses bulletins de vote resteront comptés. Cette action est définitive.
anonymise-confirm = Je confirme l'anonymisation définitive de ce compte
anonymise-submit = Anonymiser le compte
anonymise-column = Anonymisation
anonymise-link = Anonymiser
error-anonymise-confirm = Cochez la case pour confirmer l'anonymisation.
flash-user-anonymised = Le compte a été anonymisé.
flash-cannot-anonymise-self = Vous ne pouvez pas anonymiser votre propre compte.

## API
tokens-title = Jetons d'API
tokens-intro = L'API GraphQL est publique en lecture. Les jetons servent aux intégrations de vos services : « lecture privée » lit aussi les projets en brouillon et les étapes non publiées, « écriture » permet en plus de créer et modifier projets et étapes, statuts et réponses officielles.
tokens-explorer = Explorer l'API
tokens-schema = Schéma
tokens-created = Jeton créé. Copiez-le maintenant : il ne sera plus jamais affiché.
tokens-copy = Votre jeton
tokens-new = Nouveau jeton
tokens-create = Créer le jeton
tokens-list = Jetons existants
tokens-created-by = Créé par
tokens-last-used = Dernière utilisation
tokens-never = Jamais
tokens-state = État
tokens-revoke = Révoquer
tokens-revoked-on = Révoqué le { $date }
tokens-none = Aucun jeton pour le moment.
token-revoked = Le jeton est révoqué.
label-token-name = Nom (à quoi sert ce jeton)
help-token-name = Par exemple : « Tableau de bord du service participation ».
label-token-scope = Droits
token-scope-read_private = Lecture privée
token-scope-write = Écriture

## Reversibility
export-title = Export complet
export-intro = Téléchargez toute la plateforme en une seule archive ZIP : chaque table de la base de données et chaque fichier déposé. Cette archive permet de changer d’hébergeur ou de moteur de base de données (SQLite ou PostgreSQL) sans rien perdre.
export-sensitive = L’archive contient des données personnelles et les empreintes des mots de passe : conservez-la en lieu sûr et supprimez-la après usage.
export-start = Lancer un export complet
export-running = Un export est en cours ; sa progression s'affiche ci-dessous (avec JavaScript, elle se met à jour toute seule).
export-import-help = Pour restaurer une archive dans une nouvelle base de données vide, utilisez la ligne de commande :
export-jobs = Tâches récentes
export-job-started = Lancée le
export-job-kind = Tâche
export-job-status = État
export-job-progress = Avancement
export-job-result = Résultat
export-kind-platform = Export complet de la plateforme
export-progress-of = Avancement de la tâche n° { $number }
export-percent = { $percent } %
export-items = { $done } sur { $total } lignes et fichiers
export-download = Télécharger l’archive
export-failed = Échec : { $message }
export-file-gone = Archive supprimée du serveur
export-no-jobs = Aucune tâche pour le moment.
job-status-queued = En attente
job-status-running = En cours
job-status-done = Terminée
job-status-failed = Échouée
flash-export-started = L’export complet est lancé.
flash-export-already-running = Un export est déjà en cours : attendez qu’il se termine.

# Design system page (/admin/design)
design-title = Système de design
design-intro = Les composants de l’interface, avec leurs états, dans les couleurs de votre organisation. Chaque page publique et du back-office les emploie.
design-toc = Sommaire
design-colours = Couleurs
design-colours-intro = Les teintes sont calculées à partir de vos deux couleurs de marque ; chaque paire de texte et de fond atteint le contraste AA (4,5 : 1).
design-contrast-caption = Contraste de chaque paire texte / fond
design-pair = Paire
design-foreground = Texte
design-background = Fond
design-ratio = Contraste
design-type = Typographie
design-sample-heading = Budget participatif
design-sample-lead = Proposez, débattez, votez : un texte d’introduction, un peu plus grand.
design-sample-body = Le texte courant, lisible sur tous les écrans, avec
design-sample-link = un lien
design-sample-small = Un texte secondaire, plus petit : dates, métadonnées.
design-spacing = Espacements
design-buttons = Boutons
design-primary = Principal
design-secondary = Secondaire
design-tertiary = Tertiaire
design-danger = Supprimer
design-disabled = Désactivé
design-small = Petit bouton
design-link-button = Bouton en forme de lien
design-fields = Champs de formulaire
design-form-section = Une section de formulaire
design-hint = Une aide, sous le libellé, lue avec le champ.
design-error-message = Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.
design-checkbox = Une case à cocher
design-badges = Badges et statuts
design-info = Information
design-success = Succès
design-warning = Attention
design-error = Erreur
design-tag = Étiquette
design-alerts = Alertes et avis
design-alert-text = Un message court qui dit ce qui se passe et quoi faire.
design-notice = Un avis discret dans la couleur secondaire.
design-cards = Cartes
design-sample-project = Budget participatif 2027
design-navigation = Navigation
design-breadcrumb = Fil d’Ariane (exemple)
design-tabs = Onglets (exemple)
design-pagination = Pagination
design-disclosure = Dévoilement et fenêtre modale
design-open-dialog = Ouvrir une fenêtre modale
design-dialog-title = Une fenêtre modale
design-close = Fermer
design-progress = Barres de progression
design-timeline = Frise des étapes
design-table = Tableaux
design-table-caption = Un tableau avec son titre
design-sample-row-1 = Une boîte à livres
design-sample-row-2 = Une piste cyclable
design-empty = États vides
design-icons = Icônes
design-icons-intro = Les icônes Lucide, dessinées par la feuille de style à partir du sprite SVG servi par la plateforme, dans la couleur du texte ; décoratives (le texte à côté dit ce qu’elles signifient).
design-icons-licence = Licence des icônes (ISC)

## Back-office tables
flash-status-set = Le statut des propositions a été changé.
table-sort-by = Trier par { $column }
table-count = { $shown ->
    [0] Aucune proposition ne correspond
    [one] 1 proposition affichée
   *[other] { $shown } propositions affichées
 } sur { $total }
table-filters = Filtrer le tableau
table-reset = Tout afficher
analyst-none = Sans analyste
bulk-actions = Actions sur la sélection
bulk-help = Cochez des propositions dans le tableau, ou choisissez tout un quartier ou un thème.
bulk-status = Changer le statut
bulk-status-apply = Appliquer ce statut
admin-filter-search = Titre ou référence
table-count-projects = { $shown ->
    [0] Aucun projet ne correspond
    [one] 1 projet affiché
   *[other] { $shown } projets affichés
 } sur { $total }
admin-preview = Aperçu
admin-projects-none-match = Aucun projet ne correspond à ces filtres.
form-section-presentation = Présentation
form-section-publication = Publication
form-section-classification = Thèmes et quartiers
form-section-dates = Dates

## Consultations on a text
consultation-section-figures = { $opinions ->
    [one] { $opinions } contribution
   *[other] { $opinions } contributions
  } · { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  }
consultation-empty = Le texte de cette consultation n’a pas encore de sections.
consultation-none = Aucune consultation n’est encore publiée à cette étape.
consultation-contribute = Ajouter une contribution
consultation-threshold = { $votes } votes sur un objectif de { $threshold }
consultation-closed = La participation est fermée à cette étape : vous pouvez lire les contributions, mais plus voter ni contribuer.
consultation-subsections = Dans cette section
consultation-opinions = { $count ->
    [0] Aucune contribution
    [one] { $count } contribution
   *[other] { $count } contributions
  }
consultation-no-opinions = Aucune contribution dans cette section pour l’instant.
opinion-sort-position = Ordre du texte
opinion-sort-random = Aléatoire
opinion-sort-newest = Les plus récentes
opinion-sort-oldest = Les plus anciennes
opinion-sort-favourable = Les plus favorables
opinion-sort-votes = Les plus votées
opinion-sort-arguments = Les plus argumentées
opinion-pinned = Épinglée
opinion-kind-article = Article
opinion-kind-contribution = Contribution
opinion-kind-amendment = Amendement
opinion-my-vote = Votre avis : { $vote }
opinion-vote-agree = D’accord
opinion-vote-mixed = Mitigé
opinion-vote-disagree = Pas d’accord
opinion-vote-legend = Votre avis sur ce texte
opinion-vote-withdraw = Retirer mon vote
opinion-votes-title = Avis des participants
opinion-arguments-count = { $count ->
    [one] { $count } argument
   *[other] { $count } arguments
  }
opinion-amendments-count = { $count ->
    [one] { $count } amendement
   *[other] { $count } amendements
  }
opinion-sources-count = { $count ->
    [one] { $count } source
   *[other] { $count } sources
  }
opinion-awaiting-moderation = En attente de modération
opinion-appendix = Exposé des motifs
opinion-login-to-participate = Connectez-vous pour voter et contribuer
opinion-arguments-title = Arguments
opinion-sources-title = Sources ({ $count })
opinion-amendments-title = Amendements ({ $count })
opinion-follow = Suivre ce texte
opinion-unfollow = Ne plus suivre
arguments-sort-votes = les plus soutenus
arguments-sort-date = les plus récents
arguments-for = { $count ->
    [one] { $count } argument pour
   *[other] { $count } arguments pour
  }
arguments-against = { $count ->
    [one] { $count } argument contre
   *[other] { $count } arguments contre
  }
arguments-none = Aucun argument pour l’instant.
argument-votes = { $count ->
    [0] aucun soutien
    [one] { $count } soutien
   *[other] { $count } soutiens
  }
argument-upvote = Soutenir
argument-upvoted = Soutenu
argument-new-for = Votre argument pour
argument-new-against = Votre argument contre
argument-publish = Publier
report-opinion = Signaler ce texte
report-argument = Signaler cet argument
report-source = Signaler cette source
sources-none = Aucune source pour l’instant.
source-add = Ajouter une source
source-publish = Ajouter la source
source-no-category = Sans catégorie
label-source-url = Adresse web de la source
help-source-url = Une adresse commençant par https:// ou http://
label-contribution-body = Votre contribution
amendment-of = Amendement de :
amendment-changes = Modifications proposées
amendment-changes-summary = { $added } mot(s) ajouté(s), { $removed } mot(s) supprimé(s)
amendment-full-text = Texte complet proposé
amendment-justification = Justification
amendment-propose = Proposer un amendement
amendment-help = Modifiez le texte ci-dessous : les mots ajoutés et supprimés seront mis en évidence pour tous.
amendment-new-text = Nouveau texte proposé
amendments-none = Aucun amendement pour l’instant.
diff-deleted-start = [début de suppression]
diff-deleted-end = [fin de suppression]
diff-inserted-start = [début d’ajout]
diff-inserted-end = [fin d’ajout]
flash-opinion-voted = Votre avis est enregistré.
flash-opinion-vote-withdrawn = Votre vote est retiré.
flash-argument-posted = Votre argument est publié.
flash-source-added = Votre source est ajoutée.
flash-contribution-posted = Votre contribution est publiée.
flash-amendment-posted = Votre amendement est publié.
flash-awaiting-moderation = Merci ! Votre texte sera publié après vérification par la modération.
flash-opinion-followed = Vous suivez ce texte : vous serez prévenu des nouveaux amendements et des réponses.
error-amendment-unchanged = Le texte proposé est identique au texte actuel : modifiez-le.
error-link-scheme = L’adresse doit commencer par https:// ou http://.
error-link-invalid = Cette adresse web n’est pas valide.
error-import-too-many = Ce texte est trop long pour être importé en une fois : découpez-le.
moderation-kind-opinion = Texte de consultation
moderation-kind-argument = Argument
moderation-kind-source = Source
email-amendment-subject = { $title } : nouvel amendement
email-amendment-body =
    Bonjour,

    Un nouvel amendement a été proposé au texte « { $title } ».

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }
email-opinion-answer-subject = { $title } : réponse officielle
email-opinion-answer-body =
    Bonjour,

    { $org } a publié une réponse officielle au texte « { $title } ».

    { $link }

    Pour ne plus recevoir ces messages : { $unsubscribe }
admin-consultations = Consultations
admin-consultations-none = Aucune consultation dans cette étape : créez-en une, puis importez ou écrivez son texte.
admin-consultation-new = Nouvelle consultation
help-consultation-title = Par exemple « Projet de plan climat 2030 ». Une étape peut tenir plusieurs consultations.
admin-consultation-tree = Sections du texte
admin-consultation-settings = Réglages
admin-section-new = Titre de la nouvelle section
admin-section-top-level = Au premier niveau
admin-section-parent = Placer dans
admin-section-participation = Participation
admin-section-articles = { $count ->
    [0] Aucun article
    [one] { $count } article ou contribution
   *[other] { $count } articles et contributions
  }
admin-section-delete = Supprimer la section
admin-section-delete-help = Ses sous-sections, articles, contributions, votes et arguments seront supprimés aussi.
admin-article-title = Titre de l’article
admin-article-body = Texte de l’article
admin-article-add = Ajouter l’article
admin-import-title = Importer un texte
admin-import-help = Collez un texte en Markdown ou en texte brut. Les titres (« # », « ## »… ou « Titre I », « Chapitre 2 », « Section 3 ») deviennent des sections ; « Article … » ouvre un article ; chaque autre paragraphe devient un article. Les sections importées s’ajoutent après les existantes.
admin-import-label = Texte à importer
admin-import-submit = Importer
import-first-section = Introduction
label-pre-moderation = Modération a priori
help-pre-moderation = Les contributions, amendements, arguments et sources ne sont publiés qu’après validation par la modération.
label-subtitle = Sous-titre
label-section-help = Texte d’aide affiché en tête de section
help-section-colour = Facultatif, au format #1a7f37.
label-contributions-open = Les participants peuvent ajouter des contributions
label-amendments-allowed = Amendements autorisés
label-arguments-allowed = Arguments pour et contre autorisés
label-sources-allowed = Sources autorisées
label-vote-widget = Vote sur les textes
vote-widget-none = Aucun vote
vote-widget-agree = « D’accord » seulement
vote-widget-agree_mixed_disagree = D’accord, mitigé, pas d’accord
label-votes-threshold = Objectif de votes
help-votes-threshold = Facultatif : affiché comme une barre de progression.
label-default-sort = Tri par défaut
flash-imported = Le texte est importé : vérifiez ses sections et articles.
flash-approved = Contenu publié.
moderation-pending = En attente de publication
moderation-pending-empty = Rien n’attend de validation.
moderation-approve = Publier
moderation-refuse = Refuser et masquer
argument-anonymous = Participant sans compte
debate-none = Aucun débat n’est encore publié à cette étape.
debate-for-count = { $count ->
    [one] { $count } vote pour
   *[other] { $count } votes pour
  }
debate-against-count = { $count ->
    [one] { $count } vote contre
   *[other] { $count } votes contre
  }
debate-opening-for = Le point de vue pour
debate-opening-against = Le point de vue contre
debate-vote-title = Votes
debate-vote-legend = Votre position
debate-side-for = Pour
debate-side-against = Contre
debate-press = Revue de presse
debate-anonymous-link = Participer sans créer de compte
debate-anonymous-argument = Votre argument (facultatif)
debate-anonymous-email-help = Nous vous envoyons un lien : votre vote et votre argument ne comptent qu’une fois ce lien suivi. Votre adresse n’est jamais publiée.
debate-anonymous-submit = Envoyer
debate-embed-open = Voir le débat complet
debate-embed-title = Intégrer ce débat sur un autre site
debate-embed-help = Copiez ce code dans une page de votre site : le débat s’y affiche avec ses votes, et les visiteurs peuvent y participer sans compte si l’option est activée.
debate-embed-code = Code à copier
debate-confirm-expired = Lien déjà utilisé ou inconnu
debate-confirm-expired-text = Ce lien de confirmation a déjà servi ou n’existe pas. Votre participation est peut-être déjà comptée.
flash-check-your-email = Presque fini : suivez le lien que nous venons de vous envoyer par e-mail pour que votre participation compte.
flash-participation-confirmed = Merci, votre participation est confirmée.
admin-debates = Débats
admin-debate-new = Nouveau débat
label-debate-question = Question débattue
label-debate-mode = Présentation
debate-mode-face_to_face = Face à face : un texte pour, un texte contre
debate-mode-free = Un texte libre
help-debate-face-to-face = En face à face, les deux textes sont obligatoires.
label-debate-body = Texte libre
help-debate-free = Pour la présentation « texte libre ».
label-anonymous-allowed = Participation sans compte
help-anonymous-allowed = Vote ou argument avec une simple adresse e-mail, comptés une fois le lien envoyé à cette adresse suivi.
label-published-on = Date de parution
email-debate-confirm-subject = Confirmez votre participation : { $question }
email-debate-confirm-body =
    Bonjour,

    Pour que votre participation au débat « { $question } » soit comptée, suivez ce lien :

    { $link }

    Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera publié.
synthesis-title = Synthèse
synthesis-published-on = Publiée le { $date }
synthesis-preview = Aperçu : cette synthèse n’est pas encore publiée.
synthesis-intro = Cette synthèse classe { $placed } des { $total } contributions, amendements et arguments publiés ; chaque groupe renvoie vers chacun d’eux.
synthesis-groups = Groupes
synthesis-group-figures = { $items ->
    [one] { $items } élément
   *[other] { $items } éléments
  } · { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  }
synthesis-group-items = Voir les { $count } éléments du groupe
synthesis-admin-intro = Regroupez automatiquement les contributions, amendements et arguments de l’étape par similarité, puis renommez, fusionnez, découpez, imbriquez et résumez les groupes avant de publier. Chaque élément est dans un seul groupe.
synthesis-generate = Regrouper automatiquement
synthesis-regroup = Regrouper à nouveau
synthesis-regroup-confirm = Regrouper à nouveau remplace tous les groupes, leurs titres et leurs résumés. Continuer ?
synthesis-publish = Publier la synthèse
synthesis-unpublish = Retirer la publication
synthesis-is-published = Publiée
synthesis-none = Aucune synthèse pour l’instant : { $total } éléments à regrouper.
synthesis-unplaced = { $count ->
    [one] { $count } élément à classer
   *[other] { $count } éléments à classer
  }
synthesis-move-to = Déplacer vers
synthesis-new-group = Un nouveau groupe
synthesis-new-group-title = Titre du nouveau groupe
synthesis-to-sort = À classer
synthesis-place = Classer
synthesis-move = Déplacer la sélection
synthesis-summary = Résumé du groupe
synthesis-parent = Placer dans
synthesis-merge-into = Fusionner dans
synthesis-merge = Fusionner
synthesis-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
  }
synthesis-other-group = Divers
flash-synthesis-grouped = Les éléments sont regroupés : relisez les groupes avant de publier.
flash-synthesis-published = La synthèse est publiée.
error-synthesis-empty = Regroupez d’abord les éléments.
error-synthesis-unplaced = Classez d’abord chaque élément dans un groupe.
error-synthesis-none-chosen = Cochez au moins un élément.
error-synthesis-loop = Un groupe ne peut pas être placé dans lui-même ni dans l’un de ses sous-groupes.
admin-opinion-text = Texte
admin-opinion-pending = En attente de modération
label-opinion-body = Texte
admin-opinion-pin = Épingler en tête de la section
help-opinion-pin = Les textes épinglés s’affichent avant les autres, quel que soit le tri.
help-opinion-answer = Publiée sous le texte ; les personnes qui le suivent reçoivent un courriel. Laissez vide pour ne pas répondre.
admin-opinion-edit = Modifier, épingler, répondre
admin-opinion-delete = Supprimer ce texte
admin-opinion-delete-help = Ses votes, arguments, sources et amendements seront supprimés aussi.
admin-opinion-delete-confirm = Supprimer définitivement ce texte et tout ce qui s’y rattache ?
admin-source-categories = Catégories de sources
admin-source-categories-intro = Les participants classent chaque source qu’ils proposent dans l’une de ces catégories (étude, article de presse, texte de loi…).
admin-step-exports = Exports pour l’équipe
admin-step-exports-help = Ces fichiers contiennent des noms et des adresses électroniques : ne les diffusez pas. Les fichiers anonymisés pour le public sont sur la page des données ouvertes.
admin-export-contributions = Tous les textes, amendements, arguments et sources, avec leur auteur et leur état
admin-export-participants = Une ligne par participant
label-press-image = Image (facultative)
label-press-image-alt = Description de l’image
help-press-image-alt = Ce que montre l’image, pour qui ne la voit pas. Obligatoire avec une image.

## Form engine: question types, options, logic jumps
question-kind-rich_text = Texte mis en forme
question-kind-ranking = Classement
question-kind-majority = Jugement majoritaire
question-kind-file = Fichier
question-kind-siret = Numéro SIRET
question-kind-rna = Numéro RNA (association)
label-question-description = Description (avant le champ)
label-question-private = Réponse privée
help-question-private = Seule l’équipe voit les réponses : elles ne figurent ni dans les résultats publics ni dans les données ouvertes.
label-random-order = Choix dans un ordre aléatoire pour chaque personne
label-choice-display = Présentation d’un choix unique
display-radio = Boutons radio
display-select = Liste déroulante
display-buttons = Boutons
label-heading-level = Niveau du titre de section
level-1 = Titre principal
level-2 = Sous-titre
level-3 = Intertitre
question-private = Privée
question-private-note = Votre réponse ne sera vue que par l’équipe.
question-has-logic = Sauts
question-copy-of = { $label } (copie)
question-file-kept = Le fichier déjà envoyé est conservé si vous n’en choisissez pas d’autre.
duplicate = Dupliquer
confirm-delete-question = Supprimer cette question et ses réponses ?
choose-one = — Choisir —
help-siret = 14 chiffres, espaces acceptés.
help-rna = La lettre W suivie de 9 caractères.
help-number-bounds = Entre { $min } et { $max }.
help-question-file = Une image ou un PDF, { $mb } Mo au plus.
help-ranking = Donnez un rang (1, 2, 3…) aux choix que vous classez, sans trou ni doublon ; { $n } au plus.
help-majority = Donnez une mention à chaque choix.
rank-none = Non classé
rank-n = { $n ->
    [1] 1er
   *[other] { $n }e
}
majority-choice = Choix
grade-very-good = Très bien
grade-good = Bien
grade-fairly-good = Assez bien
grade-passable = Passable
grade-insufficient = Insuffisant
grade-reject = À rejeter
logic-title = Sauts logiques
logic-if = Si
logic-and = et
logic-or = ou
logic-is = est choisi
logic-is-not = n’est pas choisi
logic-end = Fin du questionnaire
logic-jump = saut
logic-add-jump = Ajouter un saut
logic-condition = Condition { $n }
logic-choice = Choix de la condition { $n }
logic-combine = Les conditions
logic-all = toutes vraies
logic-any = au moins une vraie
logic-target = Aller à
logic-always = Sinon, toujours aller à
logic-always-none = La question suivante
error-bound-above-choices = Ce minimum dépasse le nombre de choix.
error-choice-colour = Une couleur s’écrit #rrggbb, par exemple #1d4ed8.
error-choices-too-many = 50 choix au plus.
error-file-limit = Entre 1 et 20 Mo.
error-grade-every-choice = Donnez une mention à chaque choix.
error-jump-condition-needed = Choisissez au moins une condition.
error-jump-target = Choisissez une question qui vient après celle-ci.
error-ranking-invalid = Les rangs se suivent à partir de 1, sans trou ni doublon.
error-siret-format = Un SIRET compte 14 chiffres.
error-siret-key = Ce numéro SIRET n’est pas valide : vérifiez les chiffres.
error-siren-format = Un SIREN compte 9 chiffres.
error-siren-key = Ce numéro SIREN n’est pas valide : vérifiez les chiffres.
error-rna-format = Un numéro RNA s’écrit W suivi de 9 caractères, par exemple W751234567.

## Questionnaires and votations
questionnaire-admin-title = Questionnaire
questionnaire-settings = Réglages
label-questionnaire-kind = Type
questionnaire-kind-survey = Questionnaire
questionnaire-kind-vote = Votation (vote à bulletin secret)
help-questionnaire-kind = Une votation : une seule réponse par personne, définitive, enregistrée sans l’identité de la personne ; chacun reçoit un code de reçu ; les résultats sont publiés après la clôture.
label-intro = Introduction
label-q-multiple_replies = Plusieurs réponses par personne
label-q-anonymous = Réponses sans compte
label-q-drafts = Brouillons (reprendre plus tard)
label-q-acknowledge = Envoyer un accusé de réception avec les réponses
label-q-results_public = Résultats publics
label-q-req_confirmed_email = Adresse e-mail confirmée exigée
label-postal-codes = Codes postaux acceptés
help-postal-codes = Séparés par des virgules ; vide pour tous.
help-votation-options = Une votation n’a ni brouillon, ni réponses multiples, ni réponses sans compte, ni accusé avec les réponses.
error-postal-code = Un code postal compte 5 chiffres.
error-kind-locked = Des réponses existent déjà : le type ne peut plus changer.
error-publish-before-close = Les résultats se publient après la clôture de l’étape.
questionnaire-publication = Publication des résultats
questionnaire-published = Les résultats sont publiés.
questionnaire-unpublished = Les résultats ne sont pas publiés.
questionnaire-publish = Publier les résultats
questionnaire-unpublish = Retirer la publication
questionnaire-results-link = Résultats ({ $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
})
questionnaire-refused-title = Réponse impossible
questionnaire-not-open = Ce questionnaire n’est pas ouvert en ce moment.
questionnaire-sign-in = Connectez-vous pour répondre.
questionnaire-already-replied = Vous avez déjà répondu à ce questionnaire. Merci !
votation-already-voted = Vous avez déjà voté. Un bulletin est définitif.
questionnaire-requirements = Pour répondre, il vous manque :
questionnaire-empty = Ce questionnaire n’a pas encore de question.
questionnaire-submit = Envoyer mes réponses
questionnaire-save-draft = Enregistrer un brouillon
questionnaire-district = Votre quartier (facultatif)
questionnaire-district-help = Sert seulement aux statistiques par quartier.
questionnaire-district-none = Je préfère ne pas le dire
questionnaire-thanks-title = Merci pour vos réponses
questionnaire-thanks-text = Vos réponses sont enregistrées.
questionnaire-see-results = Voir les résultats
questionnaire-ack-subject = Vos réponses : { $step }
questionnaire-ack-body = Merci d’avoir répondu à « { $step } ». Voici vos réponses :
questionnaire-results-title = Résultats
questionnaire-replies-count = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
questionnaire-answered-count = { $count ->
    [one] { $count } personne a répondu
   *[other] { $count } personnes ont répondu
}
questionnaire-other-answers = Autres réponses ({ $count })
questionnaire-filters = Filtrer les résultats
required-fields-note = Les champs marqués d’un astérisque sont obligatoires.
back-to-project = Retour au projet
label-age-band = Tranche d’âge
results-count = Nombre
results-share = Part
results-borda = Points Borda
results-borda-help = Points Borda : avec N choix, le 1er rang rapporte N − 1 points, le 2e N − 2, et ainsi de suite ; un choix non classé ne rapporte rien.
results-average-rank = Rang moyen
results-times-ranked = Fois classé
results-majority-grade = Mention majoritaire
results-majority-help = Chaque choix reçoit la mention que la moitié au moins des votants lui accorde (la mention majoritaire) ; les égalités sont départagées comme le décrivent Balinski et Laraki, en retirant une à une les mentions médianes.
results-grade-distribution = Répartition des mentions
results-min = Minimum
results-median = Médiane
results-mean = Moyenne
results-max = Maximum
results-words = Mots les plus fréquents
results-texts = Réponses
results-files = Fichiers envoyés : visibles par l’équipe dans l’export.
votation-badge = Votation
votation-secret-note = Le vote est secret : votre bulletin est enregistré sans votre identité. Il est définitif.
votation-submit = Voter
votation-thanks-title = A voté !
votation-receipt-intro = Votre code de reçu :
votation-receipt-help = Notez-le. Après la publication des résultats, la liste de tous les codes et de leurs bulletins sera publiée : vous pourrez vérifier que votre bulletin a été compté tel que vous l’avez exprimé.
votation-results-unpublished = Les résultats ne sont pas encore publiés : seule l’équipe les voit.

questionnaire-complete-profile = Compléter mon profil
questionnaire-reply = Répondre
questionnaire-configure = Questions et réglages
receipts-title = Bulletins et codes de reçu
receipts-intro = { $count ->
    [one] { $count } bulletin, classé par code de reçu. Retrouvez le vôtre pour vérifier qu’il a été compté tel que vous l’avez exprimé.
   *[other] { $count } bulletins, classés par code de reçu. Retrouvez le vôtre pour vérifier qu’il a été compté tel que vous l’avez exprimé.
}
receipts-download = Télécharger tous les bulletins (CSV)
receipts-code = Code de reçu
receipts-check = Vérifier
receipts-found = Votre bulletin est surligné dans la liste ci-dessous.
receipts-not-found = Aucun bulletin ne porte ce code. Vérifiez la saisie (12 caractères).
receipts-link = Bulletins et codes de reçu
questionnaire-exports = Exports (équipe)
questionnaire-export-csv = Toutes les réponses en CSV (une colonne par question, séparateur « ; »)
questionnaire-export-comma = séparateur « , »
questionnaire-export-json = Toutes les réponses en JSON

## Petitions (a collect step in support mode)
petition-title = Pétition
petition-supports-of = { $count ->
    [one] soutien
   *[other] soutiens
} sur { $threshold } nécessaires
petition-reached = Seuil atteint le { $date }.
petition-answer-due = Réponse officielle promise au plus tard le { $date }
petition-days-left = { $days ->
    [0] (c'est aujourd'hui).
    [one] (encore 1 jour).
   *[other] (encore { $days } jours).
}
petition-late = { $days ->
    [one] : en retard d'un jour.
   *[other] : en retard de { $days } jours.
}
petition-answered = Réponse officielle publiée.
petition-read-answer = Lire la réponse
petition-archived = Archivée le { $date } : le seuil n'a pas été atteint à temps. La pétition reste consultable mais ne reçoit plus de soutiens.
petition-missing = { $count ->
    [one] Encore 1 soutien pour obliger une réponse officielle.
   *[other] Encore { $count } soutiens pour obliger une réponse officielle.
}
petition-you-support = Vous soutenez cette pétition.
petition-withdraw = Retirer mon soutien
petition-support = Je soutiens
petition-login = Connectez-vous pour soutenir cette pétition : un soutien par personne.
petition-card = { $count } / { $threshold } soutiens
petition-badge-awaiting = Réponse attendue
petition-badge-answered = Répondue
petition-badge-archived = Archivée
support-refused-mode = Cette étape ne recueille pas de soutiens.
support-refused-closed = Les soutiens sont fermés : l'étape n'est pas ouverte.
support-refused-unpublished = Seules les propositions publiées peuvent être soutenues.
support-refused-archived = Cette pétition est archivée : elle ne reçoit plus de soutiens.
support-refused-unconfirmed = Confirmez d'abord votre adresse e-mail (avec le lien reçu à l'inscription) pour soutenir une pétition.
flash-supported = Merci : votre soutien est compté.
flash-support-reached = Merci : votre soutien fait atteindre le seuil ! Une réponse officielle est désormais attendue.
flash-support-withdrawn = Votre soutien est retiré.
sort-supports = Les plus soutenues
email-threshold-subject = { $title } : seuil de { $threshold } soutiens atteint
email-threshold-staff =
    Bonjour,

    La pétition « { $title } » a atteint le seuil de { $threshold } soutiens sur la plateforme de { $org }.
    Une réponse officielle est promise publiquement au plus tard le { $due } : elle se publie depuis la fiche d'analyse de la proposition.

    { $link }
email-threshold-author =
    Bonjour,

    Votre pétition « { $title } » a atteint le seuil de { $threshold } soutiens. { $org } s'est engagé à y répondre publiquement au plus tard le { $due }.

    { $link }
email-archived-subject = { $title } : pétition archivée
email-archived-body =
    Bonjour,

    Votre pétition « { $title } » n'a pas atteint le seuil de soutiens dans le délai prévu : elle est archivée. Elle reste consultable, mais ne reçoit plus de soutiens.

    { $link }
admin-petition-title = Mode pétition (soutiens)
admin-petition-intro = En mode pétition, le bouton des propositions devient « Je soutiens ». Une proposition qui atteint le seuil oblige à une réponse officielle avant le délai affiché publiquement ; celles qui ne l'atteignent pas sont archivées automatiquement.
admin-petition-on = Recueillir des soutiens (pétition)
label-threshold = Seuil de soutiens
label-answer-days = Délai de réponse (jours)
help-answer-days = Compté à partir du jour où le seuil est atteint, par exemple 60.
label-archive-days = Archivage sans seuil atteint (jours après publication)
help-archive-days = Laisser vide pour ne jamais archiver.
admin-petition-save = Enregistrer le mode pétition
admin-petition-off = Désactiver le mode pétition
flash-petition-off = Mode pétition désactivé : les soutiens déjà donnés sont conservés.
dashboard-petitions = Pétitions en attente de réponse
dashboard-petition-due = avant le { $date }
petitions-title = Pétitions
petition-new = Déposer une pétition
votation-mediators-help = Les médiateurs saisissent les bulletins papier de la votation (bureau de vote, permanence) jusqu'à la publication des résultats. Chaque bulletin saisi reçoit un code de reçu à recopier sur le talon remis à la personne.
votation-paper-link = Saisir des bulletins papier
votation-paper-title = Bulletins papier
votation-paper-count = { $count ->
    [0] Aucun bulletin papier saisi pour l'instant.
    [one] 1 bulletin papier saisi.
   *[other] { $count } bulletins papier saisis.
}
votation-paper-entered = Bulletin enregistré.
votation-paper-receipt = Code de reçu à recopier sur le talon de la personne :
votation-paper-closed = Les résultats sont publiés : plus aucun bulletin ne peut être saisi.
votation-paper-help = Recopiez le bulletin tel qu'il a été rempli. Vérifiez l'identité de la personne sur la liste d'émargement du bureau : le bulletin est enregistré sans son nom.
votation-paper-submit = Enregistrer ce bulletin
choice-images-title = Images des choix
label-choice = Choix
label-choice-image = Image
help-choice-image = PNG, JPEG, WebP ou GIF. Elle s'affiche à côté du choix, dont l'intitulé reste le texte lu par les lecteurs d'écran.
choice-image-add = Ajouter l'image au choix
choice-image-remove = Retirer l'image
error-choice-image = L'image d'un choix doit être ajoutée avec le formulaire « Images des choix ».

## Short URLs, redirections and missing addresses
admin-redirections = Redirections
redirections-intro = Une adresse courte à imprimer sur une affiche (/nouveaux-bus) ou une adresse de votre ancien site mène vers une page de celui-ci. Les redirections ne servent que pour les adresses qu’aucune page n’occupe.
redirections-new = Nouvelle redirection
label-redirect-source = Adresse de départ
help-redirect-source = Un chemin de ce site, comme /nouveaux-bus, ou une adresse complète de l’ancien site, dont seul le chemin est gardé.
label-redirect-target = Destination
help-redirect-target = Un chemin de ce site (par exemple /projects/budget-participatif), ou une adresse d’un site autorisé plus bas.
label-redirect-kind = Type
redirect-kind-301 = Permanente (301) : l’ancienne adresse a disparu pour de bon
redirect-kind-302 = Temporaire (302) : adresse courte dont la destination peut changer
redirect-kind-short-301 = Permanente (301)
redirect-kind-short-302 = Temporaire (302)
redirections-list = { $count ->
    [0] Aucune redirection
    [one] Une redirection
   *[other] { $count } redirections
}
redirections-hits = Visites
redirections-none = Aucune redirection pour le moment.
redirections-import = Importer les adresses d’un ancien site
redirections-import-help = Un fichier CSV, une ligne par adresse : adresse de départ, destination, et si besoin 301 ou 302 (301 par défaut). Une première ligne d’en-tête « source,target » est permise. Si une seule ligne est refusée, rien n’est importé.
redirections-import-refused = Import refusé : rien n’a été enregistré
redirections-line = Ligne { $line } :
label-redirect-file = Fichier CSV
redirections-import-button = Importer
redirections-hosts = Sites externes autorisés
label-redirect-hosts = Noms de domaine, un par ligne
help-redirect-hosts = Une redirection ne peut mener hors de ce site que vers ces domaines (par exemple www.ville.fr).
flash-redirections-imported = Les redirections ont été importées.
missing-title = Adresses introuvables
missing-intro = Les adresses demandées par des visiteurs et qu’aucune page ni redirection ne sert, les plus demandées d’abord, avec les pages qui y menaient. Donnez-leur une destination pour finir une migration.
missing-path = Adresse
missing-last-seen = Dernière demande
missing-referrers = Venues de
missing-no-referrer = Accès direct
missing-redirect = Rediriger
missing-forget = Oublier
missing-clear = Vider le journal
missing-clear-confirm = Vider tout le journal des adresses introuvables ?
missing-none = Aucune adresse introuvable n’a été demandée.
error-redirect-source = Indiquez un chemin de ce site commençant par « / », sans espace.
error-redirect-home = La page d’accueil ne peut pas être redirigée.
error-redirect-target = Indiquez un chemin de ce site commençant par « / » ou une adresse en http(s).
error-redirect-external = Ce site n’est pas dans la liste des sites externes autorisés.
error-redirect-host = Indiquez des noms de domaine seuls, comme www.ville.fr, un par ligne.
error-redirect-loop = Cette redirection ramènerait à son adresse de départ (boucle).
error-redirect-chain = Cette destination passe déjà par trop de redirections successives.
error-redirect-kind = Le type doit être 301 ou 302.
error-redirect-taken = Une redirection part déjà de cette adresse.
error-redirect-is-page = Une page du site occupe déjà cette adresse : la redirection ne serait jamais suivie.
error-redirect-import-empty = Le fichier ne contient aucune redirection.
error-redirect-import-unreadable = Ce fichier n’est pas un CSV lisible (UTF-8).
redirections-to = mène vers
redirections-visits = { $count ->
    [0] aucune visite
    [one] une visite
   *[other] { $count } visites
}

## The organisation's pages and menus
admin-pages = Pages
admin-menus = Menus
pages-intro = Les pages de l’organisation, à l’adresse /pages/… : mentions légales, confidentialité, cookies et contact existent sur tout site ; ajoutez-en d’autres et placez-les dans les menus.
pages-new = Nouvelle page
page-kind-custom = Page libre
page-kind-legal = Mentions légales
page-kind-privacy = Confidentialité
page-kind-cookies = Cookies
page-kind-contact = Contact
page-published = Publiée
page-unpublished = Non publiée
page-view = Voir la page
page-draft-notice = Cette page n’est pas publiée : seuls les administrateurs la voient.
label-page-slug = Adresse de la page
help-page-slug = La fin de l’adresse /pages/… : lettres minuscules sans accent, chiffres et tirets. Laissée vide, elle est tirée du titre.
label-page-body = Contenu
label-meta-description = Description pour les moteurs de recherche
help-meta-description = Une phrase de 300 caractères au plus, montrée sous le titre dans les résultats de recherche.
label-recipients = Destinataires des messages
help-recipients = Les adresses e-mail qui reçoivent les messages du formulaire, une par ligne (10 au plus).
label-page-published = Publier la page
page-delete = Supprimer la page
page-delete-confirm = Supprimer cette page et ses entrées de menu ?
page-contact-title = Écrire un message
help-page-contact-email = Pour vous répondre ; elle n’est transmise qu’aux destinataires de ce formulaire.
email-page-contact-subject = [{ $org }] Message reçu par la page « { $page } »
email-page-contact-body =
    Bonjour,

    { $sender } ({ $email }) a écrit par la page « { $page } » du site { $org } :

    { $message }

    Répondez directement à { $email }.
error-page-slug-taken = Une autre page utilise déjà cette adresse.
error-one-line = Ce texte doit tenir sur une seule ligne.
error-recipients-needed = Indiquez au moins une adresse de destinataire pour publier la page de contact.
error-too-many-recipients = Indiquez 10 destinataires au plus.
menus-intro = Les entrées des menus d’en-tête et de pied de page mènent vers une page, un projet ou une adresse. Une entrée peut en regrouper d’autres, sur un seul niveau. Les entrées vers une page non publiée ou un projet non public restent cachées.
menu-header = Menu d’en-tête
menu-footer = Menu de pied de page
menu-to-page = Page « { $title } »
menu-to-project = Projet « { $title } »
menu-heading = Regroupe les entrées suivantes
menu-hidden = cachée aux visiteurs
menu-empty = Aucune entrée pour le moment.
menu-add = Ajouter une entrée
label-menu-label = Intitulé
label-menu-kind = Mène vers
menu-kind-page = une page
menu-kind-project = un projet
menu-kind-url = une adresse
menu-kind-none = rien : un intitulé qui regroupe d’autres entrées
label-menu-page = Page
label-menu-project = Projet
label-menu-url = Adresse
help-menu-url = Un chemin de ce site (/open-data) ou une adresse en http(s).
label-menu-parent = Placer sous
menu-top-level = Premier niveau
error-label-too-long = L’intitulé ne doit pas dépasser 80 caractères.
error-link-url = Indiquez un chemin de ce site commençant par « / » ou une adresse en http(s), sans espace.
error-menu-parent = Choisissez une entrée de premier niveau de ce menu.
error-menu-heading-nested = Un intitulé qui regroupe des entrées reste au premier niveau.
error-menu-full = Ce menu a déjà 60 entrées.

## Access and sharing
settings-access = Accès et partage
label-share-description = Description du site quand on partage un lien
help-share-description = Une phrase de 300 caractères au plus, montrée par les réseaux sociaux et messageries sous le titre d’une page partagée.
label-shielded = Mode bouclier : tout le site derrière la connexion
help-shielded = Pour un site réservé à l’équipe ou avant son lancement : les visiteurs non connectés ne voient que la page de connexion, l’inscription et les mentions légales.
settings-image-header = Image d’en-tête de la page d’accueil
help-settings-image-header = Une photo large (1 600 × 600 pixels par exemple), derrière l’introduction de la page d’accueil ; le texte reste sur un fond uni pour rester lisible.
settings-image-favicon = Icône de l’onglet (favicon)
settings-image-share = Image de partage
settings-image-current = Image actuelle
help-settings-image-favicon = Une image carrée (PNG de 64 × 64 pixels par exemple), montrée dans l’onglet du navigateur.
help-settings-image-share = Montrée avec les liens vers le site partagés sur les réseaux sociaux (1200 × 630 pixels conseillés).
settings-colours = Couleurs de l’en-tête, du pied de page, des boutons et des liens
settings-colours-intro = Laissées vides, elles découlent des deux couleurs principales. Chaque couple texte et fond doit rester lisible (contraste d’au moins 4,5:1, niveau AA).
colours-header = En-tête
colours-footer = Pied de page
colours-button = Boutons principaux
label-colour-background = Fond
label-colour-text = Texte
help-colour-optional = Au format #rrggbb ; vide : automatique.
label-colour-link = Liens
help-colour-link = Au format #rrggbb ; vide : une nuance de la couleur principale. Doit se lire sur le fond blanc des pages.
error-contrast-header = Le texte de l’en-tête ne se lirait pas assez sur son fond (contraste inférieur à 4,5:1) : choisissez un texte plus foncé ou plus clair.
error-contrast-footer = Le texte du pied de page ne se lirait pas assez sur son fond (contraste inférieur à 4,5:1).
error-contrast-button = Le texte des boutons ne se lirait pas assez sur leur fond (contraste inférieur à 4,5:1).
error-contrast-link = Cette couleur de lien est trop claire sur le fond des pages (contraste inférieur à 4,5:1).

## Fonts
admin-fonts = Polices
fonts-intro = Choisissez une police pour les titres et une pour le texte, parmi 14 familles libres ou celles que vous ajoutez. Elles s’appliquent à tout le site dès l’enregistrement.
fonts-choice = Polices du site
label-font-heading = Titres
label-font-body = Texte courant
fonts-system = Police du système (par défaut)
fonts-not-installed = non installée sur ce serveur
fonts-installed = installée
fonts-preview = Aperçu
fonts-preview-heading = Budget participatif : vos idées pour le quartier
fonts-preview-body = Déposez un projet, votez pour vos préférés et suivez leur réalisation, étape par étape.
fonts-upload = Ajouter une police
fonts-upload-help = Un fichier par graisse (normale et grasse) : WOFF2, WOFF, TTF ou OTF, 2 Mo au plus, vérifié à son contenu. Assurez-vous que sa licence permet de l’utiliser sur le web.
label-font-family = Nom de la famille
help-font-family = Lettres, chiffres, espaces et tirets, 60 caractères au plus (par exemple Marianne).
label-font-weight = Graisse
font-weight-400 = Normale (400)
font-weight-700 = Grasse (700)
label-font-file = Fichier de police
help-font-file = WOFF2, WOFF, TTF ou OTF, 2 Mo au plus.
fonts-builtin = Familles fournies
fonts-builtin-help = Elles viennent des paquets Debian installés sur le serveur (apt-get install suivi du nom du paquet), sous les licences libres indiquées.
error-font-name = Le nom ne peut contenir que des lettres, des chiffres, des espaces simples et des tirets (60 caractères au plus).
error-upload-not-font = Ce fichier n’est pas une police WOFF2, WOFF, TTF ou OTF lisible.
error-font-not-installed = Cette police n’est pas installée sur ce serveur.
error-font-too-large = Le fichier de police est trop lourd (2 Mo au maximum).

## Home page sections
home-no-sections = La page d’accueil n’a pas encore de contenu.
home-recent = Projets récents
home-recent-empty = Aucun projet pour le moment.
home-chosen = Projets à la une
home-chosen-empty = Aucun projet choisi pour le moment.
home-section-highlights = À la une
home-section-themes = Thèmes
home-section-themes-empty = Aucun projet n’est encore classé par thème.
home-section-proposals = Dernières propositions
home-section-proposals-empty = Aucune proposition publiée pour le moment.
home-section-figures = La participation en chiffres
home-section-map = Les projets près de chez vous
home-section-map-empty = Aucun projet n’est encore rattaché à un quartier.
home-section-text = Texte
home-section-newsletter = Lettre d’information
carousel-previous = Précédent
carousel-next = Suivant
figure-projects = { $count ->
    [one] projet
   *[other] projets
}
admin-home-page = Page d’accueil
admin-newsletter = Lettre d’information
home-sections-intro = Les sections de la page d’accueil, dans l’ordre où les visiteurs les voient. Une section éteinte reste ici, prête à être rallumée.
home-sections-see = Voir la page d’accueil
home-sections-empty = Aucune section : la page d’accueil est vide.
home-section-add = Ajouter une section
home-section-on = affichée
home-section-off = éteinte
home-switch-on = Afficher
home-switch-off = Éteindre
label-home-kind = Type de section
help-home-kind = Vous la réglerez ensuite ; elle s’ajoute en bas de la page.
home-kind-intro = Introduction
home-kind-projects = Projets
home-kind-highlights = Carrousel à la une
home-kind-themes = Thèmes
home-kind-proposals = Dernières propositions
home-kind-figures = Chiffres de la participation
home-kind-map = Projets par quartier
home-kind-text = Texte libre
home-kind-newsletter = Inscription à la lettre d’information
home-kind-help-intro = Le titre du site, un texte d’accueil et le bouton vers le projet ouvert (le vote d’abord). L’image d’en-tête se règle dans les paramètres.
home-kind-help-projects = Des cartes de projets : ouverts, à venir, terminés, les plus récents, ou ceux que vous choisissez.
home-kind-help-highlights = Des projets et des pages choisis, présentés en carrousel avec leur image.
home-kind-help-themes = Chaque thème avec ses projets publics.
home-kind-help-proposals = Les propositions publiées en dernier dans les projets publics.
home-kind-help-figures = Projets publics, participants, contributions et votes, tous projets publics réunis.
home-kind-help-map = Chaque quartier avec ses projets publics (une liste en attendant la carte).
home-kind-help-text = Un texte libre en Markdown, avec un titre si vous le souhaitez.
home-kind-help-newsletter = Un formulaire d’inscription ; chaque adresse confirme par un lien reçu par e-mail.
home-mode-current = en cours
home-mode-upcoming = à venir
home-mode-past = terminés
home-mode-recent = les plus récents
home-mode-chosen = choisis un à un
label-home-title = Titre
help-home-title = Laissez vide pour garder « { $default } ».
help-home-title-none = Laissez vide pour un texte sans titre.
label-home-mode = Projets montrés
label-home-count = Nombre affiché
help-home-count = De 1 à 48.
label-home-body = Texte
label-home-enabled = Afficher cette section
home-chosen-projects = Projets choisis
help-home-chosen = Montrés dans cet ordre quand « Projets montrés » vaut « choisis un à un ». Les projets non publics restent cachés aux visiteurs.
home-highlights = Éléments du carrousel
home-items-empty = Aucun élément pour le moment.
home-item-add = Ajouter un élément
home-item-project = Projet
home-item-page = Page
label-home-target = Élément
error-home-count = Indiquez un nombre entier de 1 à 48.
error-home-title-too-long = Le titre ne doit pas dépasser 120 caractères.
error-home-full = La page d’accueil a déjà 30 sections : supprimez-en une d’abord.
error-home-items-full = Cette section a déjà 12 éléments : retirez-en un d’abord.

## Newsletter
newsletter-title = Lettre d’information
newsletter-intro = Recevez les nouvelles des projets participatifs par e-mail.
newsletter-subscribe = S’inscrire
newsletter-consent = Votre adresse ne sert qu’à cette lettre ; chaque envoi contient un lien pour vous désinscrire.
newsletter-sent = Si cette adresse n’était pas déjà inscrite, un lien de confirmation vient de lui être envoyé. L’inscription compte une fois ce lien suivi.
newsletter-confirmed = C’est fait : vous recevrez la lettre d’information.
newsletter-link-invalid = Ce lien n’est plus valable.
newsletter-leave-intro = Vous ne recevrez plus la lettre d’information et votre adresse sera effacée.
newsletter-leave = Me désinscrire
newsletter-left = Votre adresse est effacée : vous ne recevrez plus la lettre d’information.
email-newsletter-subject = [{ $org }] Confirmez votre inscription à la lettre d’information
email-newsletter-body =
    Bonjour,

    Quelqu’un (vous, sans doute) a demandé à recevoir la lettre d’information de { $org } à cette adresse. Pour confirmer, suivez ce lien :
    { $confirm }

    Si ce n’était pas vous, ignorez ce message : rien ne vous sera envoyé. Pour effacer l’adresse tout de suite :
    { $leave }
newsletter-admin-intro = Les adresses inscrites depuis la page d’accueil. Seules les adresses confirmées sont exportées.
newsletter-admin-counts = { $confirmed } confirmée(s), { $pending } en attente de confirmation.
newsletter-admin-csv = Télécharger les adresses confirmées (CSV)
newsletter-admin-list = Inscriptions
newsletter-admin-lang = Langue
newsletter-admin-state = État
newsletter-admin-confirmed-on = confirmée le { $date }
newsletter-admin-pending = en attente
newsletter-admin-empty = Personne ne s’est encore inscrit.

## Events
events-title = Événements
events-past-title = Événements passés
events-feed = S’abonner au calendrier
events-empty = Aucun événement à venir pour le moment.
events-past-empty = Aucun événement passé.
events-see-past = Voir les événements passés
events-see-upcoming = Voir les événements à venir
events-see-all = Tous les événements
home-section-events = Prochains événements
home-kind-events = Prochains événements
home-kind-help-events = Les prochains événements publiés, le plus proche d’abord.
project-events = Événements du projet
event-cancelled = Annulé
event-cancelled-text = Cet événement est annulé.
event-online = En ligne
event-when = Quand
event-where = Où
event-projects = Projets
event-unpublished = Cet événement n’est pas publié : seule l’équipe le voit.
event-registration = Inscription
event-seats = { $left } place(s) libre(s) sur { $capacity }
event-waiting-count = { $count ->
    [one] 1 personne en liste d’attente
   *[other] { $count } personnes en liste d’attente
}
event-registered-count = { $count ->
    [one] 1 inscrit·e
   *[other] { $count } inscrit·es
}
event-you-are-registered = Vous êtes inscrit·e : votre place est réservée.
event-you-are-waiting = Vous êtes sur la liste d’attente : vous recevrez un e-mail si une place se libère.
event-login-to-register = Se connecter pour s’inscrire
event-register = M’inscrire
event-join-waiting = Complet : rejoindre la liste d’attente
event-unregister = Annuler mon inscription
event-registration-closed = Les inscriptions sont closes.
event-add-to-calendar = Ajouter à mon agenda (.ics)
flash-event-registered = C’est noté : votre place est réservée.
flash-event-waiting = L’événement est complet : vous êtes sur la liste d’attente.
flash-event-unregistered = Votre inscription est annulée.
flash-event-cancelled = L’événement est annulé ; les personnes inscrites sont prévenues par e-mail.
admin-events = Événements
events-new = Nouvel événement
events-admin-empty = Aucun événement pour le moment.
event-preview = Aperçu
label-event-description = Description
label-event-address = Adresse
label-event-online-url = Lien de la réunion en ligne
help-event-online-url = Une adresse https://, pour un événement en ligne ou hybride.
label-event-registration = Inscriptions ouvertes
label-event-capacity = Nombre de places
help-event-capacity = Laissez vide pour ne pas limiter. Au-delà, les personnes rejoignent une liste d’attente.
label-event-projects = Projets liés
label-event-published = Publier l’événement
event-registrants = Personnes inscrites
event-registrants-csv = Télécharger la liste (CSV)
event-no-registrants = Personne ne s’est encore inscrit.
event-seat-confirmed = place réservée
event-seat-waiting = liste d’attente
event-other-actions = Autres actions
event-cancel = Annuler l’événement
event-cancel-confirm = Annuler l’événement et prévenir toutes les personnes inscrites ?
event-delete-confirm = Supprimer l’événement et ses inscriptions ?
error-event-address = L’adresse tient sur une ligne de 300 caractères au plus.
error-event-online-url = Indiquez une adresse complète commençant par https://.
error-event-capacity = Indiquez un nombre entier de places, de 1 à 100 000, ou laissez vide.
email-event-moved-up-subject = [{ $org }] Une place s’est libérée : { $event }
email-event-moved-up-body =
    Bonjour,

    Une place s’est libérée pour « { $event } » ({ $when }) : elle est à vous, votre inscription est confirmée.

    Si vous ne pouvez plus venir, annulez votre inscription pour la laisser à quelqu’un d’autre :
    { $link }
email-event-cancelled-subject = [{ $org }] Événement annulé : { $event }
email-event-cancelled-body =
    Bonjour,

    L’événement « { $event } » prévu { $when } est annulé. Nous sommes désolés pour ce contretemps.

    { $link }
email-event-reminder-subject = [{ $org }] Rappel : { $event }
email-event-reminder-body =
    Bonjour,

    Nous vous attendons à « { $event } », { $when }.
    { $where }

    Si vous ne pouvez plus venir, annulez votre inscription pour laisser votre place :
    { $link }

## News
news-title = Actualités
news-empty = Aucune actualité pour le moment.
news-see-all = Toutes les actualités
news-draft = Ce brouillon n’est pas publié : seule l’équipe le voit.
news-scheduled = Publication prévue le { $date } : seule l’équipe la voit d’ici là.
news-published-on = Publiée le { $date }
news-about-project = Projets
news-about-proposal = Propositions
news-about-theme = Thèmes
project-news = Actualités du projet
home-section-news = Dernières actualités
home-kind-news = Dernières actualités
home-kind-help-news = Les actualités publiées en dernier, avec leur image.
admin-posts = Actualités
posts-new = Nouvelle actualité
posts-admin-empty = Aucune actualité pour le moment.
posts-delete = Supprimer l’actualité
posts-delete-confirm = Supprimer cette actualité et ses commentaires ?
news-state-draft = brouillon
news-state-scheduled = publication prévue le { $date }
news-state-published = publiée le { $date }
news-comments-off = commentaires fermés
label-news-summary = Chapeau
help-news-summary = Une phrase, montrée sur les cartes (300 caractères au plus).
label-news-published-at = Date de publication
help-news-published-at = Vide : brouillon. Une date à venir programme la publication.
label-news-themes = Thèmes
label-news-proposals = Propositions liées
help-news-proposals = Leurs identifiants, le nombre à la fin de leur adresse (/proposals/12), séparés par des virgules.
label-news-comments = Commentaires ouverts
error-news-summary = Le chapeau tient sur une ligne de 300 caractères au plus.
error-news-proposals = Indiquez des numéros de propositions, séparés par des virgules.
error-news-too-many-proposals = 20 propositions au plus.
error-news-proposals-missing = Une de ces propositions n’existe pas : vérifiez les numéros.
table-region = Tableau (il défile de côté sur un petit écran)

## Translated content
tr-title = Traductions
tr-intro = Le texte saisi dans le formulaire de l’élément est le texte français. Un champ laissé vide affiche le texte français aux lecteurs de cette langue.
tr-translate = Traduire
tr-translations-of = Traductions de « { $name } »
tr-kind-project = Projet
tr-kind-step = Étape
tr-kind-page = Page
tr-kind-menu-item = Menus
tr-kind-news-post = Actualité
tr-kind-event = Événement
tr-kind-theme = Thèmes
tr-kind-district = Quartiers
lang-name-fr = Français
lang-name-en = Anglais
tr-field-title = Titre
tr-field-summary = Résumé
tr-field-description = Description
tr-field-body = Texte
tr-field-meta_description = Description pour les moteurs de recherche
tr-field-label = Libellé
tr-field-name = Nom
tr-help-empty = Vide : le texte français est affiché.
tr-original = Texte français
tr-original-empty = Pas de texte en français.
tr-not-translated = Ce texte n’est pas encore traduit : il est affiché en français.
settings-image-remove = Retirer l’image
settings-image-remove-confirm = Retirer cette image ? Le site s’en passera jusqu’au prochain envoi.
flash-image-removed = Image retirée.

## Single sign-on (OpenID Connect, FranceConnect)
login-sso = Se connecter avec un compte existant
login-sso-with = Se connecter avec { $provider }
login-or-email = Ou avec votre adresse e-mail :
login-staff = Personnel de l'organisation
fc-button-1 = S’identifier avec
fc-what = Qu’est-ce que FranceConnect ?
sso-failed-title = Connexion avec { $provider } impossible
sso-failed-back = Revenir à la page de connexion
sso-failed-unreachable = { $provider } ne répond pas ou a refusé la demande. Réessayez dans quelques minutes ; si cela continue, prévenez l'équipe du site.
sso-failed-state = Cette demande de connexion a expiré, a déjà servi ou a été commencée dans un autre navigateur. Recommencez depuis la page de connexion.
sso-failed-cancelled = La connexion a été annulée chez { $provider }. Vous pouvez recommencer quand vous voulez.
sso-failed-token = La réponse de { $provider } n'a pas pu être vérifiée : par sécurité, personne n'a été connecté.
sso-failed-email-taken = Un compte existe déjà avec l'adresse e-mail que { $provider } nous a transmise. Connectez-vous avec votre mot de passe (ou demandez un nouveau mot de passe), puis liez { $provider } depuis votre page « Mon compte ».
sso-failed-linked-elsewhere = Cette identité { $provider } est déjà liée à un autre compte.
sso-failed-closed = Ce compte a été supprimé.
sso-leaving-logout = Déconnexion de { $provider }
sso-leaving-logout-text = Vous êtes déconnecté·e du site. Votre navigateur part maintenant chez { $provider } pour y fermer aussi votre session.
sso-leaving-link = Liaison avec { $provider }
sso-leaving-link-text = Votre navigateur part maintenant chez { $provider } : connectez-vous-y pour lier ce compte au vôtre.
sso-leaving-go = Continuer vers { $provider }
account-password-none = Vous vous connectez par un fournisseur d'identité. Pour vous connecter aussi avec un mot de passe, demandez-en un par e-mail.
account-password-ask = Recevoir un lien pour choisir un mot de passe
label-req-identity = Identité vérifiée par un fournisseur d'identité (FranceConnect…)
help-req-identity = Le votant se connecte une fois avec un fournisseur qui vérifie l'identité ; l'âge vient alors de sa date de naissance certifiée.
label-q-req_verified_identity = Identité vérifiée exigée (FranceConnect…)
vote-missing-identity = Confirmez votre identité avec un fournisseur d'identité reconnu (FranceConnect).
vote-identity-with = Confirmer mon identité avec { $provider }
vote-identity-none = Aucun fournisseur d'identité vérifiée n'est proposé sur ce site : prévenez son équipe.
label-sso-verifies = Vérifie l'identité des personnes
help-sso-verifies = Ses connexions comptent comme une identité vérifiée pour les votes et questionnaires qui l'exigent, avec la date de naissance qu'il certifie.
label-sso-acr = Niveau demandé (acr_values)
help-sso-acr = Facultatif, par exemple « eidas1 ».
error-sso-acr = Des mots sans guillemets, séparés par des espaces, 10 au plus.
account-identity-verified = Votre identité a été vérifiée par un fournisseur d'identité le { $date }.
id-codes-title = Codes d'identification
id-codes-back = Retour au vote « { $step } »
id-codes-intro = Des codes à usage unique, envoyés par exemple par courrier à chaque foyer. Un code sert une seule fois : en ligne, saisi par le votant, ou sur papier, saisi par un médiateur avec le bulletin. Pour les exiger, cochez « Code d'identification » dans les réglages du vote ou du questionnaire.
id-codes-figures = { $total } codes : { $online } utilisés en ligne, { $paper } sur papier, { $unused } pas encore utilisés.
id-codes-import = Importer des codes
id-codes-import-help = Un fichier CSV avec un code par ligne (première colonne ; une ligne d'en-tête « code » est permise). Lettres et chiffres, de 6 à 40 ; espaces et tirets sont ignorés. Les codes déjà importés sont gardés tels quels.
label-id-codes-file = Fichier CSV des codes
id-codes-import-button = Importer les codes
id-codes-unused = Codes inutilisés
id-codes-delete-unused = Supprimer les { $count } codes inutilisés
id-codes-delete-confirm = Supprimer les { $count } codes inutilisés ? Les codes déjà utilisés restent.
flash-id-codes-imported = Codes importés.
flash-id-codes-deleted = Codes inutilisés supprimés.
error-id-code-invalid = Un code contient de 6 à 40 lettres et chiffres (espaces et tirets ignorés).
error-id-code-repeated = Ce code figure déjà plus haut dans le fichier.
error-id-codes-empty = Le fichier ne contient aucun code.
error-id-codes-too-many = Trop de codes dans un seul fichier (500 000 au plus).
error-id-codes-unreadable = Le fichier n'est pas un texte lisible (enregistrez-le en CSV UTF-8).
error-id-code-unknown = Ce code est inconnu ou a déjà servi.
label-req-id-code = Code d'identification (envoyé à chaque votant)
help-req-id-code = Le votant saisit une fois un des codes importés pour ce vote ; chaque code vote une seule fois, en ligne ou sur papier.
label-id-code = Code d'identification
help-id-code = Le code reçu par courrier, par exemple « AB12-CD34 ».
help-id-code-paper = Le code inscrit sur le bulletin papier.
vote-missing-id-code = Saisissez le code d'identification que vous avez reçu.
error-email-domain = Les inscriptions avec une adresse e-mail sont réservées aux adresses de l'organisation (voir ci-dessus).
help-email-domains = Adresses acceptées : { $domains }.
data-kept-title = Les données personnelles que nous gardons
data-kept-intro = Ce que la plateforme garde sur vous, pourquoi, et combien de temps. Cette page est écrite à partir de sa configuration : elle dit ce qui s'applique ici.
data-kept-what = Donnée
data-kept-why = Pourquoi
data-kept-how-long = Combien de temps
data-kept-account = Votre compte : adresse e-mail, nom affiché, langue, mot de passe (haché avec Argon2, jamais lisible), date d'inscription et de dernière connexion
data-kept-account-why = Vous connecter, vous écrire (confirmation, notifications que vous avez choisies), signer vos contributions.
data-kept-account-until = Jusqu'à la suppression de votre compte, ou { $days } jours après votre dernière connexion : le compte est alors anonymisé, après un courriel de rappel envoyé { $notice } jours avant.
data-kept-account-until-deleted = Jusqu'à la suppression de votre compte.
data-kept-sessions = Vos sessions : l'appareil et le navigateur utilisés
data-kept-sessions-why = Vous garder connecté·e et vous montrer vos appareils connectés.
data-kept-sessions-until = { $days } jours au plus, ou jusqu'à la déconnexion.
data-kept-sso = Votre identifiant chez le fournisseur d'identité ({ $providers })
data-kept-sso-why = Vous reconnaître quand vous vous connectez par ce fournisseur.
data-kept-identity = La vérification de votre identité et votre date de naissance certifiée
data-kept-identity-why = Les votes et questionnaires réservés aux identités vérifiées, ou à partir d'un certain âge.
data-kept-with-account = Autant que votre compte.
data-kept-voter = Ce qu'un vote vous demande : date de naissance, code postal, acceptation du règlement, code d'identification utilisé
data-kept-voter-why = Vérifier que vous pouvez voter, une seule fois ; calculer les statistiques de participation par tranche d'âge et quartier.
data-kept-ballots = Vos bulletins de vote
data-kept-ballots-why = Compter les votes. Les résultats et les fichiers publiés ne contiennent qu'un pseudonyme, jamais votre nom.
data-kept-ballots-until = Jusqu'à la fin du projet ; séparés de votre nom si votre compte est supprimé ou anonymisé.
data-kept-contributions = Vos contributions : propositions, commentaires, arguments, réponses aux questionnaires
data-kept-contributions-why = La participation elle-même, publique comme vous l'avez choisie.
data-kept-contributions-until = Autant que le projet ; sans votre nom si votre compte est supprimé ou anonymisé.
data-kept-emails = Les courriels qui vous sont envoyés
data-kept-emails-why = Savoir ce qui a été envoyé, et le renvoyer en cas d'échec.
data-kept-addresses = Votre adresse IP
data-kept-addresses-why = Limiter les tentatives de connexion, d'inscription et de vote (contre les robots et le vol de compte).
data-kept-addresses-until = { $minutes } minutes.
data-kept-rights = Vous pouvez télécharger toutes vos données, les corriger ou supprimer votre compte depuis votre page :
data-kept-account-link = Mon compte
flash-sso-linked = Le fournisseur d'identité est lié à votre compte.
flash-sso-saved = Fournisseur d'identité enregistré.
flash-sso-deleted = Fournisseur d'identité supprimé.
account-sso = Connexion par un fournisseur d'identité
account-sso-none = Aucun fournisseur d'identité n'est lié à votre compte.
account-sso-linked = { $provider }, lié le { $date }
account-sso-link = Lier { $provider }
sso-title = Connexion unique (SSO)
sso-intro = Les habitants et le personnel peuvent se connecter avec un fournisseur OpenID Connect (FranceConnect, Keycloak, Microsoft Entra…). Le secret de chaque fournisseur ne s'écrit pas ici : il se lit dans la variable d'environnement indiquée, au démarrage du serveur.
sso-list = Fournisseurs
sso-none = Aucun fournisseur pour l'instant : seuls les comptes avec e-mail et mot de passe existent.
sso-new = Ajouter un fournisseur
sso-create = Ajouter le fournisseur
sso-edit = Fournisseur « { $name } »
sso-back = Retour aux fournisseurs
sso-delete = Supprimer ce fournisseur
sso-delete-confirm = Supprimer ce fournisseur ? Les comptes restent, mais ne pourront plus s'y connecter.
sso-callback = Adresse de retour à déclarer chez le fournisseur
sso-logout-back = Adresse de retour après déconnexion
sso-callback-help = Déclarez chez le fournisseur l'adresse de retour { $url } (avec l'identifiant choisi ci-dessous).
sso-secret = Secret
sso-secret-set = Défini
sso-secret-missing = Absent (client public, PKCE seul)
sso-accounts = Comptes liés
sso-state = État
sso-enabled = Actif
sso-disabled = Désactivé
sso-kind-oidc = OpenID Connect
sso-kind-franceconnect_integration = FranceConnect (intégration)
sso-kind-franceconnect = FranceConnect (production)
sso-grant-none = Aucun
label-sso-kind = Type
help-sso-kind = FranceConnect fixe l'émetteur, les informations demandées et le niveau eIDAS.
label-sso-label = Nom affiché sur le bouton
help-sso-label = Par exemple « Compte agent de la ville ».
label-sso-slug = Identifiant
help-sso-slug = Lettres minuscules, chiffres et tirets ; il apparaît dans les adresses.
label-sso-issuer = Émetteur (issuer)
help-sso-issuer = L'adresse de l'émetteur OpenID Connect, en https : son document de découverte est lu à la première connexion. Pour SAML : l'adresse des métadonnées du fournisseur (ou collez-les ci-dessous).
label-sso-client-id = Identifiant client
label-sso-scopes = Informations demandées (scopes)
help-sso-scopes = Séparées par des espaces ; « openid » est toujours ajouté.
label-sso-name-claim = Nom affiché pris dans
help-sso-name-claim = Sinon, le prénom et le nom.
label-sso-grant-role = Rôle donné à ses utilisateurs
help-sso-grant-role = Un rôle n'est jamais abaissé.
label-sso-staff-only = Réservé au personnel
help-sso-staff-only = Le bouton apparaît à part, et un rôle du personnel doit être donné.
label-sso-enabled = Proposé sur la page de connexion
error-sso-slug = Utilisez seulement des lettres minuscules, des chiffres et des tirets (40 au plus).
error-sso-slug-taken = Un autre fournisseur a déjà cet identifiant.
error-sso-issuer = Saisissez une adresse complète commençant par https://, sans « ? » ni « # ».
error-sso-issuer-https = L'émetteur doit être en https (http n'est accepté que sur cette machine).
error-sso-scopes = Les scopes sont des mots sans espaces ni guillemets, 20 au plus.
error-sso-claim = Le nom d'une information ne contient que lettres, chiffres, « _ », « - », « : » et « . ».
error-sso-client-id = L'identifiant client ne contient pas d'espaces.
error-sso-staff-role = Un fournisseur réservé au personnel doit donner un rôle du personnel.
error-sso-franceconnect-staff = FranceConnect s'adresse aux habitants : il ne peut pas être réservé au personnel.

# Groups of users and invitations
admin-groups = Groupes
groups-intro = Un groupe réunit des personnes : un projet réservé peut n’être montré qu’à certains groupes. On y entre par l’administration (une adresse, ou un fichier CSV d’adresses), par une invitation envoyée par courriel, ou en se connectant par un fournisseur d’identité qui y met ses utilisateurs.
groups-list = Groupes existants
groups-none = Aucun groupe pour le moment. Créez-en un ci-dessous.
groups-new = Nouveau groupe
groups-create = Créer le groupe
groups-edit = Nom et description
groups-back = ← Tous les groupes
groups-members = Membres
groups-created = Créé le
groups-member-count = { $count ->
    [0] Aucun membre.
    [one] Un membre.
   *[other] { $count } membres.
}
groups-no-members = Personne n’est encore dans ce groupe.
groups-member-gone = Compte supprimé
groups-source = Arrivée
groups-source-manual = Ajout à la main
groups-source-csv = Import CSV
groups-source-invitation = Invitation
groups-source-provider = Fournisseur d’identité
groups-added = Depuis le
groups-remove = Retirer
groups-remove-confirm = Retirer { $name } du groupe ?
groups-add = Ajouter une personne
groups-add-button = Ajouter au groupe
groups-import = Importer des adresses
groups-import-help = Un fichier CSV avec une adresse électronique par ligne, dans la première colonne (un en-tête « email » ou « courriel » est permis). Le fichier est vérifié en entier avant tout ajout ; les personnes qui ont un compte entrent dans le groupe, les autres sont listées pour que vous puissiez les inviter.
groups-import-button = Importer les adresses
groups-import-missing = { $count ->
    [one] Une adresse n’a pas de compte : invitez-la ci-dessous.
   *[other] { $count } adresses n’ont pas de compte : invitez-les ci-dessous.
}
groups-invite = Inviter par courriel
groups-invite-help = Chaque adresse reçoit un lien personnel, valable une fois et pour une durée limitée : la personne crée son compte ou se connecte, puis entre dans le groupe.
groups-invite-button = Envoyer les invitations
groups-pending = Invitations en attente
groups-pending-until = valable jusqu’au { $date }
groups-pending-expired = expirée
groups-revoke = Retirer l’invitation
groups-delete = Supprimer le groupe
groups-delete-confirm = Supprimer le groupe « { $name } » ? Ses membres gardent leur compte ; les projets réservés à ce seul groupe redeviennent visibles de toutes les personnes connectées.
label-group-name = Nom du groupe
label-group-description = Description
help-group-description = Pour l’équipe : à quoi sert ce groupe.
help-group-add = L’adresse électronique d’un compte existant.
label-group-emails-file = Fichier CSV d’adresses
label-group-invite-emails = Adresses à inviter
help-group-invite-emails = Une adresse par ligne (ou séparées par des virgules), 200 au plus.
label-group-invite-days = Durée de validité (jours)
help-group-invite-days = De 1 à { $max } jours.
label-project-groups = Réservé aux groupes
help-project-groups = Pour un projet réservé : seuls les membres des groupes cochés le voient (et l’équipe). Aucun coché : toutes les personnes connectées.
help-project-no-groups = Pour réserver un projet à certaines personnes, créez d’abord un groupe :
label-sso-grant-group = Groupe attribué
help-sso-grant-group = Chaque personne qui se connecte par ce fournisseur entre dans ce groupe.
error-group-email-repeated = Cette adresse figure déjà plus haut dans le fichier.
error-group-emails-empty = Le fichier ne contient aucune adresse.
error-group-emails-too-many = Le fichier contient trop d’adresses (20 000 au plus).
error-group-no-account = Aucun compte n’a cette adresse. Invitez-la plutôt ci-dessous.
error-group-invitations-too-many = 200 invitations au plus à la fois.
error-invitation-days = Indiquez un nombre de jours entre 1 et 90.
flash-group-saved = Groupe enregistré.
flash-group-deleted = Groupe supprimé.
flash-group-member-added = Personne ajoutée au groupe.
flash-group-member-removed = Personne retirée du groupe.
flash-group-imported = Adresses importées : les comptes correspondants sont dans le groupe.
flash-group-invited = Invitations envoyées.
flash-group-invitation-revoked = Invitation retirée.
flash-group-joined = Vous faites maintenant partie du groupe.
email-invitation-subject = Invitation à rejoindre un groupe sur { $org }
email-invitation-body = Bonjour,

    Vous êtes invité·e à rejoindre le groupe « { $group } » sur { $org }.
    Ouvrez ce lien pour créer votre compte ou vous connecter, puis rejoindre le groupe :

    { $link }

    Ce lien est personnel, ne sert qu’une fois et reste valable { $days } jours.
invitation-title = Invitation
invitation-intro = Vous êtes invité·e à rejoindre le groupe « { $group } » sur { $org }.
invitation-until = Cette invitation est valable jusqu’au { $date }.
invitation-join = Rejoindre « { $group } »
invitation-account = Pour rejoindre le groupe, créez votre compte ou connectez-vous.
invitation-signup = Créer mon compte
invitation-login = J’ai déjà un compte
invitation-used = Cette invitation a déjà servi. Si c’était vous, connectez-vous : vous êtes dans le groupe.
invitation-expired = Cette invitation a expiré. Demandez-en une nouvelle à l’équipe qui vous l’a envoyée.
invitation-unknown = Ce lien d’invitation n’existe pas. Vérifiez qu’il a été copié en entier.
signup-invited-text = Votre compte { $email } est prêt et vous faites partie du groupe « { $group } ». Vous pouvez vous connecter.
data-kept-groups = Vos groupes, et les invitations à en rejoindre un (adresse e-mail)
data-kept-groups-why = Montrer les projets réservés à un groupe à ses membres ; envoyer le lien d’une invitation.
data-kept-groups-until = Tant que vous êtes dans le groupe ; une invitation, jusqu’à sa fin ({ $days } jours au plus) ou la suppression du groupe.
groups-delete-help = Ses membres gardent leur compte ; ses invitations en attente ne servent plus.
action-log-title = Journal d’administration
action-log-intro = Chaque modification faite dans l’administration, et par l’équipe ailleurs (saisie de bulletins papier, masquage de commentaires), avec qui l’a faite, quand et depuis quelle adresse. Les entrées sont gardées { $days } jours.
action-log-search = Rechercher
action-log-search-help = Une personne (nom ou adresse e-mail) ou une partie de l’adresse de la page.
action-log-filter = Filtrer
action-log-count = { $count ->
    [0] Aucune action.
    [one] Une action.
   *[other] { $count } actions.
}
action-log-none = Rien à montrer.
action-log-export = Exporter en CSV
action-log-when = Quand
action-log-who = Qui
action-log-what = Quoi
action-log-from = Depuis
data-kept-admin-log = Les actions de l’équipe dans l’administration (qui, quoi, quand, adresse IP)
data-kept-admin-log-why = Savoir qui a changé quoi, et le prouver en cas de contestation (intérêt légitime).
data-kept-admin-log-until = { $days } jours.
sso-kind-saml = SAML 2.0 (annuaire du personnel)
label-sso-saml-metadata = Métadonnées SAML du fournisseur
help-sso-saml-metadata = Pour SAML seulement : collez le XML des métadonnées du fournisseur d'identité, ou donnez leur adresse comme émetteur. Elles doivent contenir son certificat de signature (les assertions non signées sont refusées). Déclarez chez le fournisseur ce site : identifiant { $entity }, retour (HTTP-POST) { $acs }.
help-sso-client-id = Obligatoire pour OpenID Connect ; inutile pour SAML.
error-saml-unavailable = Ce serveur a été construit sans SAML (fonctionnalité « saml »).
error-saml-metadata-required = Donnez l'adresse des métadonnées (émetteur) ou collez-les.
error-saml-metadata-fetch = Les métadonnées n'ont pas pu être lues à cette adresse.
error-saml-metadata-too-large = Ces métadonnées sont trop grandes (1 Mio au plus).
error-saml-metadata-unreadable = Ce n'est pas un document de métadonnées SAML lisible.
error-saml-metadata-no-sso = Ces métadonnées ne donnent pas d'adresse de connexion (SingleSignOnService HTTP-Redirect).
error-saml-metadata-certificate = Le certificat de signature de ces métadonnées est illisible.
error-saml-metadata-unsigned = Ces métadonnées ne donnent aucun certificat de signature : les réponses ne pourraient pas être vérifiées.
sso-failed-saml-link = Un fournisseur SAML sert à se connecter, pas à être lié à un compte déjà connecté. Déconnectez-vous puis connectez-vous avec { $provider }.
label-req-phone = Numéro de téléphone
help-req-phone = Chaque votant donne un numéro de téléphone valide (son format seulement : aucun SMS n'est envoyé).
vote-req-phone = donner un numéro de téléphone ;
vote-missing-phone = Indiquez votre numéro de téléphone.
label-phone = Numéro de téléphone
help-phone = Par exemple 06 12 34 56 78, ou +41 79 123 45 67 hors de France. Il n'est pas publié.
error-phone-invalid = Ce numéro de téléphone n'est pas valide : 10 chiffres commençant par 0, ou l'indicatif du pays après +.
data-kept-phone = Votre numéro de téléphone, si un vote l'a demandé
data-kept-phone-why = Une condition du vote fixée par l'organisation (rien n'y est envoyé).
label-q-req_id_code = Code d'identification exigé (envoyé à chaque votant)

## Petitions: stronger checks on supporters; questionnaires asking for a phone number
label-q-req_phone = Numéro de téléphone exigé (son format seulement : aucun SMS n'est envoyé)
petition-checks = Qui peut soutenir
help-petition-checks = Une adresse e-mail confirmée est toujours demandée. Cochez ce que chaque soutien doit montrer en plus ; ce qu'il a déjà donné n'est pas redemandé.
label-petition-req_verified_identity = Identité vérifiée par un fournisseur d'identité (FranceConnect…)
help-petition-identity = Chaque soutien se connecte une fois avec un fournisseur qui vérifie l'identité.
label-petition-req_id_code = Code d'identification
help-petition-id-code = Chaque soutien saisit une fois un des codes importés pour cette étape ; un code ne sert qu'à une personne.
label-petition-req_phone = Numéro de téléphone
help-petition-phone = Chaque soutien donne un numéro de téléphone valide (son format seulement : aucun SMS n'est envoyé).
petition-needs = Pour soutenir les pétitions de cette étape :
petition-needs-first = Pour soutenir les pétitions de cette étape, indiquez une seule fois :
help-id-code-petition = Le code reçu par courrier, par exemple « AB12-CD34 ». Il vaut pour toutes les pétitions de cette étape.
support-refused-identity = Cette pétition demande une identité vérifiée : confirmez-la d'abord avec un fournisseur d'identité reconnu.

## Single sign-on: a provider's logo on its button
sso-logo = Logo du bouton
sso-logo-intro = Affiché devant le libellé du bouton de connexion (le bouton FranceConnect garde son apparence officielle).
help-sso-logo = PNG, JPEG, GIF ou WebP ; réduit à 96 pixels de côté au plus. Le libellé reste lu par les lecteurs d'écran : le logo est décoratif.
sso-logo-remove = Retirer le logo
sso-delete-help = Les comptes créés par ce fournisseur restent, avec leur adresse e-mail ; ils ne pourront plus s'y connecter. Pour le retirer seulement de la page de connexion, décochez « Proposé sur la page de connexion ».

## Group invitations are personal
invitation-other-address = Cette invitation a été envoyée à { $email }, et vous êtes connecté·e avec une autre adresse. Déconnectez-vous puis connectez-vous (ou créez votre compte) avec l’adresse qui l’a reçue ; sinon, demandez à l’équipe de vous ajouter au groupe.
label-sso-saml-metadata-file = Ou le fichier de métadonnées (SAML)
help-sso-saml-metadata-file = Le fichier XML fourni par l'annuaire ; il remplace le texte collé ci-dessus.
error-sso-saml-metadata-file = Ce fichier n'est pas du texte : envoyez le fichier XML des métadonnées.
