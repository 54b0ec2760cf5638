# 路线图：某次评估的转型路线图、高管报告，以及路线图表单的提示。举措的标题、步骤和
# KPI 属于内容；规划器给出的原因和历史记录（按写入时保存）暂时保留英文。

roadmap-title = 路线图
roadmap-report-title = 高管报告
roadmap-crumb-results = 结果
roadmap-heading = 路线图：{ $name }
roadmap-intro = 从举措库中挑选能缩小各维度现状与目标差距的举措：差距最大、认知差距最大的优先，并按阶段排布，兼顾前置条件和您设定的产能。每次重新规划时，您做的调整、移除和负责人设置都会保留。
roadmap-no-answers = 目前还没有人提交答卷，暂时无法制定规划。请在评估页面分享邀请链接；收到第一份答卷后，路线图就会出现。

roadmap-downloads = 下载
roadmap-download-report-md = 报告（Markdown）
roadmap-download-results-csv = 结果（CSV）
roadmap-download-results-json = 结果（JSON）
roadmap-download-roadmap-csv = 路线图（CSV）
roadmap-download-roadmap-json = 路线图（JSON）

roadmap-plan = 规划
roadmap-timeline-title = 路线图时间线：共 { $count } 个阶段
roadmap-timeline-bar = { $title }（{ $effort } 人周）
roadmap-phase-title = 第 { $number } 阶段 · { $start } – { $end }
roadmap-phase-title-month = 第 { $number } 阶段 · { $month }
roadmap-phase-effort = 已排 { $effort } / { $capacity } 人周
roadmap-phase-effort-over = 已排 { $effort } / { $capacity } 人周（因固定的举措超出产能）
roadmap-phase-empty = 此阶段暂无安排。
roadmap-unscheduled = 未排期
roadmap-unscheduled-none = 实现目标所需的举措都已排入规划。
roadmap-unscheduled-intro = 这些举措是实现目标所需的，但没有排入任何阶段，下面附有原因。您可以提高产能、增加阶段，或者自己把它移入某个阶段。
roadmap-dropped = 已移除
roadmap-dropped-reason = 已移除：恢复之前不会再排入规划。
roadmap-history = 变更记录
roadmap-history-empty = 还没有任何变更：这是根据评估结果和默认设置算出的规划。
roadmap-history-by = { $who } · { $at }

roadmap-settings-title = 目标与产能
roadmap-settings-summary = 共 { $phases } 个阶段，每个阶段为期{ $length ->
        [month] 一个月
        [quarter] 一个季度
       *[half-year] 半年
    }，自 { $start } 起，每个阶段 { $capacity } 人周。所有者和管理员可以修改这些设置。
roadmap-settings-intro = 设定每个维度要达到的水平，以及团队每个阶段能投入多少，下方的规划会随之调整。目标留空表示在现有水平上提高一级（最高为 5）。
roadmap-settings-submit = 保存并重新规划
roadmap-settings-saved = 设置已保存，路线图已重新规划。固定、移动和移除过的举措保持您设定的状态。
roadmap-field-phases = 阶段数
roadmap-field-phase-length = 阶段时长
roadmap-field-starts-on = 第一阶段开始日期
roadmap-field-capacity = 每阶段人周
roadmap-targets-caption = 各维度目标
roadmap-col-dimension = 维度
roadmap-col-now = 现状
roadmap-col-widest-gap = 最大认知差距
roadmap-col-target = 目标
roadmap-col-before = 之前
roadmap-col-change = 变化
roadmap-col-after-phase = 第 { $number } 阶段后
roadmap-gap-between = { $high } 与 { $low } 相差 { $gap }
roadmap-target-for = { $dimension }的目标

roadmap-initiative-meta = 投入 { $effort } 人周 · 影响：{ $impact } · 牵头职能：{ $function }
roadmap-initiative-meta-owner = 投入 { $effort } 人周 · 影响：{ $impact } · 牵头职能：{ $function } · 负责人：{ $owner }
roadmap-initiative-lifts = 提升：{ $lifts }
roadmap-initiative-lifts-needs = 提升：{ $lifts } · 前置条件：{ $needs }
roadmap-initiative-kpis = 进展体现在：{ $kpis }
roadmap-list-separator = 、
roadmap-kpi-separator = ；
roadmap-list-and = { $init }和{ $last }
roadmap-badge-pinned = 已固定
roadmap-badge-org-design = 组织设计
roadmap-badge-done = 已于 { $date } 完成
roadmap-field-phase = 阶段
roadmap-move = 移动
roadmap-put-in-phase = 排入阶段
roadmap-restore = 恢复
roadmap-unpin = 交给规划器安排
roadmap-drop = 移除
roadmap-mark-done = 标记为完成
roadmap-mark-not-done = 标记为未完成
roadmap-field-owner = 负责人
roadmap-save-owner = 保存负责人

roadmap-projections = 预计水平
roadmap-projections-intro = 如果按计划完成各项举措，每个阶段结束后各维度预计达到的水平。
roadmap-since = 与“{ $campaign }”（{ $date }）相比
roadmap-since-intro = 与同一模型上一次评估相比，各维度的变化。
roadmap-done-between = 期间完成的举措
roadmap-done-between-none = 上一份路线图中没有举措被标记为完成。
roadmap-done-item = { $initiative }（{ $date } 完成）
roadmap-done-item-by = { $initiative }（{ $name } 于 { $date } 完成）

roadmap-report-heading = 高管报告：{ $name }
roadmap-report-generated = { $model } · 生成于 { $date }
roadmap-report-pdf-hint = 如需保存为 PDF，请打印本页并选择“另存为 PDF”；导航和按钮不会打印，每个部分都从新的一页开始。
roadmap-report-summary = 摘要
roadmap-report-top-gaps = 主要认知差距
roadmap-report-gap = 相差 { $gap }
roadmap-projected-after-phase = 第 { $number } 阶段后预计
roadmap-maturity = 成熟度：现状、目标与预计
roadmap-maturity-chart = 各维度成熟度：现状、目标，以及路线图结束时的预计水平
roadmap-maturity-caption = 各维度水平
roadmap-report-phase-empty = 暂无安排。
roadmap-report-phase = { $phase }（已排 { $effort } / { $capacity } 人周）
roadmap-report-initiative = 投入 { $effort } 人周 · { $function } · { $reason }
roadmap-report-initiative-owner = 投入 { $effort } 人周 · { $function }（负责人：{ $owner }） · { $reason }
roadmap-org-design = 组织设计
roadmap-org-design-intro = 随着 RevOps 职能逐步成形需要设立的岗位和团队：先设一位统管市场、销售和客户成功的负责人，再随着职能成熟，配备战略、规划以及薪酬激励方面的专业人员。
roadmap-org-design-none = 实现目标不需要任何组织设计步骤。
roadmap-org-design-not-scheduled = 未排期
roadmap-hiring = 招聘 RevOps 负责人
roadmap-hiring-none = 目前没有开放的 RevOps 负责人岗位。可以在“招聘”中新建岗位，按评估标准面试候选人。
roadmap-hiring-no-candidates = 暂无可显示的候选人。
roadmap-hiring-role = { $role }（每位候选人 { $count } 轮面试）
roadmap-col-candidate = 候选人
roadmap-col-scorecards = 评分表
roadmap-col-state = 状态
roadmap-scorecards-of = { $submitted } / { $interviews }
roadmap-candidate-decided = 已决定：{ $outcome }
roadmap-candidate-no-interviews = 尚未安排面试
roadmap-candidate-debrief-ready = 可以进行复盘讨论
roadmap-candidate-scorecards-in = 已收到 { $submitted } / { $interviews } 份评分表

roadmap-summary-no-answers = 目前还没有人提交答卷，暂时没有可报告的内容；请分享邀请链接，收到答卷后再来查看。
roadmap-summary-overall-named = { $count ->
       *[other] 来自{ $functions }的 { $count } 人
    }参与了作答；整体水平为 { $level }（满分 { $max }，{ $name }）。
roadmap-summary-overall = { $count ->
       *[other] 来自{ $functions }的 { $count } 人
    }参与了作答；整体水平为 { $level }（满分 { $max }）。
roadmap-summary-no-level = { $count ->
       *[other] 共 { $count } 人
    }作答，但没有人给出水平评分。
roadmap-summary-strongest-weakest = 最强：{ $strongest }（{ $strongest_level }）。最弱：{ $weakest }（{ $weakest_level }）。
roadmap-summary-gap = { $sentence }（相差 { $gap }）
roadmap-summary-gaps = 各职能看法不一致的地方：{ $gaps }。
roadmap-summary-no-gaps = 暂时无法显示认知差距：至少需要两个职能各自有足够的答卷。
roadmap-summary-nothing-planned = 路线图中没有规划任何举措：要么各维度都已达到目标，要么举措库中没有能进一步提升它们的举措。
roadmap-summary-plan = 路线图在 { $phases ->
       *[other] { $phases } 个阶段
    }内规划了 { $initiatives ->
       *[other] { $initiatives } 项举措
    }，截至 { $until }；届时预计 { $dimensions } 个维度中有 { $reached } 个达到目标。
roadmap-summary-since-unchanged = 与“{ $campaign }”（{ $date }）相比，没有维度发生变化。
roadmap-summary-since = 与“{ $campaign }”（{ $date }）相比：{ $moved }。

roadmap-change-settings = 修改了设置：{ $changes }
roadmap-change-settings-unchanged = 保存了设置，未做改动
roadmap-change-separator = ；
roadmap-change-phases = 阶段数 { $from } → { $to }
roadmap-change-capacity = 每阶段产能 { $from } → { $to } 人周
roadmap-change-phase-length = 阶段长度 { $from } → { $to }
roadmap-change-start = 开始日期 { $from } → { $to }
roadmap-change-target = { $dimension }的目标 { $from } → { $to }
roadmap-change-target-default = 默认
roadmap-change-moved = 将“{ $initiative }”从第 { $from } 阶段移到第 { $to } 阶段
roadmap-change-pinned = 将“{ $initiative }”固定在第 { $phase } 阶段
roadmap-change-dropped = 移除了“{ $initiative }”
roadmap-change-restored = 恢复了“{ $initiative }”：由规划器重新安排
roadmap-change-owner-cleared = 清除了“{ $initiative }”的负责人
roadmap-change-owner = 将 { $name } 设为“{ $initiative }”的负责人
roadmap-change-done = 将“{ $initiative }”标记为完成
roadmap-change-not-done = 将“{ $initiative }”标记为未完成
roadmap-change-notice = { $change }。
roadmap-what-owner-name = 负责人姓名

roadmap-error-phases = 请输入 1 到 { $max } 之间的整数作为阶段数。
roadmap-error-capacity = 请输入每个阶段可投入的人周数，须大于 0 且不超过 { $max }（例如 12 或 7.5）。
roadmap-error-phase-length = 请选择按月、按季度或按半年。
roadmap-error-starts-on = 请以日期格式（YYYY-MM-DD）输入第一阶段的开始日期。
roadmap-error-unknown-dimension = “{ $id }”不是本次评估所用模型中的维度。
roadmap-error-target = 请输入 1 到 { $max } 之间的目标水平（例如 3 或 3.5），留空则使用默认值。
roadmap-error-choose-phase = 请选择要放入的阶段。
roadmap-error-unknown-action = 请选择如何处理这项举措：移动、移除、恢复、设置负责人或标记为完成。
roadmap-error-phase-range = 请选择第 1 到第 { $max } 阶段之间的阶段。
roadmap-error-drop-done = 这项举措已标记为完成；请先标记为未完成，再移除。
roadmap-error-already-done = 这项举措已经标记为完成。
roadmap-error-not-done = 这项举措尚未标记为完成。
roadmap-error-done-unscheduled = 只有已排入规划的举措才能标记为完成；请先把它移入某个阶段。

# 规划器给出的原因（domain/reason.rs）：某项举措为什么排在这个阶段，或者为什么没有排入规划。
planner-gap = { $dimension }：{ $current } → 目标 { $target }
planner-gap-differ = { $gap }；{ $high }和{ $low }相差 { $size }
planner-gap-needed-before = { $gap }；{ $titles }需要先完成它
planner-needed-before = { $titles }需要先完成它
planner-nothing-below-target = 它提升的维度都没有低于目标
planner-pinned = 已固定。{ $body }
planner-pin-moved = 固定在第 { $requested } 阶段；因为需要先完成{ $blockers }，顺延到第 { $phase } 阶段。{ $body }
planner-pin-last = 固定在第 { $requested } 阶段；规划没有这么多阶段，放在最后的第 { $phase } 阶段。{ $body }
planner-pinned-unscheduled = 固定在第 { $phase } 阶段。{ $cause }
planner-no-phases = 规划中没有阶段
planner-needs-dropped =
    { $count ->
       *[other] 需要先完成{ $titles }，但已被移除
    }
planner-needs-unknown =
    { $count ->
       *[other] 需要先完成{ $ids }，但举措库中没有
    }
planner-no-effort = 没有有效的工作量估算
planner-too-big = 需要 { $effort } 人周，超过一个阶段的产能（{ $capacity } 人周）
planner-needs-unscheduled =
    { $count ->
       *[other] 需要先完成{ $titles }，但它们尚未排期
    }
planner-needs-last-phase =
    { $count ->
       *[other] 需要先完成{ $titles }，但它们要到最后一个阶段才完成
    }
planner-no-capacity-phase = 第 { $phase } 阶段剩余的产能放不下
planner-no-capacity-phases = 第 { $first }–{ $last } 阶段剩余的产能都放不下
