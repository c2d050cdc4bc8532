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
