# Participe — English catalogue.
# Every id must also exist in fr.ftl (a test checks it).

## General
skip-to-content = Skip to content
nav-main = Main navigation
nav-home = Home
nav-admin = Administration
nav-account = My account
nav-logout = Log out
nav-login = Log in
nav-signup = Sign up
lang-switch = Français
nav-terms = Terms of use
footer-powered = Powered by Participe, free software
back-home = Back to the home page
breadcrumb = Breadcrumb
save = Save
cancel = Cancel
add = Add
delete = Delete
rename = Rename
upload = Upload
yes = Yes
no = No
none-yet = Nothing yet.
required-mark = (required)
error-prefix = Error:{" "}
error-summary-title = There is a problem with the form
pager-label = Pagination
pager-prev = Previous page
pager-next = Next page
pager-position = Page { $page } of { $pages }
move-up = Move up
move-down = Move down
deleted-user = Deleted user

## Error pages
error-page-bad-request = Bad request
error-page-bad-request-text = The data sent could not be read. Reload the page and try again.
error-page-login = Log-in required
error-page-login-text = Log in to see this page.
error-page-forbidden = Access denied
error-page-forbidden-text = Your account does not give access to this page.
error-page-csrf = Form expired
error-page-csrf-text = This form is no longer valid (security token missing or wrong). Reload the page and send it again.
error-page-not-found = Page not found
error-page-not-found-text = This page does not exist or is no longer available.
error-page-too-many = Too many attempts
error-page-too-many-text = You made too many attempts in a short time. Wait a few minutes before trying again.
error-page-internal = Server error
error-page-internal-text = Something unexpected happened. Nothing was lost; try again in a moment.

## Home
home-title = Home
home-heading = Take part with { $org }
home-intro = Propose, discuss, vote: discover the participatory projects open now and coming up.
home-open = Open projects
home-open-empty = No project is open right now.
home-upcoming = Upcoming projects
home-upcoming-empty = No project has been announced yet.
home-past = Past projects
home-past-empty = No past project.

## Projects and steps
project-themes = Themes
project-districts = Districts
project-timeline = Project steps
project-no-steps = This project has no step yet.
project-about = About the project
visibility-draft = Draft
visibility-public = Public
visibility-restricted = Signed-in people only
step-state-upcoming = Upcoming
step-state-open = Open
step-state-closed = Closed
step-dates-range = from { $start } to { $end }
step-dates-from = from { $start }
step-dates-until = until { $end }
step-dates-continuous = Continuous
step-unpublished = Unpublished
step-type-presentation = Presentation
step-type-collect = Proposals
step-type-analysis = Analysis
step-type-vote = Vote
step-type-results = Results
step-type-follow_up = Follow-up
step-type-consultation = Consultation
step-type-questionnaire = Questionnaire
step-type-debate = Debate
step-type-other = Other
step-feature-coming = Online participation in this step will open on this page soon.
terms-title = Terms of use
terms-empty = The terms of use have not been published yet.

## Sign-up and log-in
signup-title = Sign up
label-display-name = Display name
help-display-name = The public name that signs your contributions.
label-email = Email address
label-password = Password
help-password = At least 10 characters. A phrase of several words is easy to remember and hard to guess.
label-terms = I accept the terms of use of { $org }
signup-read-terms = Read the terms of use
signup-submit = Create my account
signup-have-account = Already have an account?
signup-done-title = Check your mailbox
signup-done-text = A confirmation email was sent to { $email }. Open the link it contains to confirm your address, then log in.
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = No account yet?
forgot-title = Forgotten password
forgot-intro = Enter your email address: if an account uses it, you will receive a link to choose a new password.
forgot-submit = Send me a link
forgot-done-title = Check your mailbox
forgot-done-text = If an account uses { $email }, a reset link has just been sent to it. It is valid for one hour.
reset-title = Choose a new password
label-new-password = New password
reset-submit = Save the password
reset-invalid-title = Link expired or already used
reset-invalid-text = This reset link is no longer valid. Ask for a new one from the "Forgot your password?" page.
confirm-invalid-title = Link expired or already used
confirm-invalid-text = This confirmation link is no longer valid. Log in and ask for a new link from your account.

## Account
account-title = My account
account-unconfirmed = Your address { $email } is not confirmed yet.
account-resend = Send the confirmation email again
account-profile = Profile
label-locale = Language
account-password = Password
label-current-password = Current password
account-change-password = Change password
account-sessions = Sessions
account-session-count = { $count ->
    [one] You are logged in on { $count } device.
   *[other] You are logged in on { $count } devices.
}
account-revoke-sessions = Log out of every device
account-delete = Delete my account
account-delete-link = Delete my account and my personal data
delete-title = Delete my account
delete-intro = Your name, email address and password will be erased for good. Your public contributions stay visible, signed "Deleted user".
delete-password-help = Enter your password to confirm.
delete-submit = Delete my account for good

## Notices after an action
flash-email-confirmed = Your email address is confirmed.
flash-confirmation-sent = A new confirmation email has been sent to you.
flash-logged-in = You are logged in.
flash-logged-out = You are logged out.
flash-password-reset = Your password was changed. Log in with the new one.
flash-profile-saved = Your profile is saved.
flash-password-changed = Your password was changed; your other sessions were closed.
flash-sessions-revoked = All your sessions were closed.
flash-account-deleted = Your account was deleted.
flash-project-created = The project is created. Now add its steps.
flash-saved = Changes saved.
flash-project-deleted = The project was deleted.
flash-step-created = The step is added.
flash-step-deleted = The step was deleted.
flash-deleted = Item deleted.
flash-cannot-demote-self = You cannot remove your own administrator role.

## Input errors
error-required = This field is required.
error-email-invalid = Enter a valid email address, like name@example.org.
error-email-taken = An account already uses this email address. Log in, or use "Forgot your password?".
error-title-too-long = The title must be 200 characters or fewer.
error-name-too-long = The name must be 80 characters or fewer.
error-text-too-long = This text is too long.
error-text-control = This text contains invisible characters that are not allowed.
error-password-too-short = The password must have at least 10 characters.
error-password-too-long = The password must have 256 characters or fewer.
error-password-wrong = The password is wrong.
error-slug-invalid = The address may only contain lower-case letters without accents, digits and single dashes.
error-slug-taken = Another project already uses this address.
error-colour-invalid = Enter a colour in hexadecimal form, like #1d4ed8.
error-colour-contrast = This colour is too light: white text on it would not be readable enough (contrast below 4.5:1, level AA).
error-date-invalid = Enter a valid date and time (DD/MM/YYYY HH:MM).
error-end-before-start = The end date must be after the start date.
error-step-type-unknown = Choose a step type from the list.
error-visibility-unknown = Choose a visibility from the list.
error-role-unknown = Choose a role from the list.
error-terms-required = You must accept the terms of use to create an account.
error-login-failed = Wrong email address or password.
error-locale-unknown = Choose a language from the list.
error-term-unknown = One of the chosen items no longer exists; reload the page.
error-name-taken = This name already exists.
error-upload-too-large = The file is too large (5 MB at most).
error-upload-not-image = The file is not a valid PNG, JPEG, GIF or WebP image.

## Administration
admin-nav = Administration menu
admin-dashboard = Dashboard
admin-projects = Projects
admin-districts = Districts
admin-themes = Themes
admin-settings = Platform identity
admin-users = Accounts
admin-emails = Sent emails
admin-stat-projects = { $count ->
    [one] project
   *[other] projects
}
admin-stat-users = { $count ->
    [one] account
   *[other] accounts
}
admin-stat-emails = { $count ->
    [one] email in the outbox
   *[other] emails in the outbox
}
admin-project-new = New project
admin-project-create = Create the project
admin-projects-empty = No project yet. Create the first one!
admin-updated = Updated
label-title = Title
label-visibility = Visibility
label-slug = Address (slug)
help-slug = The end of the project page's address. Leave empty to derive it from the title.
label-summary = Summary
help-summary = One or two sentences shown in lists (500 characters at most).
label-description = Description
help-markdown = Markdown formatting: **bold**, *italic*, lists with "- ", links [text](https://…).
help-visibility = A draft is visible to staff only; a restricted project is visible to signed-in people only.
admin-project-view = See the public page
admin-steps = Steps
admin-step-new = Add a step
admin-project-edit = Edit the project
admin-cover = Cover image
admin-cover-current = Current cover image
label-image = Image
help-image = PNG, JPEG, GIF or WebP, 5 MB at most.
admin-project-delete = Delete the project
admin-step-edit = Edit the step
label-step-type = Step type
label-body = Text of the step
label-starts-at = Start
label-ends-at = End
help-dates = Paris time. Leave both dates empty for a continuous step.
label-published = Publish the step
admin-step-create = Add the step
admin-step-delete = Delete the step
label-name = Name
label-org-name = Organisation name
label-primary-colour = Primary colour
label-secondary-colour = Secondary colour
help-colour = Format #rrggbb. White text on this colour must stay readable (AA contrast).
label-terms-text = Terms of use
admin-logo = Logo
admin-logo-current = Current logo
admin-emails-smtp = Emails are sent through the configured SMTP server.
admin-emails-no-smtp = No SMTP server is configured: emails stay here, readable by administrators, and their text is written to the server log.
email-date = Date
email-to = To
email-subject = Subject
email-status = Status
email-sent = Sent
email-failed = Sending failed
email-queued = Queued
email-links = Links in the email
admin-emails-empty = No email yet.
admin-confirmed = Address confirmed
label-role = Role
role-administrator = Administrator
role-project_manager = Project manager
role-moderator = Moderator
role-analyst = Analyst
role-participant = Participant

## Emails
email-confirm-subject = Confirm your email address on { $org }
email-confirm-body =
    Hello,

    To confirm your email address on { $org }, open this link (valid for { $hours } hours):

    { $link }

    If you did not create an account, ignore this message.
email-reset-subject = Reset your password on { $org }
email-reset-body =
    Hello,

    To choose a new password on { $org }, open this link (valid for { $minutes } minutes):

    { $link }

    If you did not ask for anything, ignore this message: your password stays unchanged.
