# 未登录访客看到的首页。

home-title = 一支营收团队，一份计划
home-lead = RevAlign 帮助企业把市场、销售和客户成功的运营整合为统一的营收运营（RevOps）职能：看清各团队之间的认知差距，招到能弥合差距的负责人，并按照由差距生成的路线图推进转型。
home-features = RevAlign 能做什么
home-assessment-title = 成熟度自评
home-assessment-body = 各职能回答同一套问题。结果按维度展示成熟度，更重要的是揭示市场、销售和客户成功在哪些方面看法不同。
home-scorecards-title = RevOps 负责人评分卡
home-scorecards-body = 围绕跨职能领导力、沟通协调和连接各团队的能力面试候选人，使用带行为锚点的评分标准；面试官提交之前互相看不到评分。
home-roadmap-title = 转型路线图
home-roadmap-body = 由差距生成分阶段的举措和组织设计步骤，并形成可供高管打印的报告。
