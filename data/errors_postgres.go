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

// The conditions of connecting to a server: none of them is an internal
// error.
var (
	ErrServerUnreachable = newErr(KindBusy, "server_unreachable", "",
		"The server of %s does not answer. Check that it is running and that this computer is on its network, then try again.",
		"Le serveur de %s ne répond pas. Vérifiez qu'il fonctionne et que cet ordinateur est sur son réseau, puis réessayez.")
	ErrServerLogin = newErr(KindInvalid, "server_login", "",
		"The server of %s refused this user name or password. Check them and try again.",
		"Le serveur de %s a refusé ce nom d'utilisateur ou ce mot de passe. Vérifiez-les et réessayez.")
	ErrServerNoDatabase = newErr(KindNotFound, "server_no_database", "",
		"There is no database %q on the server of %s.",
		"Il n'y a pas de base de données «%s» sur le serveur de %s.")
)

// Because returns a copy of e that keeps cause (the driver's error) behind
// it, for errors.As: the stores in packages of their own (data/postgres)
// build their sentences with it.
func (e *Error) Because(cause error) *Error { return e.because(cause) }

// ErrServerTooOld: the server's PostgreSQL is older than the schema needs.
var ErrServerTooOld = newErr(KindInvalid, "server_too_old", "",
	"The server of %s runs PostgreSQL %s; Congrès needs PostgreSQL %d or newer. Nothing was changed on the server.",
	"Le serveur de %s fait tourner PostgreSQL %s ; Congrès demande PostgreSQL %d ou plus récent. Rien n'a été modifié sur le serveur.")

// ErrNotEmpty: a new congress was asked for where one is kept already.
var ErrNotEmpty = newErr(KindInvalid, "not_empty", "",
	"%s holds a congress already. Nothing was changed: open it, or choose an empty database.",
	"%s contient déjà un congrès. Rien n'a été modifié : ouvrez-le, ou choisissez une base vide.")

// NewError makes a sentence template (as the package's own Err… variables)
// for the stores in packages of their own.
func NewError(kind Kind, code, en, fr string) *Error { return newErr(kind, code, "", en, fr) }

// ErrNotPermitted: the server refused the account this change (a desk
// account deleting, or changing the programme).
var ErrNotPermitted = newErr(KindReadOnly, "not_permitted", "",
	"The account connected to %s may not do this (a desk account records arrivals, entries, payments, badges and walk-ins only). Nothing was changed.",
	"Le compte connecté à %s n'a pas le droit de faire cela (un compte d'accueil enregistre seulement les arrivées, les entrées, les paiements, les badges et les personnes sur place). Rien n'a été modifié.")
