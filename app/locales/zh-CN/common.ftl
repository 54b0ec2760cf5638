# 所有页面共用的框架：页眉、导航、页脚、语言切换和错误信息。

site-description = RevAlign：RevOps 成熟度评估、负责人候选人评分卡与转型路线图。
skip-to-content = 跳到正文
footer-tagline = RevAlign · 一支营收团队：市场、销售与客户成功
loading = 正在加载…
back = 返回
back-to-start = 返回首页

nav-main = 主导航
nav-account = 账户
nav-dashboard = 概览
nav-assessments = 成熟度评估
nav-hiring = 招聘
nav-interviews = 面试
nav-organisation = 组织
header-organisation = 组织
sign-in = 登录
sign-out = 退出登录
create-organisation = 创建组织

language-label = 语言
# 切换按钮显示另一种语言的自称；这是它的无障碍说明。
language-switch-to = 将语言切换为 { $language }

error-title-not-found = 未找到
error-title-forbidden = 无权访问
error-title-unauthenticated = 请先登录
error-title-rate-limited = 尝试次数过多
error-title-unavailable = 系统繁忙
error-title-other = 出了点问题
error-unauthenticated = 请登录后继续。
error-forbidden = 您无权访问此内容。
error-not-found = 找不到该内容。它可能已被删除，或链接有误。
error-rate-limited = 尝试次数过多。请等待 { $seconds } 秒后再试。
error-unavailable = 服务当前繁忙，请稍后再试。
error-internal = 我们这边出了问题。您填写的内容没有丢失，请再试一次。
error-invalid-fields =
    { $count ->
       *[other] 请修改标出的字段。
    }

not-found-title = 页面不存在
not-found-body = 此地址没有页面。页面可能已移动，或链接输入有误。
not-found-link = 前往首页
language-unknown = 请选择所提供的语言之一。
busy-form-not-taken = RevAlign 当前繁忙，未能接收此表单。请使用浏览器的“返回”按钮：您填写的内容仍在，几秒钟后再提交一次。
busy-try-again = RevAlign 当前繁忙，请几秒钟后再试。
# 句子中列举多项时的分隔符（“销售（2）、财务（1）”）。
list-separator = 、
list-and = { $init }和{ $last }
cross-site-refused = 此请求并非来自 RevAlign 页面，已被拒绝。请刷新页面后重试。
