# Signing in and creating an organisation.

signin-title = Sign in
signin-submit = Sign in
signin-new-here = New here?
signin-create = Create an organisation
field-email = E-mail address
field-password = Password
signup-title = Create an organisation
signup-lead = You become its owner and can invite your colleagues from marketing, sales and customer success.
signup-submit = Create organisation
field-organisation-name = Organisation name
field-your-name = Your name
field-work-email = Work e-mail address
password-hint = 8 to 128 characters. A few unrelated words make a strong password.
signup-have-account = Already have an account?
signup-sign-in = Sign in

# What the sign-in and sign-up forms answer. The same message for an unknown e-mail and a
# wrong password: telling them apart would reveal who has an account.
auth-sign-in-failed = The e-mail address or password is incorrect.
auth-signed-out = You have signed out.
auth-error-password-empty = Enter your password.
auth-error-email-taken = An account with this e-mail address already exists. Sign in instead.
auth-error-email-taken-invite = An account with this e-mail address already exists. Sign in, then open the invite link again.
auth-error-no-organisation = Your account does not belong to any organisation any more. Ask an admin for a new invite.
auth-what-your-name = your name
auth-what-organisation-name = your organisation's name
account-error-email-empty = Enter your e-mail address.
account-error-email-too-long = That e-mail address is too long (at most 254 characters).
account-error-email-invalid = Enter an e-mail address like name@company.com.
account-error-password-short = Use at least { $min } characters for your password.
account-error-password-long = Use at most { $max } characters for your password.
# $what names the field: "your name", "the token's name".
account-error-name-empty = Enter { $what }.
account-error-name-too-long = Shorten { $what } to at most { $max } characters.
account-error-name-control = Remove the control characters from { $what }.
account-error-role = Choose either admin or member.
