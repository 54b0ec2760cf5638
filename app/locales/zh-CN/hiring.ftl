# 招聘：岗位及其面试安排、候选人、“我的面试”（面试工具和评分表）、复盘讨论，以及招聘表单的回复。
# 评估标准的文字（胜任力、行为锚点、问题、等级名称）属于内容，使用评估标准本身的语言。

hiring-title = 招聘
hiring-heading = 招聘 RevOps 负责人
hiring-intro = 结构化面试：对每位候选人提相同的问题，使用带行为锚点的评分等级，面试官各自独立填写评分表，再在复盘讨论中对照比较。
hiring-my-interviews = 我的面试
hiring-no-evidence = 无证据
hiring-list-separator = 、

hiring-roles-empty-admin = 还没有岗位。请在下方新建岗位，为您的 RevOps 负责人规划面试。
hiring-roles-empty-member = 还没有岗位。您所在组织的管理员可以新建岗位。
hiring-col-role = 岗位
hiring-col-rubric = 评估标准
hiring-col-interviews = 面试
hiring-col-candidates = 候选人
hiring-col-opened = 创建日期
hiring-col-competency = 胜任力
hiring-col-weight = 权重
hiring-col-interviewer = 面试官
hiring-col-candidate = 候选人
hiring-col-interview = 面试
hiring-col-scorecard = 评分表
hiring-col-scorecards = 评分表
hiring-col-decision = 决定
hiring-col-weighted-total = 加权总分
hiring-col-recommendation = 录用建议

hiring-open-role = 新建岗位
hiring-open-role-submit = 新建岗位
hiring-no-rubric = 没有可用的评估标准。请在 content/rubrics/ 下添加一份（参见 content/README.md），然后重启服务器。
hiring-role-title-label = 岗位名称
hiring-role-title-hint = 例如“营收运营副总裁”。
hiring-rubric-choice = { $title }（第 { $version } 版，{ $count } 项胜任力）

hiring-visibility-label = 面试官何时可以查看彼此的评分表
hiring-visibility-inherit = 沿用组织的规则：{ $rule }
hiring-visibility-title = 评分表可见性
hiring-visibility-intro = 面试官如果在形成自己的判断之前看到别人的评分，就会被别人的评分带偏。默认情况下，面试官只有在提交自己的评分表之后才能看到其他人的评分表；管理员始终可以看到已提交的评分表，任何人都看不到别人的草稿。
hiring-visibility-submit = 保存规则

hiring-calibration-title = 面试官校准
hiring-calibration-hint = 每位面试官在同一候选人、同一胜任力上的评分与面试小组其他成员的平均差值，汇总所有候选人计算。只有管理员可以看到此信息。
hiring-col-compared = 参与比较的评分数
hiring-col-average-difference = 平均差值
hiring-col-tendency = 倾向
hiring-leaning-lenient = 偏宽松：评分高于面试小组
hiring-leaning-severe = 偏严格：评分低于面试小组
hiring-leaning-in-line = 与面试小组一致
hiring-leaning-not-enough-data = 评分太少，无法判断

hiring-role-page-title = 岗位
hiring-fact-rubric = 评估标准
hiring-rubric-version = { $title }，第 { $version } 版
hiring-fact-scorecards = 评分表
hiring-visibility-fact = 面试官查看彼此的评分表：{ $rule }
hiring-visibility-fact-inherited = 面试官查看彼此的评分表：{ $rule }（沿用组织的规则）
hiring-competencies-title = 胜任力与权重
hiring-weights-submit = 保存权重和规则
hiring-weight-of = ：权重 { $weight }
hiring-suggested-title = 根据您的成熟度评估给出的建议
hiring-suggested-hint = 依据“{ $assessment }”：针对您最薄弱维度的胜任力会获得更高的权重。
hiring-col-now = 当前
hiring-col-suggested = 建议
hiring-col-why = 原因
hiring-default-weight = 默认权重
hiring-suggestion-reason = 对应维度“{ $dimension }”，在最近一次评估中得分为 { $level }（满分 { $scale }）：+{ $raise }
hiring-use-suggested = 采用建议的权重

hiring-plan-title = 面试安排
hiring-plan-hint = 每位候选人都要参加以下每一轮面试。
hiring-no-stages = 尚未安排面试。
hiring-stage-with = 面试官 { $interviewer }：
hiring-add-stage = 添加面试
hiring-add-stage-submit = 添加面试
hiring-stage-name-hint = 例如“与首席营销官的小组面试”。
hiring-focus-legend = 重点胜任力（2 到 4 项）

hiring-candidates-title = 候选人
hiring-no-candidates = 还没有候选人。
hiring-col-functions = 曾任职的职能数
hiring-scorecards-submitted = 已提交 { $submitted } / { $interviews }
hiring-add-candidate = 添加候选人
hiring-add-candidate-submit = 添加候选人
hiring-candidate-name = 姓名
hiring-candidate-current-title = 当前职位
hiring-compared-title = 候选人对比
hiring-compared-hint = 根据已提交的评分表计算的各项胜任力平均等级，以及按本岗位权重计算的加权总分（1 到 4）。

hiring-career-legend = 工作经历（选填）
hiring-career-hint = 能说明候选人在市场、销售和客户成功方面工作经历有多广的职位。
hiring-career-role = 职位 { $n }
hiring-career-function = 职位 { $n } 的职能
hiring-career-years = 职位 { $n } 的年限

hiring-candidate-page-title = 候选人
hiring-no-decision = 尚未记录决定。
hiring-decided = { $by } · { $at }
hiring-no-career = 没有记录工作经历。
hiring-col-function = 职能
hiring-col-years = 年限
hiring-breadth = 经历广度：
hiring-breadth-item = { $function } { $years } 年
hiring-debrief = 复盘讨论
hiring-career-title = 工作经历
hiring-interviews-title = 面试
hiring-debrief-closed-hint = 如果该岗位的规则允许面试官查看彼此的评分表，您提交自己的评分表之后即可查看复盘讨论。
hiring-decision-title = 决定

hiring-interviews-empty = 您目前没有面试。管理员为某个岗位安排由您主持的面试后，每位候选人的面试都会显示在这里。

hiring-interview-page-title = 面试
hiring-interview-heading = { $candidate }：{ $stage }
hiring-submitted-locked = 已于 { $at } 提交；您的评分表已锁定。
hiring-kit-intro = 如何使用这套面试工具
hiring-questions-to-ask = 面试问题
hiring-your-rating = 您对“{ $competency }”的评分
hiring-no-evidence-description = 面试中没有体现这项胜任力的表现。
hiring-evidence-label = “{ $competency }”的证据：您观察到了什么？
hiring-recommendation-legend = 总体录用建议
hiring-takeaways = 主要结论
hiring-takeaways-hint = 支持 Markdown：**粗体**、列表、链接。
hiring-autosave-saved = 草稿已保存。在您提交之前，其他人都看不到。
hiring-status-locked = 已提交的评分表不能再修改。
hiring-status-draft = 在您提交之前，草稿只有您自己可见。您可以随时保存；提交后将锁定。
hiring-save-draft = 保存草稿
hiring-submit-scorecard = 提交评分表

hiring-debrief-heading = 复盘讨论：{ $candidate }
hiring-not-enough-data = 数据不足。
hiring-no-recommendation = 未给出录用建议
hiring-submitted-at = 提交于 { $at }
hiring-grid-empty = 还没有人提交评分表。面试官提交后，评分会陆续填入表格。
hiring-grid-caption = 按胜任力和面试官列出的评分
hiring-col-competency-weight = 胜任力（权重）
hiring-col-mean = 平均值
hiring-col-spread = 离散度
hiring-col-flag = 提示
hiring-flag-levels = 评分相差 { $gap } 个等级：{ $low_by } { $low }，{ $high_by } { $high }
hiring-flag-recommendations = { $high }（{ $high_by }）与{ $low }（{ $low_by }）并存
hiring-record-decision = 记录决定
hiring-record-decision-submit = 记录决定
hiring-rationale = 理由
hiring-pending =
    { $count ->
       *[other] 有 { $count } 场面试尚未提交评分表，未计入表格。
    }
hiring-weighted-total-value = { $total }（满分 4）
hiring-alpha-ordinal = Krippendorff alpha 系数（定序）
hiring-alpha-interval = Krippendorff alpha 系数（定距）
hiring-icc-single = ICC(2,1)，单个面试官
hiring-icc-panel = ICC(2,k)，整个面试小组
hiring-agreement-hint = alpha 系数和 ICC 的取值从低于 0（系统性的意见分歧）到 1（完全一致）；通常认为 0.67 及以上属于可接受的一致程度。
hiring-note-alpha-too-few = 数据不足：alpha 系数至少需要 { $min } 项由两位或更多面试官评分的胜任力。
hiring-note-icc-too-few = 数据不足：ICC 至少需要 { $min } 项由每位面试官都给出等级的胜任力，以及至少 { $raters } 位面试官。
hiring-note-same-level = 所有评分都是同一个等级，因此无法衡量一致程度。
hiring-note-undefined = 无法根据这些评分计算一致程度。

# 招聘表单的回复。
hiring-role-opened = 岗位已创建。请在下方规划面试并添加候选人。
hiring-visibility-saved = 可见性规则已保存。从现在起，所有没有单独规则的岗位都沿用这条规则。
hiring-role-saved = 已保存。
hiring-stage-added = 面试已添加到安排的末尾。该面试的面试官现在需要为每位候选人填写一份评分表。
hiring-candidate-added = 候选人已添加。该岗位面试安排中的每位面试官现在需要为其填写一份评分表。
hiring-scorecard-submitted = 评分表已提交。
hiring-draft-saved = 草稿已保存。其他人都看不到。
hiring-decision-recorded = 决定已记录，并连同您的姓名和理由列在下方。

# 校验信息；{ $what } 用于“请输入{ $what }。”等信息（见 auth.ftl）。
hiring-what-role-title = 岗位名称
hiring-what-stage-name = 面试名称
hiring-what-candidate-name = 候选人姓名
hiring-what-candidate-title = 候选人的当前职位
hiring-what-career-title = 职位 { $n } 的名称
hiring-error-visibility = 请选择面试官何时可以查看彼此的评分表：never（从不）、after-submit（提交之后）或 always（始终）。
hiring-error-rubric = 请从列出的评估标准中选择一个。
hiring-error-weight-competency = 这项胜任力不属于该岗位的评估标准。
hiring-error-weight = 请输入大于 0、不超过 10 的权重，例如 1 或 2.5。
hiring-error-interviewer = 请从您所在组织的成员中选择一位面试官。
hiring-error-focus-unknown = “{ $id }”不是该岗位的胜任力，请从列表中选择。
hiring-error-focus-count = 请选择 { $min } 到 { $max } 项重点胜任力（您选择了 { $chosen } 项），这样才能深入考察每一项。
hiring-error-career-count = 最多列出 { $max } 个职位。
hiring-error-career-function = 请选择职位 { $n } 的职能：市场、销售、客户成功、运营或其他。
hiring-error-career-years = 请用 0.1 到 50 之间的数字填写职位 { $n } 的年限，例如 2.5。
hiring-error-rating-unknown = “{ $id }”不是本场面试的重点胜任力。
hiring-error-rating-missing = 请为“{ $competency }”评分；如果面试中没有体现，请选择“无证据”。
hiring-error-rating-level = 请选择 1 到 { $scale } 之间的等级，或选择“无证据”。
hiring-error-evidence-long = “{ $competency }”的证据最多 { $max } 个字符（当前 { $count } 个），请缩短。
hiring-error-evidence-missing = 请写下您观察到的、能支持“{ $competency }”所选等级的表现。
hiring-error-recommendation-missing = 请选择您的总体录用建议。
hiring-error-recommendation = 请选择强烈不建议录用、不建议录用、建议录用或强烈建议录用。
hiring-error-takeaways-long = 主要结论最多 { $max } 个字符（当前 { $count } 个），请缩短。
hiring-error-locked = 这份评分表已提交并锁定，不能再修改。
hiring-hidden-never = 该岗位的面试官从不查看彼此的评分表；管理员可以查看。
hiring-hidden-submit-first = 请先提交您自己的评分表：在您提交之前，其他面试官的评分表不会显示。
hiring-error-outcome = 请选择录用、不录用或暂缓决定。
hiring-error-rationale-missing = 请写下做出这个决定的理由，让面试小组和以后查看的人都能了解。
hiring-error-rationale-long = 理由最多 { $max } 个字符，请缩短。
