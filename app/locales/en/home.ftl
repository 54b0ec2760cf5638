# The start page for visitors who are not signed in.

home-title = One revenue team, one plan
home-lead = RevAlign helps companies merge marketing, sales and customer success operations into one Revenue Operations function: see where the teams disagree, hire the leader who can bridge them, and follow a roadmap built from the gaps.
home-features = What RevAlign does
home-assessment-title = Maturity self-assessment
home-assessment-body = Each function answers the same questions. Results show maturity per dimension and, above all, where marketing, sales and customer success see things differently.
home-scorecards-title = RevOps leader scorecards
home-scorecards-body = Interview candidates on cross-functional leadership, diplomacy and bridging the teams, on anchored scales, blind to each other until they submit.
home-roadmap-title = Transformation roadmap
home-roadmap-body = Phased initiatives and org-design steps from the gaps, in a report your executives can print.
