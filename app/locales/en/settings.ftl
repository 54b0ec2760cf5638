# settings: the organisation page (members, invites, API tokens) and what its forms answer.

settings-title = Organisation
settings-invite-link = Invite link (shown only now, copy it before leaving this page)
settings-members = Members
settings-col-name = Name
settings-col-email = E-mail
settings-col-role = Role
settings-col-joined = Joined
settings-col-access = Access
settings-col-note = Note
settings-col-created = Created
settings-col-status = Status
settings-col-actions = Actions
settings-col-last-used = Last used
settings-remove = Remove
settings-remove-member = Remove { $name } from the organisation
settings-revoke = Revoke

settings-invite-title = Invite a colleague
settings-invite-intro = Create a link and send it to them in your own chat or e-mail. Anyone with the link can join, once, within 14 days.
settings-invite-submit = Create invite link
settings-field-role = Role
settings-role-member = Member: takes part, answers and interviews
settings-role-admin = Admin: also manages members and invites
settings-field-note = Note (optional)
settings-field-note-hint = Who it is for, so you can tell the links apart.
settings-invites = Invites
settings-invites-none = No invites yet.
settings-invite-accepted-by = Accepted by { $name }
settings-invite-open-until = Open until { $date }
settings-invite-no-note = (no note)
settings-invite-created-by = { $date } by { $name }
settings-revoke-invite = Revoke invite: { $note }

settings-tokens = API tokens
# Around the header to send and the address of the API description.
settings-tokens-intro-before = A token lets a script or another tool use the JSON API as you, with your role in this organisation: send it as{" "}
settings-tokens-intro-between = . The API is described at{" "}
settings-tokens-intro-after = .
settings-token-new = Your new token (shown only now, copy it before leaving this page)
settings-token-submit = Create token
settings-field-token-name = Token name
settings-field-token-name-hint = What it is for, e.g. “CRM sync”, so you can tell tokens apart.
settings-tokens-none = No API tokens yet.
settings-token-revoked-on = Revoked { $date }
settings-token-active = Active
settings-token-never-used = Never
settings-revoke-token = Revoke token: { $name }

# Notices and messages of the settings forms.
settings-invite-created = Invite link created. Send it to your colleague; it works once.
settings-invite-revoked = Invite revoked.
settings-member-removed = { $name } was removed from the organisation and signed out everywhere.
settings-token-created = API token created. Copy it now: it is shown only this once.
settings-token-revoked = API token revoked: requests with it are refused from now on.
settings-what-token-name = the token's name
settings-error-note-too-long = Shorten the note to at most { $max } characters.
settings-error-remove-yourself = You cannot remove yourself. Ask another admin to remove you.
settings-error-remove-owner = The owner who created the organisation cannot be removed.
settings-error-already-member = You already belong to this organisation, so the invite stays open for the person it was meant for.
settings-invite-just-used = This invite has just been used or revoked.
settings-invite-used = This invite has already been used.
settings-invite-withdrawn = This invite was withdrawn. Ask for a new one.
settings-invite-expired = This invite has expired. Ask for a new one.
