# 邀请链接打开的页面：以当前登录的账户加入，或创建新账户。

invite-title = 邀请
invite-heading = 加入 { $organisation }
invite-intro = { $invited_by } 邀请您以{ $role }身份加入 { $organisation }。
invite-intro-signup = { $invited_by } 邀请您以{ $role }身份加入 { $organisation }。创建账户即可接受邀请。
invite-used = 此邀请已被使用。请向发送邀请的人索取新链接。
invite-revoked = 此邀请已被撤回。请向发送邀请的人索取新链接。
invite-expired = 此邀请已过期。请向发送邀请的人索取新链接。
invite-join = 加入组织
invite-signed-in-as = 您当前登录的账户是 { $email }。
invite-signup = 创建账户并加入
# “已有账户？[先登录]，然后再回到此链接。”
invite-have-account = 已有账户？
invite-sign-in-first = 先登录
invite-then-come-back = ，然后再回到此链接。
