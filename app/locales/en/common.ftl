# The frame every page shares: header, navigation, footer, the language switcher, errors.

site-description = RevAlign: RevOps maturity assessments, leader scorecards and transformation roadmaps.
skip-to-content = Skip to content
footer-tagline = RevAlign · one revenue team: marketing, sales and customer success
loading = Loading…
back = Back
back-to-start = Back to the start page

nav-main = Main
nav-account = Account
nav-dashboard = Dashboard
nav-assessments = Assessments
nav-hiring = Hiring
nav-interviews = Interviews
nav-organisation = Organisation
header-organisation = Organisation
sign-in = Sign in
sign-out = Sign out
create-organisation = Create an organisation

language-label = Language
# The switcher's button says the other language's name in that language; this is its
# accessible description.
language-switch-to = Switch the language to { $language }

error-title-not-found = Not found
error-title-forbidden = No access
error-title-unauthenticated = Please sign in
error-title-rate-limited = Too many attempts
error-title-unavailable = Busy
error-title-other = Something went wrong
error-unauthenticated = Please sign in to continue.
error-forbidden = You do not have access to this.
error-not-found = We could not find that. It may have been removed, or the link is wrong.
error-rate-limited = Too many attempts. Please wait { $seconds } seconds and try again.
error-unavailable = The service is busy right now. Please try again in a moment.
error-internal = Something went wrong on our side. Nothing you entered was lost; please try again.
error-invalid-fields =
    { $count ->
        [one] Please correct the highlighted field.
       *[other] Please correct the highlighted fields.
    }

not-found-title = Page not found
not-found-body = There is no page at this address. It may have moved, or the link may be mistyped.
not-found-link = Go to the start page
language-unknown = Choose one of the languages offered.
busy-form-not-taken = RevAlign is busy right now and did not take this form. Use your browser's Back button: what you entered is still there; send it again in a few seconds.
busy-try-again = RevAlign is busy right now. Please try again in a few seconds.
# Between the items of a list written in a sentence ("Sales (2), Finance (1)").
list-separator = {", "}
# The last two items of such a list ("A, B and C").
list-and = { $init } and { $last }
# A form post that did not come from one of our pages (a cross-site request), refused.
cross-site-refused = This request did not come from a RevAlign page, so it was refused. Reload the page and try again.
