# Participe — English catalogue.
# Every id must also exist in fr.ftl (a test checks it).

## General
skip-to-content = Skip to content
nav-menu = Menu
nav-account-menu = Account and language
nav-footer = Footer links
nav-moderation-log = Moderation log
nav-api = Public API
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
hero-cta-vote = Vote: { $project }
hero-cta-propose = Propose an idea: { $project }
hero-cta-participate = Take part: { $project }
hero-cta-results = See the results: { $project }
hero-cta-follow_up = Follow the works: { $project }
hero-cta-discover = Discover: { $project }
hero-see-projects = See the projects
hero-figures-label = Participation in figures
hero-open-projects = { $count ->
    [one] open project
   *[other] open projects
}
cta-vote = Vote
cta-propose = Propose an idea
cta-participate = Take part
cta-results = See the results
cta-follow_up = Follow the works
cta-discover = Discover the project
counters-label = Participation
counter-participants = { $count ->
    [one] participant
   *[other] participants
}
counter-contributions = { $count ->
    [one] contribution
   *[other] contributions
}
counter-votes = { $count ->
    [one] vote
   *[other] votes
}
project-featured-open = Current step
project-featured-upcoming = Next step
project-featured-closed = Last step
step-see = See the step
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
step-dates-continuous = Continuous
dates-range = from { $start } to { $end }
dates-on = on { $start }
dates-from = from { $start }
dates-until = until { $end }
dates-at-time = { $date } at { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
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
dashboard-todo = To do
dashboard-awaiting-analysis = { $count ->
    [one] proposal awaits its analysis
   *[other] proposals await their analysis
}
dashboard-open-reports = { $count ->
    [one] open report
   *[other] open reports
}
dashboard-open-steps = Open steps
dashboard-step = Step
dashboard-project = Project
dashboard-dates = Dates
dashboard-actions = Actions
dashboard-preview = See the public page
dashboard-edit = Edit
dashboard-no-open-step = No step is open right now.
dashboard-figures = Participation
dashboard-proposals = { $count ->
    [one] published proposal
   *[other] published proposals
}
dashboard-ballots = { $count ->
    [one] ballot
   *[other] ballots
}
dashboard-activity = Recent activity
dashboard-activity-proposal = New proposal:
dashboard-activity-comment = New comment on
dashboard-no-activity = No activity yet.
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
label-image-alt = Image description
help-image-alt = Required with an image: describe what it shows for people who cannot see it.
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
email-inactive-subject = Your account on { $org } is going to be anonymised
email-inactive-body =
    Hello,

    You have not logged in to { $org } for a long time. So as not to keep your personal data longer than needed, your account will be anonymised on { $date }: your name and email address will be erased; your contributions will stay, without your name.

    To keep your account, just log in before that date: { $link }

email-reset-subject = Reset your password on { $org }
email-reset-body =
    Hello,

    To choose a new password on { $org }, open this link (valid for { $minutes } minutes):

    { $link }

    If you did not ask for anything, ignore this message: your password stays unchanged.

## Project templates
label-project-template = Set of steps
help-project-template = Creates the usual steps at once, unpublished and without dates: you can edit, reorder or delete them.
project-template-none = None: I will add the steps myself
project-template-participatory_budget = Participatory budget
project-template-idea_box = Idea box
project-template-call_for_projects = Call for projects
project-template-petition = Petition
error-template-unknown = Choose a template from the list.
template-step-presentation = Presentation
template-step-collect-projects = Submission of projects
template-step-collect-ideas = Submission of ideas
template-step-collect-applications = Applications
template-step-collect-petitions = Submission of petitions
template-step-analysis = Review by the city’s services
template-step-selection = Selection of projects
template-step-vote = Vote
template-step-results = Results
template-step-winners = Winners
template-step-city-response = The city’s response
template-step-follow-up = Follow-up of the projects

## Proposals (deposit, pages, lists)
choose = — Choose —
select = Select
amount-euros = €{ $amount }
proposals-title = Proposals
proposals-filters = Filter proposals
proposals-count = { $count ->
    [0] No proposal matches.
    [one] { $count } proposal
   *[other] { $count } proposals
}
proposals-empty = No proposal yet.
filter-search-submit = Search
filter-remove = (remove this filter)
filters-active = Filters in force
filters-clear = Clear the filters
pager-page = Page
filter-text = Search
filter-all = All
filter-sort = Sort by
filter-view = View
filter-apply = Apply
view-list = List
view-grid = Grid
sort-random = Random order
sort-newest = Newest
sort-comments = Most commented
sort-cost_asc = Cost, lowest first
sort-cost_desc = Cost, highest first
comments-count-word = { $count ->
    [one] comment
   *[other] comments
}
share = Share
share-link = Link to the proposal
share-email = Send by email
comments-count = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
proposal-section-idea = Your idea
proposal-section-details = Where, for whom, how much
proposal-section-files = Image and documents
proposal-section-questions = More questions
proposal-draft-hint = Not ready yet? Save a draft: only you can see it, and you can finish it later from your account.
proposal-new-title = Submit a proposal
proposal-edit-title = Edit the proposal
proposal-form-intro = Describe your idea simply. You can save a draft and finish it later.
proposal-submit = Submit the proposal
proposal-save-draft = Save the draft
proposal-current-image = Current illustration
proposal-hidden-title = Hidden proposal
proposal-by = Proposed by { $author }
proposal-state-draft = Draft
proposal-state-published = Published
proposal-state-withdrawn = Withdrawn by its author
proposal-merged-into = This proposal was merged into:
proposal-answers = Details from the author
proposal-official-answer = Official answer
proposal-actions = Actions
proposal-edit = Edit my proposal
proposal-continue-draft = Continue my draft
proposal-withdraw = Withdraw my proposal
proposal-follow = Follow this proposal
proposal-unfollow = Stop following
proposal-contact = Contact the author
proposal-followers = { $count ->
    [0] Nobody follows this proposal yet.
    [one] { $count } person follows this proposal.
   *[other] { $count } people follow this proposal.
}
proposal-staff-page = Analysis of the proposal (staff)
label-cost = Estimated cost (euros)
label-district = District
label-theme = Theme
label-category = Category
label-status = Status
label-location = Location
label-address = Address
label-latitude = Latitude
label-longitude = Longitude
label-attachments = Attachments
label-birth-date = Date of birth
label-reference = Reference
label-author = Author
help-proposal-summary = One or two sentences that sum up your idea (500 characters at most).
help-cost = A rough amount is enough.
help-cost-max = A rough amount is enough; €{ $max } at most.
help-coordinates = Optional, in decimal degrees (for instance 48.1113).
help-attachments = PDF documents, 3 at most, 10 MB each.
help-birth-date = Proposals are open from the age of { $age }. Your date of birth stays private.
choice-other = Other
choice-other-text = Please specify
help-choices-bounds = Choose between { $min } and { $max } answers.
deposit-refused-title = You cannot submit a proposal
deposit-refused-closed = Proposals are not open at the moment.
deposit-refused-unconfirmed = Confirm your email address first (a link was sent to you; you can ask for a new one from your account).
deposit-refused-birth-date = Give your date of birth to submit a proposal.
deposit-refused-age = Proposals are reserved to people of the minimum age set by the rules.
deposit-refused-limit = You have reached the maximum number of proposals for this step.

## Comments, reports, contact
comments-title = { $count ->
    [0] Comments
    [one] { $count } comment
   *[other] { $count } comments
}
comments-empty = No comment yet.
comments-login = Log in to comment.
comment-send = Post the comment
comment-reply = Reply
comment-edit = Edit
comment-delete = Delete my comment
comment-deleted = Comment deleted by its author.
label-comment = Your comment
label-reply = Your reply
help-comment = Stay courteous: comments are public and moderated.
report-proposal = Report this proposal
report-comment = Report
report-send = Send the report
label-report-reason = Reason
label-report-details = Details
report-reason-spam = Spam or advertising
report-reason-offensive = Abusive or hateful
report-reason-off_topic = Off topic
report-reason-personal_data = Personal data
report-reason-other = Another reason
contact-title = Contact the author
contact-intro = Your message will be emailed to { $author }. Neither your address nor theirs is shared: if you want an answer, say how to reach you.
label-message = Your message
help-contact = 10 to 5,000 characters.
honeypot-label = Do not fill in this field
contact-pow-working = Anti-robot check in progress…
contact-pow-done = Check done: you can send your message.
contact-needs-js = This form needs JavaScript for its anti-robot check.
contact-send = Send the message

## Moderation
moderation-hidden-notice = Hidden by moderation: { $reason }
moderation-act = Moderate
moderation-hide = Hide
moderation-restore = Restore
moderation-dismiss = Dismiss the report
moderation-already-hidden = Already hidden
moderation-restored-default = Restored after review.
label-hide-reason = Public reason for hiding
help-hide-reason = It is shown in place of the content and in the public log.
label-restore-note = Public note (optional)
moderation-log-title = Moderation log
moderation-log-intro = Every content hidden or restored is listed here with its date and reason, so anyone can check that nothing is censored silently.
moderation-log-empty = No moderation action yet.
moderation-content = Content
moderation-action = Action
moderation-reason = Reason
moderation-kind-proposal = Proposal
moderation-kind-comment = Comment
moderation-action-hidden = Hidden
moderation-action-restored = Restored
moderation-queue-empty = No report waiting.

## Account: notifications and proposals
account-proposals = My proposals
account-no-proposals = You have not submitted any proposal yet.
account-notifications = Email notifications
account-notify-legend = Email me when a proposal I wrote or follow…
label-notify-status = changes status
label-notify-answer = gets an official answer
label-notify-comment = gets a comment
unsubscribe-title = Unsubscribe
unsubscribe-intro = Stop receiving every email notification from the platform?
unsubscribe-confirm = Unsubscribe me
unsubscribe-done = Done: you will receive no more notifications. You can turn them back on in your account.
unsubscribe-unknown = This unsubscribe link is not valid.

## Proposal administration
admin-step-proposals = Proposals of the step
admin-analysis = My analyses
admin-reasons = Reasons for refusal
admin-moderation = Moderation
collect-title = Proposal collection settings
collect-configure = Configure proposals
collect-proposals-link = See and analyse the proposals
collect-rules = Rules and fields
collect-fields = Fields of the proposal form
collect-field = Field
collect-mode = Use
collect-help = Help text
collect-questions = Custom questions
collect-no-questions = No custom question.
collect-add-question = Add a question
collect-categories = Categories
collect-statuses = Proposal statuses
label-reference-prefix = Reference prefix
help-reference-prefix = For instance BP-2026: proposals will be numbered BP-2026-0001, BP-2026-0002…
label-max-cost = Maximum cost per proposal (euros)
label-min-age = Minimum age to submit
label-max-per-person = Proposals per person
help-max-per-person = 0 for no limit.
help-optional-number = Leave empty for no limit.
field-summary = Summary
field-description = Description
field-cost = Estimated cost
field-district = District
field-theme = Theme
field-category = Category
field-address = Address and position
field-image = Illustration
field-attachments = PDF attachments
mode-off = Off
mode-optional = Optional
mode-required = Required
label-question-kind = Question type
label-question = Question
label-help-text = Help text
label-required = Answer required
label-min = Minimum
label-max = Maximum
help-min-max = For a number: allowed values; for multiple choices: number of choices.
label-choices = Choices
help-choices = One choice per line (at least two).
label-allow-other = Allow an "Other" answer
label-colour = Colour
question-kind-short_text = Short text
question-kind-long_text = Long text
question-kind-number = Number
question-kind-single_choice = Single choice
question-kind-multiple_choice = Multiple choice
question-kind-yes_no = Yes / no
question-kind-section = Section heading
analysis-title = Analysis by the services
analysis-private = Visible to staff only.
analysis-assign = Assign
analysis-nobody = Nobody
analysis-bulk-assign = Assign in bulk
analysis-queue-empty = No proposal is assigned to you.
label-analyst = Analyst
label-scope = Proposals concerned
scope-selected = The ticked proposals
scope-district = All those of the chosen district
scope-theme = All those of the chosen theme
label-admissibility = Admissibility
admissibility-pending = To analyse
admissibility-admissible = Admissible
admissibility-not_admissible = Not admissible
label-reason = Reason
help-reason = Required (reason or text) for a proposal that is not admissible.
label-reason-text = Explanation
label-feasibility = Feasibility
label-cost-estimate = Cost estimated by the services (euros)
label-delay-months = Realisation delay (months)
decision-title = Decision
label-outcome = Outcome
outcome-admissible = Put to the vote
outcome-not_admissible = Not retained
outcome-merged = Merged
label-merged-into = Merged into
help-merged-into = For a merge: comments and followers move to that proposal.
status-none = No status
help-status-notify = The author and followers are told by email.
label-answer = Text of the answer
label-publish-at = Publish on
help-publish-at = Leave empty to publish now (Paris time).
answer-publish = Save the answer
answer-published = Published on { $date }.
answer-scheduled = To be published on { $date }.
reasons-intro = These reasons are offered to analysts when a proposal is not admissible.
export-csv = Export as CSV
export-semicolon = semicolon separator
export-comma = comma separator
export-tab = tab separator

## Notices after an action (proposals)
flash-proposal-submitted = Your proposal is submitted. Thank you!
flash-draft-saved = Your draft is saved.
flash-proposal-withdrawn = Your proposal was withdrawn.
flash-comment-posted = Your comment is posted.
flash-comment-deleted = Your comment was deleted.
flash-followed = You follow this proposal.
flash-unfollowed = You no longer follow this proposal.
flash-reported = Thank you, your report was sent to moderation.
flash-message-sent = Your message was sent.
flash-hidden = The content is hidden.
flash-restored = The content is restored.
flash-assigned = The proposals were assigned.

## Input errors (proposals)
error-choice-unknown = Choose a value from the list.
error-number-invalid = Enter a whole number, without letters.
error-number-too-small = This value is too small.
error-number-too-large = This value is too large.
error-answer-invalid = This answer is not one of the choices offered.
error-other-empty = Please specify your "Other" answer.
error-too-few-choices = Tick more answers.
error-too-many-choices = You ticked too many answers.
error-question-kind-unknown = Choose a question type from the list.
error-max-below-min = The maximum must be greater than or equal to the minimum.
error-choice-invalid = One of the choices is too long or invalid.
error-choices-needed = Give at least two choices, one per line.
error-field-mode-unknown = Choose a use from the list.
error-birth-date-invalid = Enter a date of birth in the past.
error-cost-negative = The cost cannot be negative.
error-cost-too-high = The cost exceeds the maximum set by the rules.
error-coordinate-invalid = Enter a coordinate in decimal degrees.
error-coordinate-pair = Give both latitude and longitude, or neither.
error-prefix-invalid = The prefix may only contain capital letters, digits and dashes (20 characters at most).
error-reason-needed = Give the reason why it is not admissible.
error-merge-target = Choose the published proposal of the same step to merge into.
error-message-too-short = Your message is too short (10 characters at least).
error-pow-failed = The anti-robot check failed or expired. Wait for the check to finish, then send again.
error-too-many-files = Three attachments at most.
error-upload-not-pdf = The file is not a PDF document.

## Emails (proposals)
email-status-subject = { $title }: new status
email-status-body =
    Hello,

    The proposal "{ $title }" has a new status: { $status }.

    { $link }

    To stop receiving these messages: { $unsubscribe }
email-answer-subject = { $title }: official answer
email-answer-body =
    Hello,

    { $org } published an official answer to the proposal "{ $title }".

    { $link }

    To stop receiving these messages: { $unsubscribe }
email-comment-subject = { $title }: new comment
email-comment-body =
    Hello,

    A new comment was posted on the proposal "{ $title }".

    { $link }

    To stop receiving these messages: { $unsubscribe }
email-contact-subject = Message about "{ $title }"
email-contact-body =
    Hello,

    { $sender } writes to you, through { $org }, about your proposal "{ $title }":

    { $message }

    Your address was not shared. { $link }

## Realisation follow-up
realisation-title = Realisation follow-up
realisation-status-under_study = Under study
realisation-status-in_progress = In progress
realisation-status-delivered = Delivered
realisation-status-abandoned = Abandoned
realisation-updated = Updated on { $date }
realisation-progress-label = Progress
realisation-progress-value = { $percent }%
realisation-milestones = Milestones
realisation-news = News
realisation-all-winners = See the progress of every winning project
realisation-staff-link = Manage the realisation follow-up
realisation-admin-intro = Status, progress, dated milestones and news of the realisation, published on the proposal's page.
realisation-admin-title = Realisation follow-up
realisation-admin-none = This proposal has no follow-up yet. Save a status to start one: it will be public.
realisation-status-and-progress = Status and progress
realisation-start = Start the follow-up
realisation-no-milestones = No milestones yet.
realisation-no-news = No news yet.
label-realisation-status = Realisation status
help-realisation-status = Whenever the status changes, the author and the people following the proposal are told by email.
label-progress = Progress (in %)
help-progress = A whole number from 0 to 100. A delivered project is at 100%.
milestone-done = Done
milestone-todo = Upcoming
milestone-mark-done = Mark "{ $title }" as done
milestone-mark-todo = Mark "{ $title }" as upcoming
milestone-edit = Edit "{ $title }"
milestone-delete = Delete "{ $title }"
milestone-add = Add a milestone
label-milestone-title = Milestone
label-milestone-due = Planned date
label-milestone-done = Milestone completed
help-day = Format DD/MM/YYYY.
news-add = Publish news
news-publish = Publish and notify followers
news-delete = Delete the news "{ $title }"
label-news-title = News title
label-news-body = Text
label-news-photo = Photo (optional)
label-news-alt = Photo description
help-news-alt = Required with a photo: describe what it shows for people who cannot see it.
help-news-notify = The author and the people following the proposal will receive an email.
flash-news-published = News published.
winners-title = Winning projects and their realisation
winners-empty = No winning project has a realisation follow-up yet.
winners-intro = { $count ->
    [one] One winning project, with the progress of its realisation.
   *[other] { $count } winning projects, with the progress of their realisation.
}
winners-by-status = Projects by status
winners-table-caption = Winning projects: { $status }
winners-col-proposal = Project
winners-col-cost = Cost
winners-latest-news = Latest news
winners-no-district = All districts
winners-progress-of = Progress of "{ $title }"
winners-project-intro = Follow the realisation of the winning projects.
winners-link = See the winning projects and their progress
error-progress-range = Enter a progress between 0 and 100.
error-delivered-progress = A delivered project is at 100%.
error-day-invalid = Enter a valid date (DD/MM/YYYY).
error-alt-needed = Describe the image in a few words.
email-realisation-subject = { $title }: { $status }
email-realisation-body =
    Hello,

    The realisation of the proposal "{ $title }" has a new status: { $status } (progress: { $progress }%).

    { $link }

    To stop receiving these messages: { $unsubscribe }
email-news-subject = { $title }: { $news }
email-news-body =
    Hello,

    { $org } published news about the realisation of the proposal "{ $title }": "{ $news }".

    { $link }

    To stop receiving these messages: { $unsubscribe }

## Votes
actions = Actions
none-option = — None —
remove = Remove
ballot-not-on-ballot = A chosen proposal is not on this ballot.
ballot-duplicate = A proposal is chosen twice.
ballot-too-few = Choose more proposals.
ballot-too-many = You chose too many proposals.
ballot-over-budget = Your choices cost more than the envelope.
ballot-under-minimum = Your choices do not reach the minimum amount to spend.
ballot-rank-duplicate = Two proposals have the same rank: each rank can be used once.
ballot-rank-invalid = This rank is not valid.
error-accept-rules = Accept the rules to vote.
error-min-above-max = The minimum is above the maximum.
error-no-such-account = No account has this email address.
error-per-district-budget-only = Envelopes per district only apply to a budget vote.
error-postal-code-invalid = Invalid postal code (letters, digits and spaces, 2 to 10 characters).
error-rule-unknown = Unknown counting rule.
error-rules-text-needed = Enter the rules voters must accept.
error-too-many = Too many items.
help-birth-date-vote = This vote has a minimum age. Your date of birth stays private.
help-counts-public = Otherwise the ballot is secret: counts stay hidden until the results are published.
help-envelope = In euros: the budget the winning projects share (and, in a budget vote, what each ballot may spend).
help-max-choices = Maximum number of proposals (required for a ranking).
help-per-district = Voters first choose a district, then vote with that district's envelope.
help-req-postal = One code per line; leave empty for no restriction.
help-rules-text = Shown before voting; plain text or Markdown.
help-territorial-k = For the territorial balance rule: number of projects first selected in each district.
help-voter-district = Optional, for participation statistics; your answer stays anonymous.
label-accept-rules = I have read and accept the rules of the vote
label-counting-rule = Counting rule
label-counts-public = Show counts during the vote
label-envelope = Envelope (€)
label-jury-size = Number of people to draw
label-jury-stratified = Spread the draw across districts
label-max-choices = Maximum number of choices
label-min-choices = Minimum number of choices
label-min-spend = Minimum share of the envelope to spend (%)
label-per-district = One envelope per district
label-postal-code = Postal code of residence
label-req-age = Minimum age
label-req-email = Confirmed email address
label-req-postal = Allowed postal codes
label-req-rules = Acceptance of the rules
label-rules-text = Rules of the vote
label-source-step = Source collect step
label-tally-voters = Number of paper voters
label-territorial-k = Projects per district (K)
label-vote-mode = Vote mode
label-vote-source = Proposals on the ballot
label-voter-district = Your district
jury-title = Citizen jury drawn by lot
jury-admin-help = Draws among online voters whose ballot counts. The seed is published with the pseudonyms so anyone can re-run the draw.
jury-draw = Draw
jury-drawn = Draw of { $date }: { $size } people
jury-drawn-flash = The jury has been drawn.
jury-how = To re-run the draw: for each online voter pseudonym in the .pb file, compute the SHA-256 (hex) of "seed:pseudonym"; the pseudonyms with the smallest digests are drawn (per district, in proportion, for a spread draw). The script scripts/jury_draw.py in the source code does it.
jury-plain = plain draw
jury-seed = Seed:
jury-stratified = spread across districts
jury-too-few-voters = There are not enough voters for this number.
live-title = Live counter
live-label = people have voted
live-refresh = Refresh
paper-title = Paper ballots
paper-intro = Enter paper ballots one by one: they are checked with the same rules as online ballots and tagged "paper", with your name and the time.
paper-count = { $count } paper ballots counted.
paper-after-results = The results are published: no more paper ballots can be entered.
paper-enter = Enter a ballot
paper-submit = Save this ballot
paper-saved = Paper ballot saved.
paper-saved-incomplete = Ballot saved, but it does not count: it is below the minimum.
paper-deleted = Ballot deleted.
paper-delete = Delete
paper-none = No paper ballots yet.
paper-recent = Latest ballots entered
paper-recent-caption = The 50 latest paper ballots
paper-entered-by = Entered by
paper-entered-at = Entered on
paper-counted = Counted
paper-tallies = Paper tallies per proposal
paper-tallies-intro = For a simple vote counted by hand: the votes of each proposal. They replace earlier tallies.
paper-tallies-save = Save the tallies
paper-tallies-not-allowed = Tallies per proposal only apply to a simple vote counted by the greedy or territorial balance rule.
paper-tally-above-voters = More votes than paper voters.
receipt-title = Vote receipt
receipt-code = Ballot code
receipt-district = Envelope: { $district }
receipt-recorded = Recorded on { $date }
receipt-changed = changed on { $date }
receipt-counted = This ballot counts in the results.
receipt-not-counted = This ballot is saved but does not count yet: complete it before the vote closes.
receipt-print = Print this page (Ctrl+P) or write down the code to keep a record of your vote.
receipt-change = Change my vote
receipt-none = You have not voted in this step.
receipt-go-vote = Go to the vote
results-title = Results
results-not-published = The results are not published yet.
results-preview = Preview computed now: these results are not published.
results-published = The results are published.
results-already-published = The results are already published.
results-not-closed = The vote is not closed: results are published after it closes.
results-tallies-need-greedy = Paper tallies per proposal cannot be used by a proportional rule: enter ballots one by one or choose a greedy rule.
results-winners = Winning projects
results-no-winner = No winning project.
results-budget-used = Budget used: { $used } € of { $budget } €.
results-votes = Votes per proposal
results-chart-title = Votes per proposal, online and on paper
results-chart-desc = Bar chart: for each proposal, online votes then paper votes; the table below gives the same figures.
results-online = Online
results-paper = Paper
results-total = Total
results-selected = Winner
results-table-votes = Votes per proposal
results-table-points = Points per proposal (ranking: rank 1 = N points)
results-col-rank = Rank
results-col-proposal = Proposal
results-col-chosen = Proposals chosen
results-col-ballots = Ballots
results-col-share = Share
results-col-age = Age band
results-no-votes = No votes yet.
results-participation = Participation
results-voters-total = { $count } voters in all
results-voters-online = { $count } online voters
results-voters-paper = { $count } paper voters
results-by-size = Ballots by number of proposals chosen
results-single-share = { $share } % of voters chose a single proposal.
results-by-district = Ballots by district
results-by-age = Ballots by age band
results-unknown = Not given
results-rule = How the winners are chosen
results-ties = Ties go to the proposal whose identifier comes first in alphabetical order ("10" before "9"), as in the reference tool pabutools. If money is left once every supported proposal has been considered, a proposal without votes that fits is also selected, as the reference tool does.
results-download-pb = Download every ballot in the pabulib format (.pb)
results-recount = Anyone can recount: voters are replaced by random pseudonyms, and any pabulib tool (pabutools, equalshares.net, or the command below) gives the same result.
rule-name-greedy = Most votes first (greedy)
rule-name-territorial = Territorial balance
rule-name-greedy-ratio = Most votes per euro first
rule-name-mes = Method of Equal Shares
rule-name-mes-add1 = Method of Equal Shares, completed (+1)
rule-name-mes-add1-greedy = Method of Equal Shares, completed (+1) then greedy
rule-name-mes-greedy = Method of Equal Shares then greedy
rule-name-phragmen = Sequential Phragmén
rule-explain-greedy = Proposals are taken from the most voted to the least; each is selected if its cost fits in what is left of the budget, otherwise it is passed over and the next one is considered.
rule-explain-territorial = In each district, the { $k } most voted proposals are selected first (if they fit the district's envelope and the budget); then all others, from most to least voted, while they fit the remaining budget.
rule-explain-greedy-ratio = Proposals are taken in order of votes per euro; each is selected if it fits the remaining budget.
rule-explain-mes = Method of Equal Shares: the budget is shared equally among voters; a proposal is selected when its supporters can pay for it together, choosing at each round the one that costs each of them least. Groups of voters get a share in proportion to their size.
rule-explain-mes-add1 = Method of Equal Shares, then each voter's share is raised by one euro while the outcome stays within budget, to spend more of it.
rule-explain-mes-add1-greedy = Method of Equal Shares completed (+1), then the rest of the budget goes to the most voted proposals that still fit.
rule-explain-mes-greedy = Method of Equal Shares, then the rest of the budget goes to the most voted proposals that still fit.
rule-explain-phragmen = Sequential Phragmén: every voter earns money at the same rate; a proposal is selected as soon as its supporters together can pay for it, which spreads the selected projects across groups of voters.
age-under-16 = Under 16
age-16-17 = 16 – 17
age-18-24 = 18 – 24
age-25-34 = 25 – 34
age-35-49 = 35 – 49
age-50-64 = 50 – 64
age-65-plus = 65 and over
age-unknown = Not given
vote-configure = Configure the vote
vote-admin-title = Vote configuration
vote-admin-ballot = Ballot
vote-admin-figures = { $online } online voters, { $paper } paper ballots, { $incomplete } incomplete ballots; { $candidates } proposals on the ballot.
vote-admin-settings = Rules of the vote
vote-admin-candidates = Proposals on the ballot
vote-admin-candidates-legend = Proposals put to the vote
vote-admin-envelopes = Envelopes per district
vote-admin-envelopes-help = Amount per district, in euros; empty for none. They serve votes per district and the territorial balance rule.
vote-admin-no-districts = No districts are defined.
vote-admin-mediators = Mediators
vote-admin-mediators-help = Mediators enter this step's paper ballots.
vote-admin-add-mediator = Add this mediator
vote-admin-publish = Publishing the results
vote-admin-publish-help = After the vote closes: counts the ballots with the chosen rule, freezes the results, publishes them and opens the follow-up of the winning projects.
vote-admin-publish-button = Count and publish the results
vote-admin-published = Results published on { $date }.
vote-settings-locked = The results are published: the rules of the vote can no longer change.
vote-mode-simple = Simple vote (approval)
vote-mode-budget = Budget vote (basket)
vote-mode-ranking = Ranking
vote-source-admissible = The admissible proposals of a collect step
vote-source-manual = A manual selection
vote-title = Vote — { $step }
vote-rules = Rules of the vote
vote-who = Who may vote
vote-req-identity = confirm one's identity with a recognised identity provider (FranceConnect);
vote-req-id-code = type the identification code received by post;
vote-req-email = have a confirmed email address;
vote-req-age = be at least { $age } years old;
vote-req-postal = live in one of these postal codes: { $codes };
vote-req-rules = accept the rules of the vote.
vote-results-link = See the results
vote-you-voted = Your vote is recorded ({ $date }).
vote-you-incomplete = Your ballot is saved but does not count yet: it is below the minimum.
vote-receipt-link = See my receipt
vote-upcoming = The vote is not open yet.
vote-closed = The vote is closed.
vote-login = Log in to vote
vote-missing-title = Before you vote
vote-missing-email = Confirm your email address (link sent when you signed up).
vote-missing-birth-date = Give your date of birth.
vote-missing-too-young = This vote is for older people.
vote-missing-postal-code = Give the postal code where you live.
vote-missing-postal-outside = This vote is for residents of other postal codes.
vote-missing-rules = Accept the rules of the vote.
vote-resend-confirmation = Send the confirmation link again
vote-continue = Continue
vote-choose-district = Choose your district
vote-envelope-of = (envelope of { $amount } €)
vote-help-ranking = Rank up to { $max } proposals: the first gets { $max } points, the next one less, and so on.
vote-help-budget = Choose proposals whose total does not exceed { $envelope } €.
vote-help-min-spend = Spend at least { $amount } €.
vote-help-simple = Choose the proposals you support.
vote-help-simple-max = Choose up to { $max } proposals.
vote-help-simple-min = Choose at least { $min } proposals.
vote-help-simple-between = Choose between { $min } and { $max } proposals.
vote-spent = Your current ballot: { $spent } € of { $envelope } €.
vote-no-candidates = No proposals are put to the vote.
vote-rank-none = Not ranked
vote-rank-n = Rank { $rank }
vote-count = { $count } votes
vote-see-proposal = See the proposal
vote-district-unsaid = I prefer not to say
vote-change = Change my vote
vote-submit = Vote
vote-recorded = Your vote is recorded.
vote-saved-too-few = Ballot saved, but it does not count yet: choose more proposals before the vote closes.
vote-saved-under-minimum = Ballot saved, but it does not count yet: spend at least the minimum before the vote closes.
vote-not-open = The vote is not open.
vote-requirements-first = First meet the conditions to vote.
results-recount-territorial = Anyone can recount: voters are replaced by random pseudonyms and each proposal carries its district (district column); the territorial balance rule described above applies to the file's votes.
results-recount-tallies = Paper votes counted by hand are not ballots: they are in the paper_tally column and add to the ballots' votes.

## Open data
nav-open-data = Open data
open-data-title = Open data
open-data-intro = Every public contribution to the participatory projects can be downloaded here, step by step, as CSV (UTF-8, comma-separated) and JSON: proposals, comments, ballots and results. Anyone may reuse them and recount the votes.
open-data-licence-title = Licence
open-data-licence-intro = These data are published under the licence
open-data-anonymised = They are anonymised: no names, email addresses or IP addresses. Each person is replaced by a pseudonym, the same within one file but different from one file to another. Proposals and comments hidden by moderation are left out; ballots are published only with the results (or during the vote if the step shows its counts).
open-data-files-title = Files by project and step
open-data-none = No public project has data to publish yet.
open-data-file = File
open-data-format = Format
open-data-rows = Rows
open-data-format-csv = CSV
open-data-format-json = JSON
open-data-format-pb = Pabulib (.pb), to recount
open-data-votes-later = Ballots will be published with the results.
open-data-dictionary-title = Data dictionary
open-data-dictionary-intro = Every column of the CSV files is also a key of the JSON objects. Dates are in UTC (RFC 3339); a missing value is empty in CSV and null in JSON.
open-data-dataset-proposals = Proposals
open-data-dataset-comments = Comments
open-data-dataset-votes = Ballots
open-data-dataset-results = Results
open-data-dataset-opinions = Texts, contributions and amendments
open-data-dataset-arguments = Arguments
open-data-dataset-sources = Sources
open-data-dataset-debates = Debates
open-data-dataset-answers = Questionnaire answers and votation ballots
open-data-column = Column
open-data-meaning = Meaning
open-data-pb = The votes.pb file follows the pabulib format: recount it with the command "participe pb count" or any pabulib tool; its voters carry the same pseudonyms as the ballots file.
open-data-licence-label = Open data licence
open-data-licence-help = The licence under which the files of the "Open data" page are published.
open-data-licence-text = text of the licence
error-licence-unknown = Choose a licence from the list.
account-data = My data
account-data-intro = Download a copy of all the data the platform keeps about you (account, proposals, comments, follows, reports, ballots, sessions), as a ZIP archive holding a JSON file.
account-data-link = Download my data (ZIP)
anonymise-title = Anonymise an account
anonymise-intro = This account's name, email address, password, date of birth and postal code will be erased, with its sessions and follows. Its contributions will stay, signed "Deleted user", and its ballots will stay counted. This cannot be undone.
anonymise-confirm = I confirm the permanent anonymisation of this account
anonymise-submit = Anonymise the account
anonymise-column = Anonymisation
anonymise-link = Anonymise
error-anonymise-confirm = Tick the box to confirm the anonymisation.
flash-user-anonymised = The account was anonymised.
flash-cannot-anonymise-self = You cannot anonymise your own account.

## API
tokens-title = API tokens
tokens-intro = The GraphQL API is public for reading. Tokens are for your services' integrations: "private read" also reads draft projects and unpublished steps, "write" also creates and edits projects and steps, statuses and official answers.
tokens-explorer = Explore the API
tokens-schema = Schema
tokens-created = Token created. Copy it now: it will never be shown again.
tokens-copy = Your token
tokens-new = New token
tokens-create = Create the token
tokens-list = Existing tokens
tokens-created-by = Created by
tokens-last-used = Last used
tokens-never = Never
tokens-state = State
tokens-revoke = Revoke
tokens-revoked-on = Revoked on { $date }
tokens-none = No tokens yet.
token-revoked = The token is revoked.
label-token-name = Name (what this token is for)
help-token-name = For example: "Participation team dashboard".
label-token-scope = Rights
token-scope-read_private = Private read
token-scope-write = Write

## Reversibility
export-title = Full export
export-intro = Download the whole platform as one ZIP archive: every table of the database and every uploaded file. With it you can move to another host or database engine (SQLite or PostgreSQL) and lose nothing.
export-sensitive = The archive holds personal data and password hashes: keep it somewhere safe and delete it once used.
export-start = Start a full export
export-running = An export is running; its progress shows below (with JavaScript, it updates by itself).
export-import-help = To restore an archive into a new, empty database, use the command line:
export-jobs = Recent jobs
export-job-started = Started
export-job-kind = Job
export-job-status = Status
export-job-progress = Progress
export-job-result = Result
export-kind-platform = Full export of the platform
export-progress-of = Progress of job { $number }
export-percent = { $percent }%
export-items = { $done } of { $total } rows and files
export-download = Download the archive
export-failed = Failed: { $message }
export-file-gone = Archive removed from the server
export-no-jobs = No job yet.
job-status-queued = Queued
job-status-running = Running
job-status-done = Done
job-status-failed = Failed
flash-export-started = The full export has started.
flash-export-already-running = An export is already running: wait for it to finish.

# Design system page (/admin/design)
design-title = Design system
design-intro = The components of the interface, with their states, in your organisation's colours. Every public and back-office page uses them.
design-toc = Contents
design-colours = Colours
design-colours-intro = The tints are computed from your two brand colours; every pair of text and background reaches AA contrast (4.5:1).
design-contrast-caption = Contrast of each text / background pair
design-pair = Pair
design-foreground = Text
design-background = Background
design-ratio = Contrast
design-type = Typography
design-sample-heading = Participatory budget
design-sample-lead = Propose, discuss, vote: an introduction, slightly larger.
design-sample-body = Body text, readable on every screen, with
design-sample-link = a link
design-sample-small = Secondary text, smaller: dates, metadata.
design-spacing = Spacing
design-buttons = Buttons
design-primary = Primary
design-secondary = Secondary
design-tertiary = Tertiary
design-danger = Delete
design-disabled = Disabled
design-small = Small button
design-link-button = Button that looks like a link
design-fields = Form fields
design-form-section = A form section
design-hint = A hint, under the label, read with the field.
design-error-message = Enter a valid email address, such as name@example.org.
design-checkbox = A check box
design-badges = Badges and statuses
design-info = Information
design-success = Success
design-warning = Warning
design-error = Error
design-tag = Tag
design-alerts = Alerts and notices
design-alert-text = A short message saying what happens and what to do.
design-notice = A quiet notice in the secondary colour.
design-cards = Cards
design-sample-project = Participatory budget 2027
design-navigation = Navigation
design-breadcrumb = Breadcrumb (example)
design-tabs = Tabs (example)
design-pagination = Pagination
design-disclosure = Disclosure and modal dialog
design-open-dialog = Open a modal dialog
design-dialog-title = A modal dialog
design-close = Close
design-progress = Progress bars
design-timeline = Step timeline
design-table = Tables
design-table-caption = A table with its caption
design-sample-row-1 = A book box
design-sample-row-2 = A cycle lane
design-empty = Empty states
design-icons = Icons
design-icons-intro = Lucide icons, drawn by the style sheet from the SVG sprite served by the platform, in the colour of the text; decorative (the text beside them says what they mean).
design-icons-licence = Icons' licence (ISC)

## Back-office tables
flash-status-set = The proposals' status was changed.
table-sort-by = Sort by { $column }
table-count = { $shown ->
    [0] No proposal matches
    [one] 1 proposal shown
   *[other] { $shown } proposals shown
 } out of { $total }
table-filters = Filter the table
table-reset = Show all
analyst-none = No analyst
bulk-actions = Actions on the selection
bulk-help = Tick proposals in the table, or choose a whole district or theme.
bulk-status = Change the status
bulk-status-apply = Apply this status
admin-filter-search = Title or reference
table-count-projects = { $shown ->
    [0] No project matches
    [one] 1 project shown
   *[other] { $shown } projects shown
 } out of { $total }
admin-preview = Preview
admin-projects-none-match = No project matches these filters.
form-section-presentation = Presentation
form-section-publication = Publication
form-section-classification = Themes and districts
form-section-dates = Dates

## Consultations on a text
consultation-section-figures = { $opinions ->
    [one] 1 contribution
   *[other] { $opinions } contributions
  } · { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
  }
consultation-empty = This consultation's text has no sections yet.
consultation-none = No consultation is published in this step yet.
consultation-contribute = Add a contribution
consultation-threshold = { $votes } votes out of a goal of { $threshold }
consultation-closed = Participation in this step is closed: you can read the contributions, but no longer vote or contribute.
consultation-subsections = In this section
consultation-opinions = { $count ->
    [0] No contributions
    [one] 1 contribution
   *[other] { $count } contributions
  }
consultation-no-opinions = No contributions in this section yet.
opinion-sort-position = Order of the text
opinion-sort-random = Random
opinion-sort-newest = Newest
opinion-sort-oldest = Oldest
opinion-sort-favourable = Most favourable
opinion-sort-votes = Most voted
opinion-sort-arguments = Most argued
opinion-pinned = Pinned
opinion-kind-article = Article
opinion-kind-contribution = Contribution
opinion-kind-amendment = Amendment
opinion-my-vote = Your opinion: { $vote }
opinion-vote-agree = Agree
opinion-vote-mixed = Mixed
opinion-vote-disagree = Disagree
opinion-vote-legend = Your opinion of this text
opinion-vote-withdraw = Withdraw my vote
opinion-votes-title = Participants' opinions
opinion-arguments-count = { $count ->
    [one] 1 argument
   *[other] { $count } arguments
  }
opinion-amendments-count = { $count ->
    [one] 1 amendment
   *[other] { $count } amendments
  }
opinion-sources-count = { $count ->
    [one] 1 source
   *[other] { $count } sources
  }
opinion-awaiting-moderation = Awaiting moderation
opinion-appendix = Statement of reasons
opinion-login-to-participate = Log in to vote and contribute
opinion-arguments-title = Arguments
opinion-sources-title = Sources ({ $count })
opinion-amendments-title = Amendments ({ $count })
opinion-follow = Follow this text
opinion-unfollow = Unfollow
arguments-sort-votes = most supported
arguments-sort-date = newest
arguments-for = { $count ->
    [one] 1 argument for
   *[other] { $count } arguments for
  }
arguments-against = { $count ->
    [one] 1 argument against
   *[other] { $count } arguments against
  }
arguments-none = No arguments yet.
argument-votes = { $count ->
    [0] no support
    [one] 1 supporter
   *[other] { $count } supporters
  }
argument-upvote = Support
argument-upvoted = Supported
argument-new-for = Your argument for
argument-new-against = Your argument against
argument-publish = Publish
report-opinion = Report this text
report-argument = Report this argument
report-source = Report this source
sources-none = No sources yet.
source-add = Add a source
source-publish = Add the source
source-no-category = No category
label-source-url = Web address of the source
help-source-url = An address starting with https:// or http://
label-contribution-body = Your contribution
amendment-of = Amendment of:
amendment-changes = Proposed changes
amendment-changes-summary = { $added } word(s) added, { $removed } word(s) removed
amendment-full-text = Full proposed text
amendment-justification = Justification
amendment-propose = Propose an amendment
amendment-help = Change the text below: the words added and removed will be highlighted for everyone.
amendment-new-text = Proposed new text
amendments-none = No amendments yet.
diff-deleted-start = [deletion starts]
diff-deleted-end = [deletion ends]
diff-inserted-start = [insertion starts]
diff-inserted-end = [insertion ends]
flash-opinion-voted = Your opinion is recorded.
flash-opinion-vote-withdrawn = Your vote is withdrawn.
flash-argument-posted = Your argument is published.
flash-source-added = Your source is added.
flash-contribution-posted = Your contribution is published.
flash-amendment-posted = Your amendment is published.
flash-awaiting-moderation = Thank you! Your text will be published once a moderator has checked it.
flash-opinion-followed = You follow this text: you will hear of new amendments and answers.
error-amendment-unchanged = The proposed text is the same as the current one: change it.
error-link-scheme = The address must start with https:// or http://.
error-link-invalid = This web address is not valid.
error-import-too-many = This text is too long to import at once: split it.
moderation-kind-opinion = Consultation text
moderation-kind-argument = Argument
moderation-kind-source = Source
email-amendment-subject = { $title }: new amendment
email-amendment-body =
    Hello,

    A new amendment was proposed to the text "{ $title }".

    { $link }

    To stop receiving these messages: { $unsubscribe }
email-opinion-answer-subject = { $title }: official answer
email-opinion-answer-body =
    Hello,

    { $org } published an official answer to the text "{ $title }".

    { $link }

    To stop receiving these messages: { $unsubscribe }
admin-consultations = Consultations
admin-consultations-none = No consultation in this step: create one, then import or write its text.
admin-consultation-new = New consultation
help-consultation-title = For example "Draft climate plan 2030". A step can hold several consultations.
admin-consultation-tree = Sections of the text
admin-consultation-settings = Settings
admin-section-new = Title of the new section
admin-section-top-level = At the top level
admin-section-parent = Place in
admin-section-participation = Participation
admin-section-articles = { $count ->
    [0] No articles
    [one] 1 article or contribution
   *[other] { $count } articles and contributions
  }
admin-section-delete = Delete the section
admin-section-delete-help = Its sub-sections, articles, contributions, votes and arguments will be deleted too.
admin-article-title = Title of the article
admin-article-body = Text of the article
admin-article-add = Add the article
admin-import-title = Import a text
admin-import-help = Paste a text in Markdown or plain text. Headings ("#", "##"… or "Titre I", "Chapitre 2", "Section 3") become sections; "Article …" opens an article; every other paragraph becomes an article. Imported sections are added after the existing ones.
admin-import-label = Text to import
admin-import-submit = Import
import-first-section = Introduction
label-pre-moderation = Pre-moderation
help-pre-moderation = Contributions, amendments, arguments and sources are published only once a moderator approves them.
label-subtitle = Subtitle
label-section-help = Help text shown at the top of the section
help-section-colour = Optional, as #1a7f37.
label-contributions-open = Participants may add contributions
label-amendments-allowed = Amendments allowed
label-arguments-allowed = Arguments for and against allowed
label-sources-allowed = Sources allowed
label-vote-widget = Vote on texts
vote-widget-none = No vote
vote-widget-agree = "Agree" only
vote-widget-agree_mixed_disagree = Agree, mixed, disagree
label-votes-threshold = Votes goal
help-votes-threshold = Optional: shown as a progress bar.
label-default-sort = Default order
flash-imported = The text is imported: check its sections and articles.
flash-approved = Content published.
moderation-pending = Awaiting publication
moderation-pending-empty = Nothing awaits approval.
moderation-approve = Publish
moderation-refuse = Refuse and hide
argument-anonymous = Participant without an account
debate-none = No debate is published in this step yet.
debate-for-count = { $count ->
    [one] { $count } vote for
   *[other] { $count } votes for
  }
debate-against-count = { $count ->
    [one] { $count } vote against
   *[other] { $count } votes against
  }
debate-opening-for = The case for
debate-opening-against = The case against
debate-vote-title = Votes
debate-vote-legend = Your position
debate-side-for = For
debate-side-against = Against
debate-press = Press review
debate-anonymous-link = Take part without an account
debate-anonymous-argument = Your argument (optional)
debate-anonymous-email-help = We send you a link: your vote and argument count only once you follow it. Your address is never published.
debate-anonymous-submit = Send
debate-embed-open = See the whole debate
debate-embed-title = Embed this debate in another site
debate-embed-help = Copy this code into a page of your site: the debate shows there with its votes, and visitors can take part without an account if the option is on.
debate-embed-code = Code to copy
debate-confirm-expired = Link already used or unknown
debate-confirm-expired-text = This confirmation link was already used or does not exist. Your participation may already be counted.
flash-check-your-email = Almost done: follow the link we just emailed you so that your participation counts.
flash-participation-confirmed = Thank you, your participation is confirmed.
admin-debates = Debates
admin-debate-new = New debate
label-debate-question = Question debated
label-debate-mode = Layout
debate-mode-face_to_face = Face to face: one text for, one against
debate-mode-free = One free text
help-debate-face-to-face = Face to face needs both texts.
label-debate-body = Free text
help-debate-free = For the "one free text" layout.
label-anonymous-allowed = Participation without an account
help-anonymous-allowed = A vote or argument with only an email address, counted once the link sent to that address is followed.
label-published-on = Publication date
email-debate-confirm-subject = Confirm your participation: { $question }
email-debate-confirm-body =
    Hello,

    So that your participation in the debate "{ $question }" counts, follow this link:

    { $link }

    If you did not ask for this, ignore this message: nothing will be published.
synthesis-title = Synthesis
synthesis-published-on = Published on { $date }
synthesis-preview = Preview: this synthesis is not published yet.
synthesis-intro = This synthesis sorts { $placed } of the { $total } published contributions, amendments and arguments; every group links to each of them.
synthesis-groups = Groups
synthesis-group-figures = { $items ->
    [one] { $items } item
   *[other] { $items } items
  } · { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  }
synthesis-group-items = See the { $count } items of the group
synthesis-admin-intro = Group the step's contributions, amendments and arguments by similarity, then rename, merge, split, nest and summarise the groups before publishing. Every item is in one group only.
synthesis-generate = Group automatically
synthesis-regroup = Group again
synthesis-regroup-confirm = Grouping again replaces every group, its title and its summary. Continue?
synthesis-publish = Publish the synthesis
synthesis-unpublish = Unpublish
synthesis-is-published = Published
synthesis-none = No synthesis yet: { $total } items to group.
synthesis-unplaced = { $count ->
    [one] { $count } item to sort
   *[other] { $count } items to sort
  }
synthesis-move-to = Move to
synthesis-new-group = A new group
synthesis-new-group-title = Title of the new group
synthesis-to-sort = To sort
synthesis-place = Sort
synthesis-move = Move the selection
synthesis-summary = Summary of the group
synthesis-parent = Place in
synthesis-merge-into = Merge into
synthesis-merge = Merge
synthesis-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
  }
synthesis-other-group = Miscellaneous
flash-synthesis-grouped = The items are grouped: review the groups before publishing.
flash-synthesis-published = The synthesis is published.
error-synthesis-empty = Group the items first.
error-synthesis-unplaced = Sort every item into a group first.
error-synthesis-none-chosen = Tick at least one item.
error-synthesis-loop = A group cannot be placed in itself or one of its sub-groups.
admin-opinion-text = Text
admin-opinion-pending = Awaiting moderation
label-opinion-body = Text
admin-opinion-pin = Pin at the top of the section
help-opinion-pin = Pinned texts are shown before the others, whatever the sort.
help-opinion-answer = Published under the text; its followers get an email. Leave empty not to answer.
admin-opinion-edit = Edit, pin, answer
admin-opinion-delete = Delete this text
admin-opinion-delete-help = Its votes, arguments, sources and amendments will be deleted too.
admin-opinion-delete-confirm = Delete this text and everything attached to it for good?
admin-source-categories = Source categories
admin-source-categories-intro = Participants file every source they suggest under one of these categories (study, press article, law…).
admin-step-exports = Exports for the team
admin-step-exports-help = These files hold names and email addresses: do not share them. The anonymised files for the public are on the open data page.
admin-export-contributions = Every text, amendment, argument and source, with its author and state
admin-export-participants = One row per participant
label-press-image = Image (optional)
label-press-image-alt = Description of the image
help-press-image-alt = What the image shows, for people who cannot see it. Required with an image.

## Form engine: question types, options, logic jumps
question-kind-rich_text = Formatted text
question-kind-ranking = Ranking
question-kind-majority = Majority judgement
question-kind-file = File
question-kind-siret = SIRET number
question-kind-rna = RNA number (association)
label-question-description = Description (before the field)
label-question-private = Private answer
help-question-private = Only staff see the answers: they are neither in public results nor in open data.
label-random-order = Choices in a random order for each person
label-choice-display = How a single choice is shown
display-radio = Radio buttons
display-select = Drop-down list
display-buttons = Buttons
label-heading-level = Section heading level
level-1 = Main heading
level-2 = Subheading
level-3 = Minor heading
question-private = Private
question-private-note = Only the team will see your answer.
question-has-logic = Jumps
question-copy-of = { $label } (copy)
question-file-kept = The file already sent is kept unless you choose another.
duplicate = Duplicate
confirm-delete-question = Delete this question and its answers?
choose-one = — Choose —
help-siret = 14 digits, spaces allowed.
help-rna = The letter W followed by 9 characters.
help-number-bounds = Between { $min } and { $max }.
help-question-file = An image or a PDF, at most { $mb } MB.
help-ranking = Give a rank (1, 2, 3…) to the choices you rank, without gaps or repeats; { $n } at most.
help-majority = Give each choice a grade.
rank-none = Not ranked
rank-n = { $n ->
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[other] { $n }th
}
majority-choice = Choice
grade-very-good = Very good
grade-good = Good
grade-fairly-good = Fairly good
grade-passable = Passable
grade-insufficient = Insufficient
grade-reject = Reject
logic-title = Logic jumps
logic-if = If
logic-and = and
logic-or = or
logic-is = is chosen
logic-is-not = is not chosen
logic-end = End of the questionnaire
logic-jump = jump
logic-add-jump = Add a jump
logic-condition = Condition { $n }
logic-choice = Choice of condition { $n }
logic-combine = Conditions
logic-all = all true
logic-any = at least one true
logic-target = Go to
logic-always = Otherwise, always go to
logic-always-none = The next question
error-bound-above-choices = This minimum is more than the number of choices.
error-choice-colour = A colour is written #rrggbb, for example #1d4ed8.
error-choices-too-many = 50 choices at most.
error-file-limit = Between 1 and 20 MB.
error-grade-every-choice = Give each choice a grade.
error-jump-condition-needed = Choose at least one condition.
error-jump-target = Choose a question that comes after this one.
error-ranking-invalid = Ranks follow each other from 1, without gaps or repeats.
error-siret-format = A SIRET number has 14 digits.
error-siret-key = This SIRET number is not valid: check the digits.
error-siren-format = A SIREN number has 9 digits.
error-siren-key = This SIREN number is not valid: check the digits.
error-rna-format = An RNA number is W followed by 9 characters, for example W751234567.

## Questionnaires and votations
questionnaire-admin-title = Questionnaire
questionnaire-settings = Settings
label-questionnaire-kind = Type
questionnaire-kind-survey = Questionnaire
questionnaire-kind-vote = Votation (secret ballot)
help-questionnaire-kind = A votation: one final reply per person, stored without the person's identity; each voter gets a receipt code; results are published after the close.
label-intro = Introduction
label-q-multiple_replies = Several replies per person
label-q-anonymous = Replies without an account
label-q-drafts = Drafts (finish later)
label-q-acknowledge = Send an acknowledgement with the answers
label-q-results_public = Public results
label-q-req_confirmed_email = Confirmed email address required
label-postal-codes = Postal codes accepted
help-postal-codes = Separated by commas; empty for all.
help-votation-options = A votation has no drafts, no multiple replies, no replies without an account and no acknowledgement with the answers.
error-postal-code = A postal code has 5 digits.
error-kind-locked = Replies already exist: the type can no longer change.
error-publish-before-close = Results are published after the step closes.
questionnaire-publication = Publication of the results
questionnaire-published = The results are published.
questionnaire-unpublished = The results are not published.
questionnaire-publish = Publish the results
questionnaire-unpublish = Withdraw the publication
questionnaire-results-link = Results ({ $count ->
    [one] { $count } reply
   *[other] { $count } replies
})
questionnaire-refused-title = Reply not possible
questionnaire-not-open = This questionnaire is not open now.
questionnaire-sign-in = Log in to reply.
questionnaire-already-replied = You have already replied to this questionnaire. Thank you!
votation-already-voted = You have already voted. A ballot is final.
questionnaire-requirements = To reply, you still need:
questionnaire-empty = This questionnaire has no question yet.
questionnaire-submit = Send my answers
questionnaire-save-draft = Save a draft
questionnaire-district = Your district (optional)
questionnaire-district-help = Only used for statistics by district.
questionnaire-district-none = I prefer not to say
questionnaire-thanks-title = Thank you for your answers
questionnaire-thanks-text = Your answers are saved.
questionnaire-see-results = See the results
questionnaire-ack-subject = Your answers: { $step }
questionnaire-ack-body = Thank you for replying to "{ $step }". Here are your answers:
questionnaire-results-title = Results
questionnaire-replies-count = { $count ->
    [one] { $count } reply
   *[other] { $count } replies
}
questionnaire-answered-count = { $count ->
    [one] { $count } person answered
   *[other] { $count } people answered
}
questionnaire-other-answers = Other answers ({ $count })
questionnaire-filters = Filter the results
required-fields-note = Fields marked with an asterisk are required.
back-to-project = Back to the project
label-age-band = Age band
results-count = Count
results-share = Share
results-borda = Borda points
results-borda-help = Borda points: with N choices, rank 1 earns N − 1 points, rank 2 earns N − 2, and so on; an unranked choice earns nothing.
results-average-rank = Average rank
results-times-ranked = Times ranked
results-majority-grade = Majority grade
results-majority-help = Each choice gets the grade at least half of the voters give it or better (the majority grade); ties are broken as Balinski and Laraki describe, removing median grades one by one.
results-grade-distribution = Distribution of grades
results-min = Minimum
results-median = Median
results-mean = Mean
results-max = Maximum
results-words = Most frequent words
results-texts = Answers
results-files = Files sent: staff see them in the export.
votation-badge = Votation
votation-secret-note = The vote is secret: your ballot is stored without your identity. It is final.
votation-submit = Vote
votation-thanks-title = You have voted!
votation-receipt-intro = Your receipt code:
votation-receipt-help = Write it down. Once the results are published, the list of every code with its ballot is published: you can check your ballot was counted as you cast it.
votation-results-unpublished = The results are not published yet: only staff see them.

questionnaire-complete-profile = Complete my profile
questionnaire-reply = Reply
questionnaire-configure = Questions and settings
receipts-title = Ballots and receipt codes
receipts-intro = { $count ->
    [one] { $count } ballot, ordered by receipt code. Find yours to check it was counted as you cast it.
   *[other] { $count } ballots, ordered by receipt code. Find yours to check it was counted as you cast it.
}
receipts-download = Download every ballot (CSV)
receipts-code = Receipt code
receipts-check = Check
receipts-found = Your ballot is highlighted in the list below.
receipts-not-found = No ballot has this code. Check what you typed (12 characters).
receipts-link = Ballots and receipt codes
questionnaire-exports = Exports (staff)
questionnaire-export-csv = Every reply as CSV (one column per question, ";" separated)
questionnaire-export-comma = "," separated
questionnaire-export-json = Every reply as JSON

## Petitions (a collect step in support mode)
petition-title = Petition
petition-supports-of = { $count ->
    [one] supporter
   *[other] supporters
} of { $threshold } needed
petition-reached = Threshold reached on { $date }.
petition-answer-due = Official answer promised by { $date }
petition-days-left = { $days ->
    [0] (that is today).
    [one] (1 day left).
   *[other] ({ $days } days left).
}
petition-late = { $days ->
    [one] : one day late.
   *[other] : { $days } days late.
}
petition-answered = Official answer published.
petition-read-answer = Read the answer
petition-archived = Archived on { $date }: the threshold was not reached in time. The petition can still be read but takes no more support.
petition-missing = { $count ->
    [one] 1 more supporter to require an official answer.
   *[other] { $count } more supporters to require an official answer.
}
petition-you-support = You support this petition.
petition-withdraw = Withdraw my support
petition-support = I support this
petition-login = Log in to support this petition: one support per person.
petition-card = { $count } / { $threshold } supporters
petition-badge-awaiting = Answer due
petition-badge-answered = Answered
petition-badge-archived = Archived
support-refused-mode = This step does not gather support.
support-refused-closed = Support is closed: the step is not open.
support-refused-unpublished = Only published proposals can be supported.
support-refused-archived = This petition is archived: it takes no more support.
support-refused-unconfirmed = Confirm your email address first (with the link sent when you signed up) to support a petition.
flash-supported = Thank you: your support counts.
flash-support-reached = Thank you: your support reached the threshold! An official answer is now due.
flash-support-withdrawn = Your support is withdrawn.
sort-supports = Most supported
email-threshold-subject = { $title }: threshold of { $threshold } supporters reached
email-threshold-staff =
    Hello,

    The petition "{ $title }" reached the threshold of { $threshold } supporters on { $org }'s platform.
    An official answer is publicly promised by { $due }: publish it from the proposal's analysis page.

    { $link }
email-threshold-author =
    Hello,

    Your petition "{ $title }" reached the threshold of { $threshold } supporters. { $org } committed to answer it publicly by { $due }.

    { $link }
email-archived-subject = { $title }: petition archived
email-archived-body =
    Hello,

    Your petition "{ $title }" did not reach the support threshold in time: it is archived. It can still be read but takes no more support.

    { $link }
admin-petition-title = Petition mode (support)
admin-petition-intro = In petition mode, the proposals' button reads "I support this". A proposal that reaches the threshold requires an official answer before the deadline shown publicly; those that do not reach it are archived automatically.
admin-petition-on = Gather support (petition)
label-threshold = Support threshold
label-answer-days = Time to answer (days)
help-answer-days = Counted from the day the threshold is reached, e.g. 60.
label-archive-days = Archive below the threshold (days after publication)
help-archive-days = Leave empty to never archive.
admin-petition-save = Save petition mode
admin-petition-off = Turn petition mode off
flash-petition-off = Petition mode turned off: support already given is kept.
dashboard-petitions = Petitions awaiting an answer
dashboard-petition-due = by { $date }
petitions-title = Petitions
petition-new = Start a petition
votation-mediators-help = Mediators enter the votation's paper ballots (polling station, drop-in desk) until the results are published. Each ballot entered gets a receipt code to copy onto the slip given to the voter.
votation-paper-link = Enter paper ballots
votation-paper-title = Paper ballots
votation-paper-count = { $count ->
    [0] No paper ballot entered yet.
    [one] 1 paper ballot entered.
   *[other] { $count } paper ballots entered.
}
votation-paper-entered = Ballot recorded.
votation-paper-receipt = Receipt code to copy onto the voter's slip:
votation-paper-closed = The results are published: no more ballots can be entered.
votation-paper-help = Copy the ballot as it was filled in. Check the voter on the polling station's register: the ballot is stored without their name.
votation-paper-submit = Record this ballot
choice-images-title = Choice images
label-choice = Choice
label-choice-image = Image
help-choice-image = PNG, JPEG, WebP or GIF. It shows beside the choice, whose wording stays the text screen readers read.
choice-image-add = Add the image to the choice
choice-image-remove = Remove the image
error-choice-image = A choice's image must be added with the "Choice images" form.

## Short URLs, redirections and missing addresses
admin-redirections = Redirections
redirections-intro = A short address to print on a poster (/new-buses) or an address of your old site leads to a page of this one. Redirections only apply to addresses that no page uses.
redirections-new = New redirection
label-redirect-source = From address
help-redirect-source = A path of this site, like /new-buses, or a whole address of the old site, of which only the path is kept.
label-redirect-target = Destination
help-redirect-target = A path of this site (for instance /projects/participatory-budget), or an address on a site allowed below.
label-redirect-kind = Type
redirect-kind-301 = Permanent (301): the old address is gone for good
redirect-kind-302 = Temporary (302): a short address whose destination may change
redirect-kind-short-301 = Permanent (301)
redirect-kind-short-302 = Temporary (302)
redirections-list = { $count ->
    [0] No redirections
    [one] One redirection
   *[other] { $count } redirections
}
redirections-hits = Visits
redirections-none = No redirections yet.
redirections-import = Import an old site's addresses
redirections-import-help = A CSV file, one line per address: from address, destination, and if needed 301 or 302 (301 by default). A first header line "source,target" is allowed. If any line is refused, nothing is imported.
redirections-import-refused = Import refused: nothing was saved
redirections-line = Line { $line }:
label-redirect-file = CSV file
redirections-import-button = Import
redirections-hosts = Allowed external sites
label-redirect-hosts = Domain names, one per line
help-redirect-hosts = A redirection may only lead away from this site to these domains (for instance www.city.gov).
flash-redirections-imported = The redirections were imported.
missing-title = Missing addresses
missing-intro = Addresses visitors asked for that no page or redirection serves, most requested first, with the pages that led there. Give them a destination to finish a migration.
missing-path = Address
missing-last-seen = Last requested
missing-referrers = Came from
missing-no-referrer = Direct access
missing-redirect = Redirect
missing-forget = Forget
missing-clear = Clear the log
missing-clear-confirm = Clear the whole log of missing addresses?
missing-none = No missing address has been requested.
error-redirect-source = Enter a path of this site starting with "/", without spaces.
error-redirect-home = The home page cannot be redirected.
error-redirect-target = Enter a path of this site starting with "/" or an http(s) address.
error-redirect-external = This site is not in the list of allowed external sites.
error-redirect-host = Enter bare domain names, like www.city.gov, one per line.
error-redirect-loop = This redirection would lead back to its own address (a loop).
error-redirect-chain = This destination already goes through too many redirections in a row.
error-redirect-kind = The type must be 301 or 302.
error-redirect-taken = A redirection already starts from this address.
error-redirect-is-page = A page of the site already uses this address: the redirection would never be followed.
error-redirect-import-empty = The file holds no redirection.
error-redirect-import-unreadable = This file is not a readable CSV (UTF-8).
redirections-to = leads to
redirections-visits = { $count ->
    [0] no visits
    [one] one visit
   *[other] { $count } visits
}

## The organisation's pages and menus
admin-pages = Pages
admin-menus = Menus
pages-intro = The organisation's pages, at /pages/…: the legal notice, privacy, cookies and contact pages exist on every site; add others and place them in the menus.
pages-new = New page
page-kind-custom = Free page
page-kind-legal = Legal notice
page-kind-privacy = Privacy
page-kind-cookies = Cookies
page-kind-contact = Contact
page-published = Published
page-unpublished = Not published
page-view = View the page
page-draft-notice = This page is not published: only administrators see it.
label-page-slug = Page address
help-page-slug = The end of the address /pages/…: lower-case letters without accents, digits and dashes. Left empty, it is made from the title.
label-page-body = Content
label-meta-description = Description for search engines
help-meta-description = One sentence of at most 300 characters, shown under the title in search results.
label-recipients = Recipients of the messages
help-recipients = The email addresses that receive the form's messages, one per line (at most 10).
label-page-published = Publish the page
page-delete = Delete the page
page-delete-confirm = Delete this page and its menu entries?
page-contact-title = Write a message
help-page-contact-email = To answer you; it is only passed on to this form's recipients.
email-page-contact-subject = [{ $org }] Message received through the page "{ $page }"
email-page-contact-body =
    Hello,

    { $sender } ({ $email }) wrote through the page "{ $page }" of the { $org } site:

    { $message }

    Answer { $email } directly.
error-page-slug-taken = Another page already uses this address.
error-one-line = This text must fit on one line.
error-recipients-needed = Give at least one recipient address to publish the contact page.
error-too-many-recipients = Give at most 10 recipients.
menus-intro = The entries of the header and footer menus lead to a page, a project or an address. An entry may group others, one level deep. Entries leading to an unpublished page or a non-public project stay hidden.
menu-header = Header menu
menu-footer = Footer menu
menu-to-page = Page "{ $title }"
menu-to-project = Project "{ $title }"
menu-heading = Groups the entries below it
menu-hidden = hidden from visitors
menu-empty = No entries yet.
menu-add = Add an entry
label-menu-label = Label
label-menu-kind = Leads to
menu-kind-page = a page
menu-kind-project = a project
menu-kind-url = an address
menu-kind-none = nothing: a label that groups other entries
label-menu-page = Page
label-menu-project = Project
label-menu-url = Address
help-menu-url = A path of this site (/open-data) or an http(s) address.
label-menu-parent = Place under
menu-top-level = Top level
error-label-too-long = The label must be at most 80 characters long.
error-link-url = Enter a path of this site starting with "/" or an http(s) address, without spaces.
error-menu-parent = Choose a top-level entry of this menu.
error-menu-heading-nested = A label that groups entries stays at the top level.
error-menu-full = This menu already has 60 entries.

## Access and sharing
settings-access = Access and sharing
label-share-description = Description of the site when a link is shared
help-share-description = One sentence of at most 300 characters, shown by social networks and messaging apps under the title of a shared page.
label-shielded = Shield mode: the whole site behind log-in
help-shielded = For a staff-only site or before launch: visitors who are not logged in only see the log-in page, sign-up and the legal pages.
settings-image-header = Home page header image
help-settings-image-header = A wide photo (1,600 × 600 pixels, say), behind the home page's introduction; the text stays on a plain background to remain readable.
settings-image-favicon = Browser tab icon (favicon)
settings-image-share = Sharing image
settings-image-current = Current image
help-settings-image-favicon = A square image (a 64 × 64 pixel PNG, say), shown in the browser tab.
help-settings-image-share = Shown with links to the site shared on social networks (1200 × 630 pixels advised).
settings-colours = Colours of the header, footer, buttons and links
settings-colours-intro = Left empty, they follow from the two main colours. Each text and background pair must stay readable (contrast of at least 4.5:1, level AA).
colours-header = Header
colours-footer = Footer
colours-button = Main buttons
label-colour-background = Background
label-colour-text = Text
help-colour-optional = As #rrggbb; empty: automatic.
label-colour-link = Links
help-colour-link = As #rrggbb; empty: a shade of the main colour. Must read on the pages' white background.
error-contrast-header = The header's text would not read well enough on its background (contrast below 4.5:1): choose a darker or lighter text.
error-contrast-footer = The footer's text would not read well enough on its background (contrast below 4.5:1).
error-contrast-button = The buttons' text would not read well enough on their background (contrast below 4.5:1).
error-contrast-link = This link colour is too light on the pages' background (contrast below 4.5:1).

## Fonts
admin-fonts = Fonts
fonts-intro = Choose a font for headings and one for text, among 14 free families or those you add. They apply to the whole site as soon as they are saved.
fonts-choice = The site's fonts
label-font-heading = Headings
label-font-body = Body text
fonts-system = The system's font (default)
fonts-not-installed = not installed on this server
fonts-installed = installed
fonts-preview = Preview
fonts-preview-heading = Participatory budget: your ideas for the neighbourhood
fonts-preview-body = Submit a project, vote for your favourites and follow their delivery, step by step.
fonts-upload = Add a font
fonts-upload-help = One file per weight (regular and bold): WOFF2, WOFF, TTF or OTF, at most 2 MB, checked by its content. Make sure its licence allows use on the web.
label-font-family = Family name
help-font-family = Letters, digits, spaces and dashes, at most 60 characters (for instance Marianne).
label-font-weight = Weight
font-weight-400 = Regular (400)
font-weight-700 = Bold (700)
label-font-file = Font file
help-font-file = WOFF2, WOFF, TTF or OTF, at most 2 MB.
fonts-builtin = Built-in families
fonts-builtin-help = They come from the Debian packages installed on the server (apt-get install followed by the package's name), under the free licences shown.
error-font-name = The name may only hold letters, digits, single spaces and dashes (at most 60 characters).
error-upload-not-font = This file is not a readable WOFF2, WOFF, TTF or OTF font.
error-font-not-installed = This font is not installed on this server.
error-font-too-large = The font file is too large (at most 2 MB).

## Home page sections
home-no-sections = The home page has no content yet.
home-recent = Recent projects
home-recent-empty = No project yet.
home-chosen = Featured projects
home-chosen-empty = No project chosen yet.
home-section-highlights = Highlights
home-section-themes = Themes
home-section-themes-empty = No project has a theme yet.
home-section-proposals = Latest proposals
home-section-proposals-empty = No proposal published yet.
home-section-figures = Participation in figures
home-section-map = Projects near you
home-section-map-empty = No project is linked to a district yet.
home-section-text = Text
home-section-newsletter = Newsletter
carousel-previous = Previous
carousel-next = Next
figure-projects = { $count ->
    [one] project
   *[other] projects
}
admin-home-page = Home page
admin-newsletter = Newsletter
home-sections-intro = The home page's sections, in the order visitors see them. A switched-off section stays here, ready to switch on again.
home-sections-see = See the home page
home-sections-empty = No section: the home page is empty.
home-section-add = Add a section
home-section-on = shown
home-section-off = switched off
home-switch-on = Show
home-switch-off = Switch off
label-home-kind = Kind of section
help-home-kind = You set it up next; it is added at the bottom of the page.
home-kind-intro = Introduction
home-kind-projects = Projects
home-kind-highlights = Highlights carousel
home-kind-themes = Themes
home-kind-proposals = Latest proposals
home-kind-figures = Participation figures
home-kind-map = Projects by district
home-kind-text = Free text
home-kind-newsletter = Newsletter sign-up
home-kind-help-intro = The site's heading, a welcome text and the button to the open project (the vote first). The header image is set in the settings.
home-kind-help-projects = Project cards: open, upcoming, past, most recent, or the ones you choose.
home-kind-help-highlights = Chosen projects and pages, shown as a carousel with their image.
home-kind-help-themes = Each theme with its public projects.
home-kind-help-proposals = The proposals published last in public projects.
home-kind-help-figures = Public projects, participants, contributions and votes, all public projects together.
home-kind-help-map = Each district with its public projects (a list until the map comes).
home-kind-help-text = A free text in Markdown, with a title if you wish.
home-kind-help-newsletter = A sign-up form; each address confirms through a link sent by email.
home-mode-current = open
home-mode-upcoming = upcoming
home-mode-past = past
home-mode-recent = most recent
home-mode-chosen = chosen one by one
label-home-title = Title
help-home-title = Leave empty to keep "{ $default }".
help-home-title-none = Leave empty for a text without a title.
label-home-mode = Projects shown
label-home-count = Number shown
help-home-count = From 1 to 48.
label-home-body = Text
label-home-enabled = Show this section
home-chosen-projects = Chosen projects
help-home-chosen = Shown in this order when "Projects shown" is "chosen one by one". Projects that are not public stay hidden from visitors.
home-highlights = Carousel items
home-items-empty = No item yet.
home-item-add = Add an item
home-item-project = Project
home-item-page = Page
label-home-target = Item
error-home-count = Enter a whole number from 1 to 48.
error-home-title-too-long = The title must not exceed 120 characters.
error-home-full = The home page already has 30 sections: delete one first.
error-home-items-full = This section already has 12 items: remove one first.

## Newsletter
newsletter-title = Newsletter
newsletter-intro = Get news of the participatory projects by email.
newsletter-subscribe = Sign up
newsletter-consent = Your address is only used for this newsletter; every issue has a link to leave.
newsletter-sent = If this address was not signed up already, a confirmation link was just sent to it. The sign-up counts once the link is followed.
newsletter-confirmed = Done: you will receive the newsletter.
newsletter-link-invalid = This link is no longer valid.
newsletter-leave-intro = You will no longer receive the newsletter and your address will be erased.
newsletter-leave = Leave the newsletter
newsletter-left = Your address is erased: you will no longer receive the newsletter.
email-newsletter-subject = [{ $org }] Confirm your newsletter sign-up
email-newsletter-body =
    Hello,

    Someone (you, most likely) asked to receive { $org }'s newsletter at this address. To confirm, follow this link:
    { $confirm }

    If it was not you, ignore this message: nothing will be sent to you. To erase the address right away:
    { $leave }
newsletter-admin-intro = Addresses signed up from the home page. Only confirmed addresses are exported.
newsletter-admin-counts = { $confirmed } confirmed, { $pending } awaiting confirmation.
newsletter-admin-csv = Download the confirmed addresses (CSV)
newsletter-admin-list = Sign-ups
newsletter-admin-lang = Language
newsletter-admin-state = State
newsletter-admin-confirmed-on = confirmed on { $date }
newsletter-admin-pending = pending
newsletter-admin-empty = Nobody has signed up yet.

## Events
events-title = Events
events-past-title = Past events
events-feed = Subscribe to the calendar
events-empty = No upcoming event yet.
events-past-empty = No past event.
events-see-past = See past events
events-see-upcoming = See upcoming events
events-see-all = All events
home-section-events = Upcoming events
home-kind-events = Upcoming events
home-kind-help-events = The next published events, soonest first.
project-events = The project's events
event-cancelled = Cancelled
event-cancelled-text = This event is cancelled.
event-online = Online
event-when = When
event-where = Where
event-projects = Projects
event-unpublished = This event is not published: only staff can see it.
event-registration = Registration
event-seats = { $left } seat(s) left out of { $capacity }
event-waiting-count = { $count ->
    [one] 1 person on the waiting list
   *[other] { $count } people on the waiting list
}
event-registered-count = { $count ->
    [one] 1 registered
   *[other] { $count } registered
}
event-you-are-registered = You are registered: your seat is booked.
event-you-are-waiting = You are on the waiting list: you will get an email if a seat frees up.
event-login-to-register = Log in to register
event-register = Register
event-join-waiting = Full: join the waiting list
event-unregister = Cancel my registration
event-registration-closed = Registration is closed.
event-add-to-calendar = Add to my calendar (.ics)
flash-event-registered = Done: your seat is booked.
flash-event-waiting = The event is full: you are on the waiting list.
flash-event-unregistered = Your registration is cancelled.
flash-event-cancelled = The event is cancelled; registered people are told by email.
admin-events = Events
events-new = New event
events-admin-empty = No event yet.
event-preview = Preview
label-event-description = Description
label-event-address = Address
label-event-online-url = Online meeting link
help-event-online-url = An https:// address, for an online or hybrid event.
label-event-registration = Registration open
label-event-capacity = Number of seats
help-event-capacity = Leave empty for no limit. Beyond it, people join a waiting list.
label-event-projects = Linked projects
label-event-published = Publish the event
event-registrants = Registered people
event-registrants-csv = Download the list (CSV)
event-no-registrants = Nobody has registered yet.
event-seat-confirmed = seat booked
event-seat-waiting = waiting list
event-other-actions = Other actions
event-cancel = Cancel the event
event-cancel-confirm = Cancel the event and tell everyone registered?
event-delete-confirm = Delete the event and its registrations?
error-event-address = The address fits on one line of at most 300 characters.
error-event-online-url = Enter a full address starting with https://.
error-event-capacity = Enter a whole number of seats, from 1 to 100,000, or leave it empty.
email-event-moved-up-subject = [{ $org }] A seat freed up: { $event }
email-event-moved-up-body =
    Hello,

    A seat freed up for "{ $event }" ({ $when }): it is yours, your registration is confirmed.

    If you can no longer come, cancel your registration to leave it to someone else:
    { $link }
email-event-cancelled-subject = [{ $org }] Event cancelled: { $event }
email-event-cancelled-body =
    Hello,

    The event "{ $event }" planned { $when } is cancelled. We are sorry for the inconvenience.

    { $link }
email-event-reminder-subject = [{ $org }] Reminder: { $event }
email-event-reminder-body =
    Hello,

    We look forward to seeing you at "{ $event }", { $when }.
    { $where }

    If you can no longer come, cancel your registration to free your seat:
    { $link }

## News
news-title = News
news-empty = No news yet.
news-see-all = All news
news-draft = This draft is not published: only staff can see it.
news-scheduled = Publication planned on { $date }: only staff can see it until then.
news-published-on = Published on { $date }
news-about-project = Projects
news-about-proposal = Proposals
news-about-theme = Themes
project-news = The project's news
home-section-news = Latest news
home-kind-news = Latest news
home-kind-help-news = The news published last, with their image.
admin-posts = News
posts-new = New post
posts-admin-empty = No news yet.
posts-delete = Delete the post
posts-delete-confirm = Delete this post and its comments?
news-state-draft = draft
news-state-scheduled = planned on { $date }
news-state-published = published on { $date }
news-comments-off = comments closed
label-news-summary = Summary
help-news-summary = One sentence, shown on cards (at most 300 characters).
label-news-published-at = Publication date
help-news-published-at = Empty: a draft. A date to come schedules the publication.
label-news-themes = Themes
label-news-proposals = Linked proposals
help-news-proposals = Their ids, the number at the end of their address (/proposals/12), separated by commas.
label-news-comments = Comments open
error-news-summary = The summary fits on one line of at most 300 characters.
error-news-proposals = Enter proposal numbers, separated by commas.
error-news-too-many-proposals = At most 20 proposals.
error-news-proposals-missing = One of these proposals does not exist: check the numbers.
table-region = Table (it scrolls sideways on a small screen)

## Translated content
tr-title = Translations
tr-intro = The text typed in the item’s own form is the French text. A field left empty shows the French text to readers of that language.
tr-translate = Translate
tr-translations-of = Translations of “{ $name }”
tr-kind-project = Project
tr-kind-step = Step
tr-kind-page = Page
tr-kind-menu-item = Menus
tr-kind-news-post = News post
tr-kind-event = Event
tr-kind-theme = Themes
tr-kind-district = Districts
lang-name-fr = French
lang-name-en = English
tr-field-title = Title
tr-field-summary = Summary
tr-field-description = Description
tr-field-body = Text
tr-field-meta_description = Description for search engines
tr-field-label = Label
tr-field-name = Name
tr-help-empty = Empty: the French text is shown.
tr-original = French text
tr-original-empty = No French text.
tr-not-translated = This text is not translated yet: it is shown in French.
settings-image-remove = Remove the image
settings-image-remove-confirm = Remove this image? The site goes without it until the next upload.
flash-image-removed = Image removed.

## Single sign-on (OpenID Connect, FranceConnect)
login-sso = Log in with an existing account
login-sso-with = Log in with { $provider }
login-or-email = Or with your email address:
login-staff = Organisation staff
fc-button-1 = Sign in with
fc-what = What is FranceConnect?
sso-failed-title = Could not log in with { $provider }
sso-failed-back = Back to the log-in page
sso-failed-unreachable = { $provider } did not answer or refused the request. Try again in a few minutes; if it goes on, tell the site's team.
sso-failed-state = This log-in request expired, was already used or was started in another browser. Start again from the log-in page.
sso-failed-cancelled = The log-in was cancelled at { $provider }. You can start again whenever you like.
sso-failed-token = The answer from { $provider } could not be verified: for safety, nobody was logged in.
sso-failed-email-taken = An account already exists with the email address { $provider } sent us. Log in with your password (or ask for a new one), then link { $provider } from your "My account" page.
sso-failed-linked-elsewhere = This { $provider } identity is already linked to another account.
sso-failed-closed = This account was deleted.
sso-leaving-logout = Logging out of { $provider }
sso-leaving-logout-text = You are logged out of the site. Your browser now goes to { $provider } to end your session there too.
sso-leaving-link = Linking { $provider }
sso-leaving-link-text = Your browser now goes to { $provider }: log in there to link that account to yours.
sso-leaving-go = Continue to { $provider }
account-password-none = You log in through an identity provider. To log in with a password as well, ask for one by email.
account-password-ask = Get a link to choose a password
label-req-identity = Identity verified by an identity provider (FranceConnect…)
help-req-identity = Voters log in once with a provider that verifies identities; their age then comes from the certified birth date.
label-q-req_verified_identity = Verified identity required (FranceConnect…)
vote-missing-identity = Confirm your identity with a recognised identity provider (FranceConnect).
vote-identity-with = Confirm my identity with { $provider }
vote-identity-none = No provider of verified identities is offered on this site: tell its team.
label-sso-verifies = Verifies people's identity
help-sso-verifies = Its log-ins count as a verified identity for the votes and questionnaires that require one, with the birth date it certifies.
label-sso-acr = Level asked for (acr_values)
help-sso-acr = Optional, for instance "eidas1".
error-sso-acr = Words without quotes, separated by spaces, 10 at most.
account-identity-verified = Your identity was verified by an identity provider on { $date }.
id-codes-title = Identification codes
id-codes-back = Back to the vote "{ $step }"
id-codes-intro = Single-use codes, sent for instance by post to every household. A code serves once: online, typed by the voter, or on paper, typed by a mediator with the ballot. To require them, tick "Identification code" in the vote's or the questionnaire's settings.
id-codes-figures = { $total } codes: { $online } used online, { $paper } on paper, { $unused } not used yet.
id-codes-import = Import codes
id-codes-import-help = A CSV file with one code per line (first column; a "code" header line is allowed). Letters and digits, 6 to 40 of them; spaces and dashes are ignored. Codes already imported are kept as they are.
label-id-codes-file = CSV file of the codes
id-codes-import-button = Import the codes
id-codes-unused = Unused codes
id-codes-delete-unused = Delete the { $count } unused codes
id-codes-delete-confirm = Delete the { $count } unused codes? The codes already used stay.
flash-id-codes-imported = Codes imported.
flash-id-codes-deleted = Unused codes deleted.
error-id-code-invalid = A code holds 6 to 40 letters and digits (spaces and dashes ignored).
error-id-code-repeated = This code is already further up in the file.
error-id-codes-empty = The file holds no code.
error-id-codes-too-many = Too many codes in one file (500,000 at most).
error-id-codes-unreadable = The file is not readable text (save it as UTF-8 CSV).
error-id-code-unknown = This code is unknown or was already used.
label-req-id-code = Identification code (sent to every voter)
help-req-id-code = Voters type one of the codes imported for this vote once; each code votes once, online or on paper.
label-id-code = Identification code
help-id-code = The code you received by post, for instance "AB12-CD34".
help-id-code-paper = The code written on the paper ballot.
vote-missing-id-code = Type the identification code you received.
error-email-domain = Signing up with an email address is reserved for the organisation's addresses (see above).
help-email-domains = Addresses accepted: { $domains }.
data-kept-title = The personal data we keep
data-kept-intro = What the platform keeps about you, why, and for how long. This page is written from its configuration: it says what applies here.
data-kept-what = Data
data-kept-why = Why
data-kept-how-long = How long
data-kept-account = Your account: email address, display name, language, password (hashed with Argon2, never readable), dates of sign-up and last log-in
data-kept-account-why = Logging you in, writing to you (confirmation, the notifications you chose), signing your contributions.
data-kept-account-until = Until your account is deleted, or { $days } days after your last log-in: the account is then anonymised, after a reminder email sent { $notice } days before.
data-kept-account-until-deleted = Until your account is deleted.
data-kept-sessions = Your sessions: the device and browser used
data-kept-sessions-why = Keeping you logged in and showing you your logged-in devices.
data-kept-sessions-until = { $days } days at most, or until you log out.
data-kept-sso = Your identifier at the identity provider ({ $providers })
data-kept-sso-why = Recognising you when you log in through that provider.
data-kept-identity = The verification of your identity and your certified birth date
data-kept-identity-why = Votes and questionnaires reserved for verified identities, or from a given age.
data-kept-with-account = As long as your account.
data-kept-voter = What a vote asks of you: birth date, postal code, acceptance of the rules, identification code used
data-kept-voter-why = Checking that you may vote, once; participation statistics by age band and district.
data-kept-ballots = Your ballots
data-kept-ballots-why = Counting the votes. Published results and files hold only a pseudonym, never your name.
data-kept-ballots-until = Until the project ends; separated from your name if your account is deleted or anonymised.
data-kept-contributions = Your contributions: proposals, comments, arguments, questionnaire replies
data-kept-contributions-why = Participation itself, public as you chose.
data-kept-contributions-until = As long as the project; without your name if your account is deleted or anonymised.
data-kept-emails = The emails sent to you
data-kept-emails-why = Knowing what was sent, and sending it again if it failed.
data-kept-addresses = Your IP address
data-kept-addresses-why = Limiting log-in, sign-up and vote attempts (against robots and account theft).
data-kept-addresses-until = { $minutes } minutes.
data-kept-rights = You can download all your data, correct it or delete your account from your page:
data-kept-account-link = My account
flash-sso-linked = The identity provider is linked to your account.
flash-sso-saved = Identity provider saved.
flash-sso-deleted = Identity provider deleted.
account-sso = Log-in through an identity provider
account-sso-none = No identity provider is linked to your account.
account-sso-linked = { $provider }, linked on { $date }
account-sso-link = Link { $provider }
sso-title = Single sign-on (SSO)
sso-intro = Residents and staff can log in with an OpenID Connect provider (FranceConnect, Keycloak, Microsoft Entra…). A provider's secret is not typed here: it is read from the environment variable shown, when the server starts.
sso-list = Providers
sso-none = No provider yet: only email and password accounts exist.
sso-new = Add a provider
sso-create = Add the provider
sso-edit = Provider "{ $name }"
sso-back = Back to the providers
sso-delete = Delete this provider
sso-delete-confirm = Delete this provider? The accounts stay, but can no longer log in through it.
sso-callback = Return address to register at the provider
sso-logout-back = Return address after logging out
sso-callback-help = Register the return address { $url } at the provider (with the identifier chosen below).
sso-secret = Secret
sso-secret-set = Set
sso-secret-missing = Missing (public client, PKCE only)
sso-accounts = Linked accounts
sso-state = State
sso-enabled = Active
sso-disabled = Disabled
sso-kind-oidc = OpenID Connect
sso-kind-franceconnect_integration = FranceConnect (integration)
sso-kind-franceconnect = FranceConnect (production)
sso-grant-none = None
label-sso-kind = Type
help-sso-kind = FranceConnect sets the issuer, the information asked for and the eIDAS level.
label-sso-label = Name on the button
help-sso-label = For instance "City staff account".
label-sso-slug = Identifier
help-sso-slug = Lowercase letters, digits and dashes; it appears in addresses.
label-sso-issuer = Issuer
help-sso-issuer = The OpenID Connect issuer's address, in https: its discovery document is read at the first log-in. For SAML: the provider's metadata address (or paste the metadata below).
label-sso-client-id = Client identifier
label-sso-scopes = Information asked for (scopes)
help-sso-scopes = Separated by spaces; "openid" is always added.
label-sso-name-claim = Display name taken from
help-sso-name-claim = Otherwise, the given and family names.
label-sso-grant-role = Role given to its users
help-sso-grant-role = A role is never lowered.
label-sso-staff-only = Staff only
help-sso-staff-only = Its button is shown apart, and it must give a staff role.
label-sso-enabled = Offered on the log-in page
error-sso-slug = Use only lowercase letters, digits and dashes (40 at most).
error-sso-slug-taken = Another provider already has this identifier.
error-sso-issuer = Type a full address starting with https://, without "?" or "#".
error-sso-issuer-https = The issuer must use https (http is accepted on this machine only).
error-sso-scopes = Scopes are words without spaces or quotes, 20 at most.
error-sso-claim = A claim's name holds only letters, digits, "_", "-", ":" and ".".
error-sso-client-id = The client identifier holds no spaces.
error-sso-staff-role = A staff-only provider must give a staff role.
error-sso-franceconnect-staff = FranceConnect is for residents: it cannot be staff only.

# Groups of users and invitations
admin-groups = Groups
groups-intro = A group brings people together: a restricted project can be shown to some groups only. People join by the back office (an address, or a CSV file of addresses), by an invitation sent by email, or by logging in through an identity provider that puts its users in it.
groups-list = Groups
groups-none = No group yet. Create one below.
groups-new = New group
groups-create = Create the group
groups-edit = Name and description
groups-back = ← All groups
groups-members = Members
groups-created = Created
groups-member-count = { $count ->
    [0] No member.
    [one] One member.
   *[other] { $count } members.
}
groups-no-members = Nobody is in this group yet.
groups-member-gone = Deleted account
groups-source = Joined by
groups-source-manual = Added by hand
groups-source-csv = CSV import
groups-source-invitation = Invitation
groups-source-provider = Identity provider
groups-added = Since
groups-remove = Remove
groups-remove-confirm = Remove { $name } from the group?
groups-add = Add a person
groups-add-button = Add to the group
groups-import = Import addresses
groups-import-help = A CSV file with one email address per line, in the first column (an "email" header is allowed). The whole file is checked before anything is added; people with an account join the group, the others are listed so that you can invite them.
groups-import-button = Import the addresses
groups-import-missing = { $count ->
    [one] One address has no account: invite it below.
   *[other] { $count } addresses have no account: invite them below.
}
groups-invite = Invite by email
groups-invite-help = Each address receives a personal link, usable once and for a limited time: the person creates an account or logs in, then joins the group.
groups-invite-button = Send the invitations
groups-pending = Pending invitations
groups-pending-until = valid until { $date }
groups-pending-expired = expired
groups-revoke = Withdraw the invitation
groups-delete = Delete the group
groups-delete-confirm = Delete the group "{ $name }"? Its members keep their accounts; projects restricted to this group alone become visible to everyone signed in.
label-group-name = Group name
label-group-description = Description
help-group-description = For the team: what this group is for.
help-group-add = The email address of an existing account.
label-group-emails-file = CSV file of addresses
label-group-invite-emails = Addresses to invite
help-group-invite-emails = One address per line (or separated by commas), 200 at most.
label-group-invite-days = Valid for (days)
help-group-invite-days = From 1 to { $max } days.
label-project-groups = Restricted to groups
help-project-groups = For a restricted project: only members of the ticked groups see it (and the team). None ticked: everyone signed in.
help-project-no-groups = To restrict a project to some people, first create a group:
label-sso-grant-group = Group granted
help-sso-grant-group = Everyone who logs in through this provider joins this group.
error-group-email-repeated = This address is already higher up in the file.
error-group-emails-empty = The file holds no address.
error-group-emails-too-many = The file holds too many addresses (20,000 at most).
error-group-no-account = No account has this address. Invite it below instead.
error-group-invitations-too-many = 200 invitations at most at a time.
error-invitation-days = Give a number of days between 1 and 90.
flash-group-saved = Group saved.
flash-group-deleted = Group deleted.
flash-group-member-added = Person added to the group.
flash-group-member-removed = Person removed from the group.
flash-group-imported = Addresses imported: the matching accounts are in the group.
flash-group-invited = Invitations sent.
flash-group-invitation-revoked = Invitation withdrawn.
flash-group-joined = You are now a member of the group.
email-invitation-subject = Invitation to join a group on { $org }
email-invitation-body = Hello,

    You are invited to join the group "{ $group }" on { $org }.
    Open this link to create your account or log in, then join the group:

    { $link }

    This link is personal, works once and stays valid for { $days } days.
invitation-title = Invitation
invitation-intro = You are invited to join the group "{ $group }" on { $org }.
invitation-until = This invitation is valid until { $date }.
invitation-join = Join "{ $group }"
invitation-account = To join the group, create your account or log in.
invitation-signup = Create my account
invitation-login = I already have an account
invitation-used = This invitation has already been used. If it was you, log in: you are in the group.
invitation-expired = This invitation has expired. Ask the team who sent it for a new one.
invitation-unknown = This invitation link does not exist. Check that it was copied whole.
signup-invited-text = Your account { $email } is ready and you are a member of the group "{ $group }". You can log in.
data-kept-groups = Your groups, and invitations to join one (email address)
data-kept-groups-why = To show projects restricted to a group to its members; to send an invitation's link.
data-kept-groups-until = While you are in the group; an invitation, until it ends ({ $days } days at most) or the group is deleted.
groups-delete-help = Its members keep their accounts; its pending invitations no longer work.
action-log-title = Administration log
action-log-intro = Every change made in the back office, and by the team elsewhere (paper ballots entered, comments hidden), with who made it, when and from which address. Entries are kept { $days } days.
action-log-search = Search
action-log-search-help = A person (name or email address) or part of the page's address.
action-log-filter = Filter
action-log-count = { $count ->
    [0] No action.
    [one] One action.
   *[other] { $count } actions.
}
action-log-none = Nothing to show.
action-log-export = Export as CSV
action-log-when = When
action-log-who = Who
action-log-what = What
action-log-from = From
data-kept-admin-log = The team's actions in the back office (who, what, when, IP address)
data-kept-admin-log-why = To know who changed what, and to prove it if challenged (legitimate interest).
data-kept-admin-log-until = { $days } days.
sso-kind-saml = SAML 2.0 (staff directory)
label-sso-saml-metadata = The provider's SAML metadata
help-sso-saml-metadata = For SAML only: paste the identity provider's metadata XML, or give its address as the issuer. It must hold its signing certificate (unsigned assertions are refused). Declare this site at the provider: entity id { $entity }, assertion consumer service (HTTP-POST) { $acs }.
help-sso-client-id = Required for OpenID Connect; not used by SAML.
error-saml-unavailable = This server was built without SAML (the "saml" feature).
error-saml-metadata-required = Give the metadata's address (issuer) or paste it.
error-saml-metadata-fetch = The metadata could not be read at this address.
error-saml-metadata-too-large = This metadata is too large (1 MiB at most).
error-saml-metadata-unreadable = This is not a readable SAML metadata document.
error-saml-metadata-no-sso = This metadata gives no log-in address (SingleSignOnService HTTP-Redirect).
error-saml-metadata-certificate = This metadata's signing certificate cannot be read.
error-saml-metadata-unsigned = This metadata gives no signing certificate: answers could not be checked.
sso-failed-saml-link = A SAML provider is for logging in, not for linking to an account already signed in. Log out, then log in with { $provider }.
label-req-phone = Phone number
help-req-phone = Each voter gives a valid phone number (its format only: no text message is sent).
vote-req-phone = give a phone number;
vote-missing-phone = Give your phone number.
label-phone = Phone number
help-phone = For instance 06 12 34 56 78, or +41 79 123 45 67 outside France. It is not published.
error-phone-invalid = This phone number is not valid: 10 digits starting with 0, or the country code after +.
data-kept-phone = Your phone number, if a vote asked for it
data-kept-phone-why = A condition of the vote set by the organisation (nothing is sent to it).
label-q-req_id_code = Identification code required (sent to each voter)

## Petitions: stronger checks on supporters; questionnaires asking for a phone number
label-q-req_phone = Phone number required (its format only: no text message is sent)
petition-checks = Who may support
help-petition-checks = A confirmed email address is always asked for. Tick what each supporter must show as well; what they already gave is not asked again.
label-petition-req_verified_identity = Identity verified by an identity provider (FranceConnect…)
help-petition-identity = Each supporter logs in once with a provider that verifies identities.
label-petition-req_id_code = Identification code
help-petition-id-code = Each supporter enters one of the codes imported for this step once; a code serves one person only.
label-petition-req_phone = Phone number
help-petition-phone = Each supporter gives a valid phone number (its format only: no text message is sent).
petition-needs = To support the petitions of this step:
petition-needs-first = To support the petitions of this step, give once:
help-id-code-petition = The code you received by post, for instance "AB12-CD34". It serves for every petition of this step.
support-refused-identity = This petition asks for a verified identity: confirm it first with a recognised identity provider.

## Single sign-on: a provider's logo on its button
sso-logo = Button logo
sso-logo-intro = Shown before the label of the log-in button (the FranceConnect button keeps its official look).
help-sso-logo = PNG, JPEG, GIF or WebP; reduced to 96 pixels a side at most. Screen readers still read the label: the logo is decorative.
sso-logo-remove = Remove the logo
sso-delete-help = The accounts this provider created stay, with their email address; they can no longer log in through it. To only take it off the log-in page, untick "Offered on the log-in page".

## Group invitations are personal
invitation-other-address = This invitation was sent to { $email }, and you are logged in with another address. Log out, then log in (or sign up) with the address that received it; otherwise, ask the team to add you to the group.
label-sso-saml-metadata-file = Or the metadata file (SAML)
help-sso-saml-metadata-file = The XML file the directory gives; it replaces the text pasted above.
error-sso-saml-metadata-file = This file is not text: send the metadata's XML file.
