# Participe — catalogue français (langue par défaut).
# Chaque identifiant doit exister aussi dans en.ftl (un test le vérifie).

## Général
skip-to-content = Aller au contenu
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
step-dates-range = du { $start } au { $end }
step-dates-from = à partir du { $start }
step-dates-until = jusqu’au { $end }
step-dates-continuous = En continu
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
comments-count = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
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
