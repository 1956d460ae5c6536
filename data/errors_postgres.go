package data

// The errors of a congress on a PostgreSQL server (data/postgres), the
// server's counterparts of the file's ErrTooNew and ErrNotCongress. Their
// first argument is the server's URL without its password.
var (
	ErrServerTooNew = newErr(KindInvalid, "server_too_new", "",
		"The congress at %s was written by a newer version of Congrès (format %d, this version reads up to %d). Update Congrès to open it; nothing was changed on the server.",
		"Le congrès de %s a été écrit par une version plus récente de Congrès (format %d, cette version lit jusqu'au %d). Mettez Congrès à jour pour l'ouvrir ; rien n'a été modifié sur le serveur.")
	ErrServerNotCongress = newErr(KindInvalid, "server_not_congress", "",
		"The database %s holds tables that are not a congress's. It was left untouched: choose an empty database, or one that holds a congress.",
		"La base de données %s contient des tables qui ne sont pas celles d'un congrès. Elle n'a pas été modifiée : choisissez une base vide, ou une base qui contient un congrès.")
)
