# The respondent's pages behind an assessment link: start, steps, review, thanks; the
# messages of saving and submitting answers; and what the islands say (forms, autosave,
# copy buttons), which the server translates and hands them as props.

questionnaire-title = Assessment
questionnaire-for-person = For { $name }, answering as { $function }.
questionnaire-for-function = You answer as someone from { $function }.
questionnaire-submitted = You have submitted your answers. Thank you!
questionnaire-closed = This assessment closed on { $on }. Answers can no longer be given or changed.
questionnaire-withdrawn = This link was withdrawn by the organisation. Ask the person who sent it for a new one.
questionnaire-continue = Continue where you left off
questionnaire-start = Start
questionnaire-start-lead = { $questions } questions in { $steps } steps; about 10 to 15 minutes. Each answer is saved as you go: you can close this page and open the link again later.

# The progress line: "Step 2 of 8 · 7 of 40 questions answered".
questionnaire-progress-label = Questions answered
questionnaire-progress-step = Step { $step } of { $steps }
questionnaire-progress-answered = { $answered } of { $total } questions answered

questionnaire-locked = You have submitted; your answers are locked and shown here read-only.
questionnaire-saved-on-next = Answers are saved when you move to the next step.
questionnaire-save-continue = Save and continue
questionnaire-save-review = Save and review
questionnaire-back = Back
questionnaire-dont-know = Don't know
questionnaire-not-applicable = Not applicable to us
questionnaire-add-comment = Add a comment (optional)
questionnaire-comment-on = Comment on: { $question }

questionnaire-review-title = Review and submit
questionnaire-review-step = Step
questionnaire-review-answered = Answered
questionnaire-review-step-complete = { $answered } of { $total }
questionnaire-review-step-incomplete = { $answered } of { $total } · not complete
questionnaire-review-complete = All questions are answered. Once you submit, your answers are locked.
questionnaire-review-incomplete = Some questions are still open. Choose "don't know" where you are unsure, then submit.
questionnaire-submit = Submit my answers

questionnaire-thanks-title = Thank you
questionnaire-thanks-body = Your answers to "{ $campaign }" are in. They are combined with your colleagues' answers; no one sees what you answered yourself.
questionnaire-thanks-close = You can close this page.
questionnaire-not-submitted = Not submitted yet
questionnaire-review-link = Review and submit your answers

# Saving and submitting answers.
questionnaire-error-closed = This assessment closed on { $on }; answers can no longer be changed.
questionnaire-error-withdrawn = This link was withdrawn by the organisation; ask them for a new one.
questionnaire-error-no-response = We could not find your answers in this browser. Open the link again and choose Start.
questionnaire-error-comment-needs-answer = Choose an answer ("don't know" is fine) so that your comment can be saved.
questionnaire-error-too-many = Send at most { $max } answers at once.
questionnaire-error-locked = You have already submitted this assessment; your answers are locked.
questionnaire-error-no-question = There is no question "{ $question }" in this assessment.
questionnaire-error-level = Choose a level from 1 to { $scale }, "don't know" or "not applicable".
questionnaire-error-comment-too-long = Shorten your comment to at most { $max } characters (it has { $count }).
questionnaire-error-unanswered =
    { $count ->
        [one] { $count } question is
       *[other] { $count } questions are
    } still without an answer (step { $step } is the first). Choose "don't know" where you are unsure.

# What the islands say. `{ $status }` is left as "{status}" for the island to fill in.
island-form-unreachable = We could not reach the server. Check your connection and try again; what you typed is still here.
island-server-error = The server answered with an error ({ $status }). Please try again.
island-autosave-saving = Saving…
island-autosave-saved = All answers on this page are saved.
island-autosave-not-saved = Not saved: see the message above.
island-autosave-unreachable = Not saved: we could not reach the server. Your choices are still here; use the Save button to try again.
island-copy-link = Copy link
island-copy-token = Copy token
island-copied = Copied
island-copied-link = Copied the link to the clipboard
island-copied-token = Copied the token to the clipboard
