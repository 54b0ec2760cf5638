# assessments
