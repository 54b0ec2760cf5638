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
