# 答卷人通过评估链接看到的页面：开始、各步骤、核对、致谢；保存与提交答案时的提示；
# 以及各交互组件（表单、自动保存、复制按钮）显示的文字，由服务器翻译后作为属性传入。

questionnaire-title = 成熟度评估
questionnaire-for-person = 本问卷由 { $name } 填写，请从{ $function }的视角作答。
questionnaire-for-function = 您将以{ $function }团队成员的身份作答。
questionnaire-submitted = 您已提交答案，感谢参与！
questionnaire-closed = 此评估已于 { $on } 截止，无法再作答或修改答案。
questionnaire-withdrawn = 此链接已被组织撤回。请向发送链接的人索取新链接。
questionnaire-continue = 从上次中断处继续
questionnaire-start = 开始
questionnaire-start-lead = 共 { $questions } 道题，分 { $steps } 步，大约需要 10 到 15 分钟。每个答案都会即时保存：您可以随时关闭此页面，稍后再次打开链接继续作答。

# 进度行：“第 2 步（共 8 步） · 已回答 7/40 题”。
questionnaire-progress-label = 已回答的问题
questionnaire-progress-step = 第 { $step } 步（共 { $steps } 步）
questionnaire-progress-answered = 已回答 { $answered }/{ $total } 题

questionnaire-locked = 您已提交，答案已锁定，此处仅供查看。
questionnaire-saved-on-next = 进入下一步时会保存本页答案。
questionnaire-save-continue = 保存并继续
questionnaire-save-review = 保存并核对
questionnaire-back = 上一步
questionnaire-dont-know = 不清楚
questionnaire-not-applicable = 对我们不适用
questionnaire-add-comment = 添加备注（选填）
questionnaire-comment-on = 对此题的备注：{ $question }

questionnaire-review-title = 核对并提交
questionnaire-review-step = 步骤
questionnaire-review-answered = 已回答
questionnaire-review-step-complete = { $answered }/{ $total }
questionnaire-review-step-incomplete = { $answered }/{ $total } · 未完成
questionnaire-review-complete = 所有问题均已作答。提交后答案将被锁定，无法再修改。
questionnaire-review-incomplete = 还有问题尚未作答。不确定的地方请选择“不清楚”，然后提交。
questionnaire-submit = 提交我的答案

questionnaire-thanks-title = 感谢参与
questionnaire-thanks-body = 您对“{ $campaign }”的答案已提交。这些答案会与同事的答案汇总统计，任何人都看不到您个人的作答。
questionnaire-thanks-close = 现在可以关闭此页面了。
questionnaire-not-submitted = 尚未提交
questionnaire-review-link = 核对并提交您的答案

# 保存与提交答案。
questionnaire-error-closed = 此评估已于 { $on } 截止，答案无法再修改。
questionnaire-error-withdrawn = 此链接已被组织撤回，请向对方索取新链接。
questionnaire-error-no-response = 在此浏览器中找不到您的答案。请重新打开链接并点击“开始”。
questionnaire-error-comment-needs-answer = 请先选择一个答案（选“不清楚”也可以），备注才能保存。
questionnaire-error-too-many = 每次最多提交 { $max } 个答案。
questionnaire-error-locked = 您已提交此评估，答案已锁定。
questionnaire-error-no-question = 此评估中没有问题“{ $question }”。
questionnaire-error-level = 请选择 1 到 { $scale } 级中的一个等级，或选择“不清楚”或“不适用”。
questionnaire-error-comment-too-long = 请将备注缩短到 { $max } 个字符以内（当前为 { $count } 个字符）。
questionnaire-error-unanswered = 还有 { $count } 道题尚未作答（最早一道在第 { $step } 步）。不确定的地方请选择“不清楚”。

# 交互组件显示的文字。`{ $status }` 以 “{status}” 原样传给组件，由它填入状态码。
island-form-unreachable = 无法连接服务器。请检查网络连接后重试；您填写的内容仍然保留。
island-server-error = 服务器返回了错误（{ $status }）。请重试。
island-autosave-saving = 正在保存…
island-autosave-saved = 本页所有答案均已保存。
island-autosave-not-saved = 未保存：请查看上方的提示。
island-autosave-unreachable = 未保存：无法连接服务器。您的选择仍然保留，请点击保存按钮重试。
island-copy-link = 复制链接
island-copy-token = 复制令牌
island-copied = 已复制
island-copied-link = 已将链接复制到剪贴板
island-copied-token = 已将令牌复制到剪贴板
