# 登录与创建组织。

signin-title = 登录
signin-submit = 登录
signin-new-here = 第一次使用？
signin-create = 创建组织
field-email = 电子邮箱
field-password = 密码
signup-title = 创建组织
signup-lead = 你将成为组织的所有者，并可以邀请市场、销售和客户成功团队的同事加入。
signup-submit = 创建组织
field-organisation-name = 组织名称
field-your-name = 你的姓名
field-work-email = 工作邮箱
password-hint = 8 到 128 个字符。由几个互不相关的词组成的密码更安全。
signup-have-account = 已有账户？
signup-sign-in = 登录
