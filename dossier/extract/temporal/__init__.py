"""When and what: dates, the article's own date, events and documents.

`dates` parses date expressions (EDTF), `article_date` infers an article's
date, `clauses` reads the clause around a mention, `events` and `documents`
find happenings and texts, and `assemble` ties them to people and places."""
