# hiring: roles and their interview plan, candidates, "my interviews" with the interview kit
# and scorecard, the debrief, and what the hiring forms answer. Rubric texts (competencies,
# anchors, questions, level names) are content and come in the rubric's own language.

hiring-title = Hiring
hiring-heading = Hiring the RevOps leader
hiring-intro = Structured interviews: the same questions for every candidate, anchored scales, and independent scorecards, compared in a debrief.
hiring-my-interviews = My interviews
hiring-no-evidence = No evidence
hiring-list-separator = {", "}

hiring-roles-empty-admin = No roles yet. Open one below to plan the interviews for your RevOps leader.
hiring-roles-empty-member = No roles yet. An admin of your organisation can open one.
hiring-col-role = Role
hiring-col-rubric = Rubric
hiring-col-interviews = Interviews
hiring-col-candidates = Candidates
hiring-col-opened = Opened
hiring-col-competency = Competency
hiring-col-weight = Weight
hiring-col-interviewer = Interviewer
hiring-col-candidate = Candidate
hiring-col-interview = Interview
hiring-col-scorecard = Scorecard
hiring-col-scorecards = Scorecards
hiring-col-decision = Decision
hiring-col-weighted-total = Weighted total
hiring-col-recommendation = Recommendation

hiring-open-role = Open a role
hiring-open-role-submit = Open role
hiring-no-rubric = No rubric is available. Add one under content/rubrics/ (see content/README.md) and restart the server.
hiring-role-title-label = Title
hiring-role-title-hint = For example "VP Revenue Operations".
hiring-rubric-choice = { $title } (version { $version }, { $count } competencies)

hiring-visibility-label = Interviewers see each other's scorecards
hiring-visibility-inherit = As the organisation: { $rule }
hiring-visibility-title = Scorecard visibility
hiring-visibility-intro = Interviewers who read each other's ratings before forming their own anchor on them. By default they see the others' scorecards only after submitting their own; admins always see submitted ones, and nobody sees another's draft.
hiring-visibility-submit = Save rule

hiring-calibration-title = Interviewer calibration
hiring-calibration-hint = Each interviewer's average difference from the rest of the panel on the same candidate and competency, across all candidates. Only admins see this.
hiring-col-compared = Compared ratings
hiring-col-average-difference = Average difference
hiring-col-tendency = Tendency
hiring-leaning-lenient = Lenient: rates above the panel
hiring-leaning-severe = Severe: rates below the panel
hiring-leaning-in-line = In line with the panel
hiring-leaning-not-enough-data = Not enough ratings to tell

hiring-role-page-title = Role
hiring-fact-rubric = Rubric
hiring-rubric-version = { $title }, version { $version }
hiring-fact-scorecards = Scorecards
hiring-visibility-fact = Interviewers see each other's: { $rule }
hiring-visibility-fact-inherited = Interviewers see each other's: { $rule } (the organisation's rule)
hiring-competencies-title = Competencies and weights
hiring-weights-submit = Save weights and rule
hiring-weight-of = : weight { $weight }
hiring-suggested-title = Suggested from your assessment
hiring-suggested-hint = From "{ $assessment }": competencies that address your weakest dimensions get more weight.
hiring-col-now = Now
hiring-col-suggested = Suggested
hiring-col-why = Why
hiring-default-weight = Default weight
hiring-suggestion-reason = Addresses { $dimension }, rated { $level } of { $scale } in the latest assessment: +{ $raise }
hiring-use-suggested = Use the suggested weights

hiring-plan-title = Interview plan
hiring-plan-hint = Every candidate has each of these interviews.
hiring-no-stages = No interviews planned yet.
hiring-stage-with = with { $interviewer }:
hiring-add-stage = Add an interview
hiring-add-stage-submit = Add interview
hiring-stage-name-hint = For example "Panel with the CMO".
hiring-focus-legend = Focus competencies (2 to 4)

hiring-candidates-title = Candidates
hiring-no-candidates = No candidates yet.
hiring-col-functions = Functions worked in
hiring-scorecards-submitted = { $submitted } of { $interviews } submitted
hiring-add-candidate = Add a candidate
hiring-add-candidate-submit = Add candidate
hiring-candidate-name = Name
hiring-candidate-current-title = Current title
hiring-compared-title = Candidates compared
hiring-compared-hint = Mean level per competency over submitted scorecards, and the total weighted by this role's weights (1 to 4).

hiring-career-legend = Career history (optional)
hiring-career-hint = The roles that show how broadly the candidate has worked across marketing, sales and customer success.
hiring-career-role = Role { $n }
hiring-career-function = Function of role { $n }
hiring-career-years = Years in role { $n }

hiring-candidate-page-title = Candidate
hiring-no-decision = No decision recorded yet.
hiring-decided = { $by } · { $at }
hiring-no-career = No career history recorded.
hiring-col-function = Function
hiring-col-years = Years
hiring-breadth = Breadth:
hiring-breadth-item = { $function } { $years } years
hiring-debrief = Debrief
hiring-career-title = Career
hiring-interviews-title = Interviews
hiring-debrief-closed-hint = The debrief opens to you once you have submitted your scorecard, if the role's rule allows interviewers to see each other's.
hiring-decision-title = Decision

hiring-interviews-empty = You have no interviews. When an admin plans an interview with you for a role, it appears here for each candidate.

hiring-interview-page-title = Interview
hiring-interview-heading = { $candidate }: { $stage }
hiring-submitted-locked = Submitted { $at }; your scorecard is locked.
hiring-kit-intro = How to use this kit
hiring-questions-to-ask = Questions to ask
hiring-your-rating = Your rating for { $competency }
hiring-no-evidence-description = The interview did not show this competency either way.
hiring-evidence-label = Evidence for { $competency }: what did you observe?
hiring-recommendation-legend = Overall recommendation
hiring-takeaways = Key take-aways
hiring-takeaways-hint = Markdown works: **bold**, lists, links.
hiring-autosave-saved = Draft saved. Nobody else can read it until you submit.
hiring-status-locked = Submitted scorecards cannot be changed.
hiring-status-draft = Your draft is private until you submit it. Save it at any time; submitting locks it.
hiring-save-draft = Save draft
hiring-submit-scorecard = Submit scorecard

hiring-debrief-heading = Debrief: { $candidate }
hiring-not-enough-data = Not enough data.
hiring-no-recommendation = No recommendation
hiring-submitted-at = submitted { $at }
hiring-grid-empty = No scorecard has been submitted yet. The grid fills as interviewers submit.
hiring-grid-caption = Ratings per competency and interviewer
hiring-col-competency-weight = Competency (weight)
hiring-col-mean = Mean
hiring-col-spread = Spread
hiring-col-flag = Flag
hiring-flag-levels = Ratings { $gap } levels apart: { $low_by } { $low }, { $high_by } { $high }
hiring-flag-recommendations = { $high } ({ $high_by }) beside { $low } ({ $low_by })
hiring-record-decision = Record a decision
hiring-record-decision-submit = Record decision
hiring-rationale = Rationale
hiring-pending =
    { $count ->
        [one] 1 interview is not yet submitted; it is not in the grid.
       *[other] { $count } interviews are not yet submitted; they are not in the grid.
    }
hiring-weighted-total-value = { $total } of 4
hiring-alpha-ordinal = Krippendorff's alpha (ordinal)
hiring-alpha-interval = Krippendorff's alpha (interval)
hiring-icc-single = ICC(2,1), one interviewer
hiring-icc-panel = ICC(2,k), the panel
hiring-agreement-hint = Alpha and ICC run from below 0 (systematic disagreement) to 1 (full agreement); 0.67 and above is usually read as acceptable agreement.
hiring-note-alpha-too-few = Not enough data: alpha needs at least { $min } competencies rated by two or more interviewers.
hiring-note-icc-too-few = Not enough data: ICC needs at least { $min } competencies rated with a level by every interviewer, and { $raters } or more interviewers.
hiring-note-same-level = All ratings are the same level, so agreement cannot be measured.
hiring-note-undefined = Agreement could not be computed from these ratings.

# What the hiring forms answer.
hiring-role-opened = Role opened. Plan its interviews and add candidates below.
hiring-visibility-saved = Visibility rule saved. Every role without a rule of its own follows it from now on.
hiring-role-saved = Saved.
hiring-stage-added = Interview added at the end of the plan. Its interviewer now has a scorecard to fill for each candidate.
hiring-candidate-added = Candidate added. Each interviewer in the role's plan now has a scorecard to fill for them.
hiring-scorecard-submitted = Scorecard submitted.
hiring-draft-saved = Draft saved. Nobody else can read it.
hiring-decision-recorded = Decision recorded. It is listed below with your name and rationale.

# Validation messages; a { $what } fills "Enter { $what }." and its kin (auth.ftl).
hiring-what-role-title = the role's title
hiring-what-stage-name = the interview's name
hiring-what-candidate-name = the candidate's name
hiring-what-candidate-title = the candidate's current title
hiring-what-career-title = the title of role { $n }
hiring-error-visibility = Choose when interviewers see each other's scorecards: never, after-submit or always.
hiring-error-rubric = Choose one of the listed rubrics.
hiring-error-weight-competency = This competency is not part of the role's rubric.
hiring-error-weight = Enter a weight greater than 0 and at most 10, e.g. 1 or 2.5.
hiring-error-interviewer = Choose an interviewer from the members of your organisation.
hiring-error-focus-unknown = "{ $id }" is not a competency of this role; choose from the list.
hiring-error-focus-count = Choose { $min } to { $max } focus competencies (you chose { $chosen }): enough to probe each one in depth.
hiring-error-career-count = List at most { $max } roles.
hiring-error-career-function = Choose the function of role { $n }: marketing, sales, customer success, operations or other.
hiring-error-career-years = Enter the years in role { $n } as a number from 0.1 to 50, e.g. 2.5.
hiring-error-rating-unknown = "{ $id }" is not a focus competency of this interview.
hiring-error-rating-missing = Rate { $competency }, or choose "no evidence" if the interview did not show it.
hiring-error-rating-level = Choose a level from 1 to { $scale }, or "no evidence".
hiring-error-evidence-long = Shorten the evidence for { $competency } to at most { $max } characters (it has { $count }).
hiring-error-evidence-missing = Say what you observed that supports the level for { $competency }.
hiring-error-recommendation-missing = Choose your overall recommendation.
hiring-error-recommendation = Choose strong no, no, yes or strong yes.
hiring-error-takeaways-long = Shorten the key take-aways to at most { $max } characters (they have { $count }).
hiring-error-locked = This scorecard has been submitted and is locked; it can no longer be changed.
hiring-hidden-never = Interviewers of this role never see each other's scorecards; admins do.
hiring-hidden-submit-first = Submit your own scorecard first: other interviewers' scorecards stay hidden until you have.
hiring-error-outcome = Choose hire, no hire or hold.
hiring-error-rationale-missing = Write the reasons for the decision, so that the panel and later readers know them.
hiring-error-rationale-long = Shorten the rationale to at most { $max } characters.
