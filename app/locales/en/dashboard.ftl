# dashboard: the signed-in home.

dashboard-title = Dashboard
dashboard-coming-next = Coming next
dashboard-scorecards = Leader scorecards
dashboard-scorecards-empty = No open roles yet. Interview plans and blind scorecards for RevOps-leader candidates are on the way.
dashboard-roadmaps = Roadmaps and reports
dashboard-roadmaps-empty = A roadmap is built from an assessment's gaps: run an assessment first.
