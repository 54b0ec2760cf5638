# assessments: the campaign list, launching a campaign, one campaign with its links, and
# what the assessment forms answer.

assessments-title = Assessments
assessments-heading = Maturity assessments
assessments-launch-button = Launch an assessment
assessments-empty-admin = No assessments yet. Launch one to see how marketing, sales and customer success each rate your RevOps maturity.
assessments-empty-member = No assessments yet. An admin of your organisation can launch one.
assessments-col-assessment = Assessment
assessments-col-status = Status
assessments-col-responses = Responses per function
assessments-col-submitted = Submitted
assessments-status-open-until = Open until { $day }
assessments-status-closed-on = Closed { $day }
# After a function's name: "Sales: 3 submitted, 1 in progress".
assessments-count-submitted = : { $submitted } submitted
assessments-count-submitted-in-progress = : { $submitted } submitted, { $in_progress } in progress

assessments-launch-title = Launch an assessment
assessments-launch-no-models = No maturity model is available. Add one under content/models/ (see content/README.md) and restart the server.
assessments-launch-lead = Everyone you send a link to answers the same questions. The results show where your functions agree and, above all, where they see things differently.
assessments-launch-submit = Launch
assessments-field-name = Name
assessments-field-name-hint = For example "RevOps baseline, Q1".
assessments-field-model = Maturity model
assessments-model-choice = { $title } (version { $version }, { $questions } questions in { $dimensions } dimensions)
assessments-field-functions = Who answers
assessments-field-functions-hint = Each function gets its own link; anyone with it answers as that function.
assessments-field-closes = Last day to answer (optional)
assessments-field-closes-hint = Links stop taking answers after this day (UTC). You can also close the assessment by hand.
assessments-field-min-group = Anonymity threshold
assessments-field-min-group-hint = A function's own numbers show only once at least this many of its people have submitted. Below 3, people may recognise each other's answers.

assessments-campaign-title = Assessment
assessments-results-button = Results
assessments-roadmap-button = Roadmap
assessments-report-button = Executive report
assessments-fact-status = Status
assessments-fact-model = Model
assessments-model-version = { $title }, version { $version } (content { $hash })
assessments-fact-launched = Launched
assessments-launched-by = { $day } by { $name }
assessments-fact-anonymity = Anonymity
assessments-anonymity-from = A function's own numbers show from { $count } submitted responses.
assessments-responses = Responses
assessments-links = Invitation links
assessments-links-lead = Send each function its link in your own chat or e-mail. Respondents need no account; answers are anonymous.
assessments-col-function = Function
assessments-col-for = For
assessments-col-link = Link
assessments-col-actions = Actions
# "Everyone in sales": who a function's link is for.
assessments-link-everyone-in = Everyone in { $function }
assessments-link-withdrawn = Withdrawn
assessments-link-for = Link for { $who }
assessments-link-withdraw = Withdraw
assessments-link-withdraw-label = Withdraw the link for { $who }
assessments-add-link = Add a link for one person
assessments-add-link-hint = A personal link lets that person resume from any device. Their answers are still shown only within their function.
assessments-add-link-submit = Add link
assessments-field-function = Function
assessments-field-person-name = Name
assessments-close = Close the assessment
assessments-close-lead = Links stop taking answers; people who have not submitted can no longer do so. Results stay.
assessments-close-button = Close now

assessments-launched = Assessment launched. Send each function its link below.
assessments-link-added = Link added; copy it from the list below.
assessments-link-withdrawn-notice = Link withdrawn: it no longer takes answers. Answers already submitted through it stay.
assessments-closed-notice = Assessment closed. Its links no longer take answers; the results stay.
assessments-error-model = Choose one of the listed models.
assessments-error-functions = Choose at least one function whose people will answer.
assessments-error-close-format = Enter the close date as YYYY-MM-DD, e.g. 2026-12-31.
assessments-error-close-past = Pick a close date that is today or later.
assessments-error-close-far = Pick an earlier close date.
assessments-error-min-group = Enter a whole number from 1 to { $max } (3 or more keeps answers anonymous).
assessments-error-link-function = Choose one of the functions taking part in this campaign.
assessments-error-closed-no-links = This campaign is closed; links can no longer be added.
assessments-error-already-closed = This campaign is already closed.
assessments-error-unknown-function = "{ $value }" is not a function; choose from the list.
# What Name::parse_in names in its messages ("Enter the campaign name.").
assessments-what-campaign-name = the campaign name
assessments-what-person-name = the person's name
