# results: a campaign's results page (maturity per dimension, perception gaps, heatmap,
# each dimension's questions) and the sentences that name a perception gap.

results-title = Results
results-heading = Results: { $name }
results-lead =
    { $count ->
        [one] { $count } submitted response. Levels run from 1 ({ $lowest }) to { $scale } ({ $highest }).
       *[other] { $count } submitted responses. Levels run from 1 ({ $lowest }) to { $scale } ({ $highest }).
    }
results-empty = No one has submitted yet. Results appear here as soon as the first response is submitted; share the invitation links from the assessment page.
results-hidden-small = Counted only in the totals, to keep answers anonymous (fewer than { $min } responses): { $functions }.
results-hidden-shielding = Also counted only in the totals, so that their answers cannot be worked out by subtraction: { $functions }.
# One function in the lists above: "Finance (2)".
results-hidden-function = { $function } ({ $count })
results-everyone = Everyone
results-maturity = Maturity per dimension
results-overall = Overall level { $level } of { $scale }
# After the overall level; begins with the space English puts before a parenthesis.
results-overall-detail = {" "}(spread { $spread }, don't know { $dont_know })
results-radar-title = Maturity level per dimension, everyone and each function with enough responses
results-mean-per-dimension = Mean level per dimension
results-col-dimension = Dimension
results-col-spread = Spread
results-col-answers = Answers
results-col-dont-know = Don't know
results-col-question = Question
results-col-mean = Mean
results-col-levels = Levels chosen (1 to { $scale })
results-percent = { $value } %

results-gaps = Perception gaps
results-gaps-lead = Where functions rate the same thing differently: the silos that are still there. Largest first.
results-gaps-none = No gaps to show yet: that needs at least two functions with enough responses each.
results-gap-size = gap { $size }
# "Sales rates handoffs 4.1, customer success 2.2": the function that rates highest, what
# (a dimension title with its first letter lower-cased, or a question in quotes), its mean,
# then the lowest function (lower case) and its mean.
results-gap-sentence = { $high } rates { $subject } { $high_mean }, { $low } { $low_mean }

results-heatmap = Heatmap: function × dimension
results-heatmap-empty = No function has enough responses yet to be shown on its own.

results-fact-mean = Mean level
results-fact-agreement = Agreement
results-fact-consistency = Consistency
results-agreement-none = Too few answers to tell (needs two or more answers per question).
results-agreement-value = { $value } (r_wg(J): 1 = everyone gave the same levels, 0 = as scattered as random answers)
results-consistency-none = Not enough data (needs at least 3 responses that answered every question with a level).
results-consistency-value = { $value } (Cronbach's alpha: how consistently the questions measure one thing)
