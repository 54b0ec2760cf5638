# invite
