# roadmap: a campaign's transformation roadmap, its executive report, and what the roadmap
# forms answer. Initiative titles, steps and KPIs are content; the planner's reasons and
# the history lines (stored as written) are English for now.

roadmap-title = Roadmap
roadmap-report-title = Executive report
roadmap-crumb-results = Results
roadmap-heading = Roadmap: { $name }
roadmap-intro = Initiatives from the library that close the gaps between where each dimension stands and its target, largest gaps and widest perception gaps first, in phases that respect prerequisites and the capacity you set. Moves, drops and owners are kept whenever the plan is recomputed.
roadmap-no-answers = No one has submitted answers yet, so there is nothing to plan from. Share the invitation links from the assessment page; the roadmap appears with the first submitted response.

roadmap-downloads = Downloads
roadmap-download-report-md = Report (Markdown)
roadmap-download-results-csv = Results (CSV)
roadmap-download-results-json = Results (JSON)
roadmap-download-roadmap-csv = Roadmap (CSV)
roadmap-download-roadmap-json = Roadmap (JSON)

roadmap-plan = The plan
roadmap-timeline-title = Roadmap timeline: { $count } phases
# A bar's tooltip: the whole title and the effort.
roadmap-timeline-bar = { $title } ({ $effort } person-weeks)
# A phase's title: its number and months ("Phase 1 · Jan 2027 – Mar 2027").
roadmap-phase-title = Phase { $number } · { $start } – { $end }
roadmap-phase-title-month = Phase { $number } · { $month }
roadmap-phase-effort = { $effort } of { $capacity } person-weeks
roadmap-phase-effort-over = { $effort } of { $capacity } person-weeks (over capacity through pinned initiatives)
roadmap-phase-empty = Nothing planned in this phase.
roadmap-unscheduled = Not scheduled
roadmap-unscheduled-none = Every initiative the targets need fits into the plan.
roadmap-unscheduled-intro = Needed for the targets but not in any phase, with why. Raise the capacity, add phases, or move one into a phase yourself.
roadmap-dropped = Dropped
roadmap-dropped-reason = Dropped: never planned until restored.
roadmap-history = History
roadmap-history-empty = No changes yet: this is the plan as computed from the results and the default settings.
roadmap-history-by = { $who } · { $at }

roadmap-settings-title = Targets and capacity
# $length is month, quarter or half-year.
roadmap-settings-summary = { $phases } phases of one { $length ->
        [month] month
        [quarter] quarter
       *[half-year] half-year
    } each from { $start }, { $capacity } person-weeks per phase. Owners and admins change these.
roadmap-settings-intro = Set where each dimension should get to and how much the team can do per phase; the plan below follows. An empty target means one level up from now (at most 5).
roadmap-settings-submit = Save and re-plan
roadmap-settings-saved = Settings saved and the roadmap re-planned. Pinned, moved and dropped initiatives stay as you left them.
roadmap-field-phases = Phases
roadmap-field-phase-length = Phase length
roadmap-field-starts-on = First phase starts
roadmap-field-capacity = Person-weeks per phase
roadmap-targets-caption = Targets per dimension
roadmap-col-dimension = Dimension
roadmap-col-now = Now
roadmap-col-widest-gap = Widest perception gap
roadmap-col-target = Target
roadmap-col-before = Before
roadmap-col-change = Change
roadmap-col-after-phase = After phase { $number }
# The widest perception gap of a dimension: the function that rates it higher, the one
# that rates it lower, and the difference in levels.
roadmap-gap-between = { $high } vs { $low }: { $gap }
roadmap-target-for = Target for { $dimension }

roadmap-initiative-meta = { $effort } person-weeks · { $impact } impact · owned by { $function }
roadmap-initiative-meta-owner = { $effort } person-weeks · { $impact } impact · owned by { $function } · owner: { $owner }
roadmap-initiative-lifts = Lifts { $lifts }
roadmap-initiative-lifts-needs = Lifts { $lifts } · needs { $needs }
roadmap-initiative-kpis = Progress shows in: { $kpis }
# Between the items of a list ("a, b"), and between longer items ("a; b").
roadmap-list-separator = {", "}
roadmap-kpi-separator = {"; "}
# The last two items of a list ("a, b and c").
roadmap-list-and = { $init } and { $last }
roadmap-badge-pinned = Pinned
roadmap-badge-org-design = Org design
roadmap-badge-done = Done { $date }
roadmap-field-phase = Phase
roadmap-move = Move
roadmap-put-in-phase = Put in phase
roadmap-restore = Restore
roadmap-unpin = Let the planner decide
roadmap-drop = Drop
roadmap-mark-done = Mark done
roadmap-mark-not-done = Mark not done
roadmap-field-owner = Owner
roadmap-save-owner = Save owner

roadmap-projections = Projected levels
roadmap-projections-intro = Where each dimension is expected to stand after each phase, if the planned initiatives are done.
roadmap-since = Since { $campaign } ({ $date })
roadmap-since-intro = The change per dimension against the earlier assessment on the same model.
roadmap-done-between = Initiatives done in between
roadmap-done-between-none = No initiative of the earlier roadmap was marked done.
roadmap-done-item = { $initiative } (done { $date })
roadmap-done-item-by = { $initiative } (done { $date } by { $name })

roadmap-report-heading = Executive report: { $name }
roadmap-report-generated = { $model } · generated { $date }
roadmap-report-pdf-hint = To save it as a PDF, print this page and choose "Save as PDF"; navigation and buttons are left out and each section starts on a new page.
roadmap-report-summary = Summary
roadmap-report-top-gaps = Top perception gaps
roadmap-report-gap = gap { $gap }
roadmap-projected-after-phase = Projected after phase { $number }
roadmap-maturity = Maturity: now, target and projected
roadmap-maturity-chart = Maturity per dimension: now, target and projected at the end of the roadmap
roadmap-maturity-caption = Level per dimension
roadmap-report-phase-empty = Nothing planned.
roadmap-report-phase = { $phase } ({ $effort } of { $capacity } person-weeks)
roadmap-report-initiative = { $effort } person-weeks · { $function } · { $reason }
roadmap-report-initiative-owner = { $effort } person-weeks · { $function } (owner: { $owner }) · { $reason }
roadmap-org-design = Organisation design
roadmap-org-design-intro = The roles and teams to create as RevOps takes shape: first one leader across marketing, sales and customer success, then specialists for strategy, planning, and compensation and incentives as the function matures.
roadmap-org-design-none = No organisation-design step is needed to reach the targets.
roadmap-org-design-not-scheduled = not scheduled
roadmap-hiring = Hiring the RevOps leader
roadmap-hiring-none = No RevOps-leader role is open. Open one under Hiring to interview candidates against the rubric.
roadmap-hiring-no-candidates = No candidates to show.
roadmap-hiring-role = { $role } ({ $count } interviews per candidate)
roadmap-col-candidate = Candidate
roadmap-col-scorecards = Scorecards
roadmap-col-state = State
roadmap-scorecards-of = { $submitted } of { $interviews }
roadmap-candidate-decided = Decided: { $outcome }
roadmap-candidate-no-interviews = No interviews planned
roadmap-candidate-debrief-ready = Debrief ready
roadmap-candidate-scorecards-in = { $submitted } of { $interviews } scorecards in

# The report's summary, one sentence each.
roadmap-summary-no-answers = No one has submitted answers yet, so there is nothing to report; share the invitation links and come back when responses are in.
roadmap-summary-overall-named = { $count ->
        [one] { $count } person
       *[other] { $count } people
    } from { $functions } answered; the overall level is { $level } of { $max } ({ $name }).
roadmap-summary-overall = { $count ->
        [one] { $count } person
       *[other] { $count } people
    } from { $functions } answered; the overall level is { $level } of { $max }.
roadmap-summary-no-level = { $count ->
        [one] { $count } person
       *[other] { $count } people
    } answered, but none gave a level.
roadmap-summary-strongest-weakest = Strongest: { $strongest } ({ $strongest_level }). Weakest: { $weakest } ({ $weakest_level }).
roadmap-summary-gap = { $sentence } (gap { $gap })
roadmap-summary-gaps = Where the functions see things differently: { $gaps }.
roadmap-summary-no-gaps = No perception gaps can be shown: that needs at least two functions with enough responses each.
roadmap-summary-nothing-planned = The roadmap plans no initiatives: every dimension is at its target, or nothing in the library lifts it further.
roadmap-summary-plan = The roadmap plans { $initiatives ->
        [one] { $initiatives } initiative
       *[other] { $initiatives } initiatives
    } over { $phases ->
        [one] { $phases } phase
       *[other] { $phases } phases
    } until { $until }; by then { $reached } of { $dimensions } dimensions are projected to reach their target.
roadmap-summary-since-unchanged = Since “{ $campaign }” ({ $date }), no dimension moved.
roadmap-summary-since = Since “{ $campaign }” ({ $date }): { $moved }.

# What the roadmap forms did: a history line (worded for each reader from what was
# stored) and, with a full stop, the notice.
roadmap-change-settings = Changed the settings: { $changes }
roadmap-change-settings-unchanged = Saved the settings unchanged
# Between the changes of one settings line.
roadmap-change-separator = {"; "}
roadmap-change-phases = phases { $from } → { $to }
roadmap-change-capacity = capacity { $from } → { $to } person-weeks per phase
roadmap-change-phase-length = phase length { $from } → { $to }
roadmap-change-start = start { $from } → { $to }
roadmap-change-target = target for { $dimension } { $from } → { $to }
roadmap-change-target-default = default
roadmap-change-moved = Moved “{ $initiative }” from phase { $from } to phase { $to }
roadmap-change-pinned = Pinned “{ $initiative }” to phase { $phase }
roadmap-change-dropped = Dropped “{ $initiative }”
roadmap-change-restored = Restored “{ $initiative }”: the planner places it again
roadmap-change-owner-cleared = Cleared the owner of “{ $initiative }”
roadmap-change-owner = Made { $name } the owner of “{ $initiative }”
roadmap-change-done = Marked “{ $initiative }” done
roadmap-change-not-done = Marked “{ $initiative }” not done
roadmap-change-notice = { $change }.
roadmap-what-owner-name = the owner's name

roadmap-error-phases = Enter a whole number of phases from 1 to { $max }.
roadmap-error-capacity = Enter the person-weeks available per phase, more than 0 and at most { $max } (e.g. 12 or 7.5).
roadmap-error-phase-length = Choose months, quarters or half-years.
roadmap-error-starts-on = Enter the first day of the first phase as a date (YYYY-MM-DD).
roadmap-error-unknown-dimension = "{ $id }" is not a dimension of this assessment's model.
roadmap-error-target = Enter a target level from 1 to { $max } (e.g. 3 or 3.5), or leave it empty for the default.
roadmap-error-choose-phase = Choose the phase to put it in.
roadmap-error-unknown-action = Choose what to do with the initiative: move, drop, restore, set an owner or mark it done.
roadmap-error-phase-range = Choose a phase from 1 to { $max }.
roadmap-error-drop-done = This initiative is marked done; mark it not done before dropping it.
roadmap-error-already-done = This initiative is already marked done.
roadmap-error-done-unscheduled = Only an initiative in the plan can be marked done; move it into a phase first.
roadmap-error-not-done = This initiative is not marked done.

# The planner's reasons (domain/reason.rs): why an initiative is in its phase, or not in
# the plan. $titles and $blockers are initiative titles joined as a list ("A, B and C").
planner-gap = { $dimension }: { $current } → target { $target }
planner-gap-differ = { $gap }; { $high } and { $low } differ by { $size }
planner-gap-needed-before = { $gap }; needed before { $titles }
planner-needed-before = Needed before { $titles }
planner-nothing-below-target = No dimension it lifts is below its target
planner-pinned = Pinned. { $body }
planner-pin-moved = Pinned to phase { $requested }; moved to phase { $phase } because it needs { $blockers } first. { $body }
planner-pin-last = Pinned to phase { $requested }; moved to phase { $phase }, the last of the plan. { $body }
planner-pinned-unscheduled = Pinned to phase { $phase }. { $cause }
planner-no-phases = The plan has no phases
planner-needs-dropped =
    { $count ->
        [one] Needs { $titles }, which was dropped
       *[other] Needs { $titles }, which were dropped
    }
planner-needs-unknown =
    { $count ->
        [one] Needs { $ids }, which is not in the library
       *[other] Needs { $ids }, which are not in the library
    }
planner-no-effort = Has no valid effort estimate
planner-too-big = Takes { $effort } person-weeks, more than a phase holds ({ $capacity })
planner-needs-unscheduled =
    { $count ->
        [one] Needs { $titles } first, which is not scheduled
       *[other] Needs { $titles } first, which are not scheduled
    }
planner-needs-last-phase =
    { $count ->
        [one] Needs { $titles } first, which is only done in the last phase
       *[other] Needs { $titles } first, which are only done in the last phase
    }
planner-no-capacity-phase = Did not fit in the capacity left in phase { $phase }
planner-no-capacity-phases = Did not fit in the capacity left in phases { $first }–{ $last }
