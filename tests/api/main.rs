//! The HTTP behaviour of the server, each test on a fresh database, on SQLite and PostgreSQL.

mod accounts;
mod assessments;
mod hiring;
mod hiring_forms;
mod language;
mod organisations;
mod questionnaire_pages;
mod rest;
mod roadmaps;
mod startup;
