package postgres

// searchWordMatch is the condition that participant_search row s has a
// word that starts with the word bound to $1, folded as the index folds it
// (0005_search.sql): a search for several words joins one such condition
// per word with AND. The trigram index on s.doc serves it.
const searchWordMatch = `s.doc LIKE '% ' || search_fold($1) || '%'`
