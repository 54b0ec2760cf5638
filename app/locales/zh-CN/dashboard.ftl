# 仪表板：登录后的首页。

dashboard-title = 仪表板
dashboard-coming-next = 即将推出
dashboard-scorecards = 负责人评分卡
dashboard-scorecards-empty = 还没有开放的岗位。RevOps 负责人候选人的面试计划和盲评评分卡即将推出。
dashboard-roadmaps = 路线图和报告
dashboard-roadmaps-empty = 路线图根据评估中的差距生成：请先进行一次评估。
