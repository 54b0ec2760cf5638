# 登录与创建组织。

signin-title = 登录
signin-submit = 登录
signin-new-here = 第一次使用？
signin-create = 创建组织
field-email = 电子邮箱
field-password = 密码
signup-title = 创建组织
signup-lead = 您将成为组织的所有者，并可以邀请市场、销售和客户成功团队的同事加入。
signup-submit = 创建组织
field-organisation-name = 组织名称
field-your-name = 您的姓名
field-work-email = 工作邮箱
password-hint = 8 到 128 个字符。由几个互不相关的词组成的密码更安全。
signup-have-account = 已有账户？
signup-sign-in = 登录

auth-sign-in-failed = 电子邮箱或密码不正确。
auth-signed-out = 您已退出登录。
auth-error-password-empty = 请输入密码。
auth-error-email-taken = 该电子邮箱已注册账户，请直接登录。
auth-error-email-taken-invite = 该电子邮箱已注册账户。请先登录，然后重新打开邀请链接。
auth-error-no-organisation = 您的账户已不属于任何组织。请联系管理员重新发送邀请。
auth-what-your-name = 您的姓名
auth-what-organisation-name = 组织名称
account-error-email-empty = 请输入您的电子邮箱。
account-error-email-too-long = 电子邮箱地址过长（最多 254 个字符）。
account-error-email-invalid = 请输入有效的电子邮箱，例如 name@company.com。
account-error-password-short = 密码至少需要 { $min } 个字符。
account-error-password-long = 密码最多 { $max } 个字符。
account-error-name-empty = 请输入{ $what }。
account-error-name-too-long = { $what }最多 { $max } 个字符，请缩短。
account-error-name-control = 请删除{ $what }中的控制字符。
account-error-role = 请选择管理员或成员。
