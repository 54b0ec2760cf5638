# questionnaire
