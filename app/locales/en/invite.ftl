# The page an invitation link leads to: join as the signed-in user, or create an account.

invite-title = Invitation
invite-heading = Join { $organisation }
invite-intro = { $invited_by } invited you to join { $organisation } as { $role }.
invite-intro-signup = { $invited_by } invited you to join { $organisation } as { $role }. Create your account to accept.
invite-used = This invite has already been used. Ask the person who sent it for a new link.
invite-revoked = This invite was withdrawn. Ask the person who sent it for a new link.
invite-expired = This invite has expired. Ask the person who sent it for a new link.
invite-join = Join organisation
invite-signed-in-as = You are signed in as { $email }.
invite-signup = Create account and join
# "Already have an account? [Sign in first], then come back to this link." The space
# before the link is part of the first piece (Chinese has none).
invite-have-account = Already have an account?{" "}
invite-sign-in-first = Sign in first
invite-then-come-back = , then come back to this link.
