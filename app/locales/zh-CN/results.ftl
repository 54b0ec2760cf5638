# 结果：某次评估的结果页面（各维度成熟度、认知差距、热力图、各维度的题目），以及描述认知差距的句子。

results-title = 结果
results-heading = 结果：{ $name }
results-lead = 已提交 { $count } 份答卷。等级从 1（{ $lowest }）到 { $scale }（{ $highest }）。
results-empty = 还没有人提交。第一份答卷提交后，结果就会显示在这里；请在评估页面分享邀请链接。
results-hidden-small = 为保持匿名，以下职能只计入总体数据（答卷少于 { $min } 份）：{ $functions }。
results-hidden-shielding = 以下职能也只计入总体数据，以免他人用总数相减推算出其答案：{ $functions }。
results-hidden-function = { $function }（{ $count }）
results-everyone = 全体
results-maturity = 各维度成熟度
results-overall = 总体等级 { $level } / { $scale }
results-overall-detail = （离散度 { $spread }，不清楚 { $dont_know }）
results-radar-title = 各维度成熟度等级：全体及答卷足够的各职能
results-mean-per-dimension = 各维度平均等级
results-col-dimension = 维度
results-col-spread = 离散度
results-col-answers = 回答数
results-col-dont-know = 不清楚
results-col-question = 题目
results-col-mean = 平均值
results-col-levels = 所选等级（1 到 { $scale }）
results-percent = { $value }%

results-gaps = 认知差距
results-gaps-lead = 各职能对同一件事评分不同的地方，也就是仍然存在的部门壁垒。差距最大的排在最前。
results-gaps-none = 暂时没有可显示的差距：至少需要两个职能各自有足够的答卷。
results-gap-size = 差距 { $size }
# “销售对交接的评分为 4.1，客户成功为 2.2”：评分最高的职能、对象（维度标题，或加引号的题目）、其平均值，然后是评分最低的职能及其平均值。
results-gap-sentence = { $high }对{ $subject }的评分为 { $high_mean }，{ $low }为 { $low_mean }

results-heatmap = 热力图：职能 × 维度
results-heatmap-empty = 目前还没有哪个职能的答卷多到可以单独显示。

results-fact-mean = 平均等级
results-fact-agreement = 评分一致度
results-fact-consistency = 内部一致性
results-agreement-none = 回答太少，无法判断（每道题需要两个或以上的回答）。
results-agreement-value = { $value }（r_wg(J)：1 表示所有人选了相同的等级，0 表示与随机作答一样分散）
results-consistency-none = 数据不足（需要至少 3 份每道题都选了等级的答卷）。
results-consistency-value = { $value }（Cronbach's alpha：这些题目衡量的是否是同一件事）
