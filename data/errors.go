package data

import (
	"errors"
	"fmt"
	"log"
)

// Kind classifies an error so that callers can react without reading text.
type Kind int

const (
	KindInternal Kind = iota
	KindInvalid       // a value breaks a rule: empty name, bad email, end before start…
	KindNotFound      // the thing asked for does not exist
	KindConflict      // a duplicate: code, stand number, room already booked…
	KindFull          // a session has no place left, or the disk none
	KindClash         // a person would be in two places at once
	KindDamaged       // the file (or a backup) is damaged: it is only read, never written
	KindBusy          // the file is held by another window or program
	KindReadOnly      // the file cannot be written: read-only file, folder or disk
)

// Error is an error a person can read, in French and English. Templates are
// declared as package variables (ErrEmailInvalid…); With fills in their
// arguments and keeps them comparable with errors.Is.
type Error struct {
	Kind  Kind
	Code  string // stable identifier, e.g. "email_invalid"
	Field string // the field at fault, for inline messages in forms; may be empty
	en    string
	fr    string
	args  []any
	// frArgs, when set, replace args in French (for arguments that are
	// themselves words).
	frArgs []any
	cause  error // the driver's error behind this one, for errors.As
}

func newErr(kind Kind, code, field, en, fr string) *Error {
	return &Error{Kind: kind, Code: code, Field: field, en: en, fr: fr}
}

// With returns a copy of the template with its arguments filled in.
func (e *Error) With(args ...any) *Error {
	c := *e
	c.args = args
	return &c
}

// WithWords is With for arguments that are themselves words: en fills the
// English sentence, fr the French one (for the stores in packages of their
// own).
func (e *Error) WithWords(en, fr []any) *Error {
	c := e.With(en...)
	c.frArgs = fr
	return c
}

// Error returns the English sentence.
func (e *Error) Error() string { return e.Message("en") }

// Message returns the sentence in the given language ("fr" or "en"; anything
// else gets English).
func (e *Error) Message(lang string) string {
	format, args := e.en, e.args
	if lang == "fr" {
		format = e.fr
		if e.frArgs != nil {
			args = e.frArgs
		}
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// Unwrap gives the driver's error behind this one, if any.
func (e *Error) Unwrap() error { return e.cause }

// because returns a copy of e that keeps cause behind it.
func (e *Error) because(cause error) *Error {
	c := *e
	c.cause = cause
	return &c
}

// Is makes errors.Is(err, ErrEmailInvalid) true for any filled-in copy.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// ErrInternal is what a person sees for an error that is not theirs to fix.
var ErrInternal = newErr(KindInternal, "internal", "",
	"Internal error: the operation was not carried out. Details are in the log.",
	"Erreur interne : l'opération n'a pas été effectuée. Le détail est dans le journal.")

// Message returns the sentence for any error in the given language: the
// person-readable message of an *Error (or of any error with a
// Message(lang) method), or "internal error" for anything else, which is
// logged.
func Message(err error, lang string) string {
	if err == nil {
		return ""
	}
	// Our own errors, and those of the other packages (export…) that also
	// carry a sentence in both languages.
	var e interface{ Message(lang string) string }
	if errors.As(err, &e) {
		return e.Message(lang)
	}
	log.Printf("internal error: %v", err)
	return ErrInternal.Message(lang)
}

// KindOf returns the kind of err (KindInternal for errors that are not ours).
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// The errors of the congress file itself.
var (
	ErrFileNotFound = newErr(KindNotFound, "file_not_found", "",
		"The file %q does not exist.",
		"Le fichier «%s» n'existe pas.")
	ErrFileExists = newErr(KindConflict, "file_exists", "",
		"The file %q already exists.",
		"Le fichier «%s» existe déjà.")
	ErrNotCongress = newErr(KindInvalid, "not_congress", "",
		"%q is not a congress file (%s). It was left untouched.",
		"«%s» n'est pas un fichier de congrès (%s). Il n'a pas été modifié.")
	ErrTooNew = newErr(KindInvalid, "too_new", "",
		"%q was written by a newer version of Congrès (format %d, this version reads up to %d). Update Congrès to open it; the file was left untouched.",
		"«%s» a été écrit par une version plus récente de Congrès (format %d, cette version lit jusqu'au %d). Mettez Congrès à jour pour l'ouvrir ; le fichier n'a pas été modifié.")
	ErrNoBackup = newErr(KindNotFound, "no_backup", "",
		"There is no backup of %q.",
		"Il n'y a aucune sauvegarde de «%s».")
)

// The conditions of the file on its disk: none of them is an internal error.
var (
	ErrDamaged = newErr(KindDamaged, "damaged", "",
		"%q is damaged: nothing will be written into it (the window opens it for reading only). Restore a backup: “Restore a backup…” in the window, or congres restore.",
		"«%s» est abîmé : rien n'y sera écrit (la fenêtre l'ouvre en lecture seule). Restaurez une sauvegarde : «Restaurer une sauvegarde…» dans la fenêtre, ou congres restore.")
	ErrBackupDamaged = newErr(KindDamaged, "backup_damaged", "",
		"The backup %q is damaged: it cannot be restored. Choose another backup.",
		"La sauvegarde «%s» est abîmée : elle ne peut pas être restaurée. Choisissez une autre sauvegarde.")
	ErrFileReadOnly = newErr(KindReadOnly, "file_read_only", "",
		"%q is read-only: you can view, search and export, but not change it. To change it, make the file writable (or copy it to a folder of yours) and open it again.",
		"«%s» est en lecture seule : vous pouvez consulter, chercher et exporter, mais pas modifier. Pour le modifier, rendez le fichier modifiable (ou copiez-le dans un de vos dossiers) et rouvrez-le.")
	ErrFolderReadOnly = newErr(KindReadOnly, "folder_read_only", "",
		"The folder of %q is read-only: you can view, search and export, but not change the file. Copy it to a folder of yours and open the copy.",
		"Le dossier de «%s» est en lecture seule : vous pouvez consulter, chercher et exporter, mais pas modifier le fichier. Copiez-le dans un de vos dossiers et ouvrez la copie.")
	ErrDiskFull = newErr(KindFull, "disk_full", "",
		"The disk holding %q is full: nothing was saved. Free some space (empty the trash, delete old files) and try again.",
		"Le disque qui contient «%s» est plein : rien n'a été enregistré. Libérez de la place (videz la corbeille, supprimez de vieux fichiers) et réessayez.")
	ErrDiskError = newErr(KindReadOnly, "disk_error", "",
		"The disk holding %q could not be read or written: nothing was saved. Check the disk (or the USB stick) and try again.",
		"Le disque qui contient «%s» n'a pas pu être lu ou écrit : rien n'a été enregistré. Vérifiez le disque (ou la clé USB) et réessayez.")
	ErrFileBusy = newErr(KindBusy, "file_busy", "",
		"%q is kept busy by another window or program: nothing was saved. Try again in a moment.",
		"«%s» est occupé par une autre fenêtre ou un autre programme : rien n'a été enregistré. Réessayez dans un instant.")
	ErrOpenElsewhere = newErr(KindBusy, "open_elsewhere", "",
		"%q is open in another window (or another program): close it there first, then try again.",
		"«%s» est ouvert dans une autre fenêtre (ou un autre programme) : fermez-le d'abord, puis réessayez.")
	ErrNetworkShare = newErr(KindReadOnly, "network_share", "",
		"%q is on a network drive (%s), where Congrès cannot keep a file safe: it is only read there, never changed. Copy it to this computer and open the copy.",
		"«%s» est sur un lecteur réseau (%s), où Congrès ne peut pas garder un fichier en sécurité : il y est seulement lu, jamais modifié. Copiez-le sur cet ordinateur et ouvrez la copie.")
	ErrFolderNotWritable = newErr(KindReadOnly, "folder_not_writable", "",
		"%q cannot be written: its folder (or its disk) is read-only. Choose another folder.",
		"«%s» ne peut pas être écrit : son dossier (ou son disque) est en lecture seule. Choisissez un autre dossier.")
	ErrFolderMissing = newErr(KindNotFound, "folder_missing", "",
		"The folder %q does not exist: nothing was created. Choose a folder that exists.",
		"Le dossier «%s» n'existe pas : rien n'a été créé. Choisissez un dossier qui existe.")
	ErrNeedsUpdate = newErr(KindReadOnly, "needs_update", "",
		"%q was written by an older version of Congrès and must be updated, but it cannot be written here. Copy it to a folder of yours and open the copy.",
		"«%s» a été écrit par une version plus ancienne de Congrès et doit être mis à jour, mais il ne peut pas être modifié ici. Copiez-le dans un de vos dossiers et ouvrez la copie.")
)

// The rules of the data model.
var (
	ErrNotFound = newErr(KindNotFound, "not_found", "",
		"%s not found: it may have been deleted.",
		"%s introuvable : la fiche a peut-être été supprimée.")
	ErrRequired = newErr(KindInvalid, "required", "",
		"%s is required.",
		"%s est obligatoire.")
	ErrTooLong = newErr(KindInvalid, "too_long", "",
		"%s is too long (%d characters at most).",
		"%s dépasse la longueur permise (%d caractères au plus).")
	ErrEmailInvalid = newErr(KindInvalid, "email_invalid", "email",
		"“%s” is not a valid email address.",
		"«%s» n'est pas une adresse e-mail valide.")
	ErrCodeInvalid = newErr(KindInvalid, "code_invalid", "code",
		"The code “%s” is not valid: 6 to 8 letters and digits, without O, 0, I, 1 or L.",
		"Le code «%s» n'est pas valide : de 6 à 8 lettres et chiffres, sans O, 0, I, 1 ni L.")
	ErrCodeTaken = newErr(KindConflict, "code_taken", "code",
		"The code %s is already used by someone else.",
		"Le code %s est déjà attribué à une autre personne.")
	ErrStatusInvalid = newErr(KindInvalid, "status_invalid", "status",
		"“%s” is not a status (pending, confirmed or cancelled).",
		"«%s» n'est pas un statut (en attente, confirmé ou annulé).")
	ErrNegative = newErr(KindInvalid, "negative", "",
		"%s cannot be negative.",
		"%s : un nombre négatif n'est pas accepté.")
	ErrDayInvalid = newErr(KindInvalid, "day_invalid", "days",
		"“%s” is not a date (expected YYYY-MM-DD).",
		"«%s» n'est pas une date (format attendu AAAA-MM-JJ).")
	// ErrDateTyped is a date typed in the window that does not read in the
	// locale's format; the window gives the format in each language's
	// letters (DD/MM/YYYY, JJ/MM/AAAA) and an example (WithWords). The
	// command line keeps ErrDayInvalid: it takes YYYY-MM-DD.
	ErrDateTyped = newErr(KindInvalid, "date_typed", "days",
		"“%s” is not a date: type %s, for example %s.",
		"«%s» n'est pas une date : tapez %s, par exemple %s.")
	ErrNotCongressDay = newErr(KindInvalid, "not_congress_day", "day",
		"%s is not a day of the congress.",
		"Le %s n'est pas un jour du congrès.")
	ErrNoDays = newErr(KindInvalid, "no_days", "days",
		"The congress needs at least one day.",
		"Le congrès doit avoir au moins un jour.")
	ErrDayInUse = newErr(KindConflict, "day_in_use", "days",
		"%s cannot be removed: sessions are planned on that day.",
		"Le %s ne peut pas être retiré : des sessions y sont prévues.")
	ErrLogoInvalid = newErr(KindInvalid, "logo_invalid", "logo",
		"The logo must be a PNG or JPEG image of at most 5 MB.",
		"Le logo doit être une image PNG ou JPEG de 5 Mo au plus.")
	ErrSignatureInvalid = newErr(KindInvalid, "signature_invalid", "signature",
		"The signature must be a PNG or JPEG image of at most 5 MB.",
		"La signature doit être une image PNG ou JPEG de 5 Mo au plus.")
	ErrColourInvalid = newErr(KindInvalid, "colour_invalid", "colour",
		"“%s” is not a colour (expected #RRGGBB).",
		"«%s» n'est pas une couleur (format attendu #RRVVBB).")
	ErrNameTaken = newErr(KindConflict, "name_taken", "name",
		"%s “%s” already exists.",
		"%s «%s» existe déjà.")
	ErrInUse = newErr(KindConflict, "in_use", "",
		"Cannot delete %s “%s”: %s.",
		"Impossible de supprimer %s «%s» : %s.")
	ErrCheckedIn = newErr(KindConflict, "checked_in", "",
		"%s has already checked in and cannot be deleted: cancel their registration instead.",
		"%s s'est déjà présenté·e à l'accueil et ne peut pas être supprimé·e : annulez plutôt son inscription.")
	ErrKindInvalid = newErr(KindInvalid, "session_kind_invalid", "kind",
		"“%s” is not a kind of session (plenary, workshop or other).",
		"«%s» n'est pas un type de session (plénière, atelier ou autre).")
	ErrTimeInvalid = newErr(KindInvalid, "time_invalid", "start",
		"“%s” is not a time of day (expected HH:MM).",
		"«%s» n'est pas une heure (format attendu HH:MM).")
	ErrEndBeforeStart = newErr(KindInvalid, "end_before_start", "end",
		"A session must end after it starts (%s – %s).",
		"Une session doit se terminer après son début (%s – %s).")
	ErrRoomBusy = newErr(KindConflict, "room_busy", "room",
		"The room “%s” is already taken at that time by “%s” (%s – %s).",
		"La salle %s est déjà occupée à ce moment par «%s» (%s – %s).")
	ErrSpeakerBusy = newErr(KindClash, "speaker_busy", "speakers",
		"%s is already on stage in “%s” at that time (%s – %s).",
		"%s intervient déjà dans «%s» à ce moment (%s – %s).")
	ErrClash = newErr(KindClash, "clash", "",
		"%s is already down for “%s” at the same time (%s – %s).",
		"%s est déjà inscrit·e à «%s» au même moment (%s – %s).")
	ErrSessionFull = newErr(KindFull, "session_full", "",
		"“%s” is full (%d places).",
		"«%s» est complet (%d places).")
	ErrParticipantCancelled = newErr(KindInvalid, "participant_cancelled", "",
		"%s has cancelled their registration: reinstate them first.",
		"L'inscription de %s est annulée : rétablissez-la d'abord.")
	ErrStandTaken = newErr(KindConflict, "stand_taken", "number",
		"Stand number %s is already used by “%s”.",
		"Le numéro de stand %s est déjà utilisé par «%s».")
	ErrPositionTaken = newErr(KindConflict, "position_taken", "position",
		"The floor-plan position %d,%d is already taken by stand %s.",
		"L'emplacement %d,%d du plan est déjà occupé par le stand %s.")
	ErrCheckinKind = newErr(KindInvalid, "checkin_kind", "",
		"A check-in is either an arrival on a day or an entry into a session.",
		"Un passage à l'accueil est soit une arrivée un jour donné, soit une entrée dans une session.")
	ErrMergeSelf = newErr(KindInvalid, "merge_self", "",
		"A record cannot be merged with itself.",
		"Une fiche ne peut pas être fusionnée avec elle-même.")
	ErrAlreadyUndone = newErr(KindConflict, "already_undone", "",
		"That check-in was already undone.",
		"Ce passage a déjà été annulé.")
)

// The registration desk.
var (
	ErrUnknownCode = newErr(KindNotFound, "unknown_code", "code",
		"Unknown code: “%s”. Check the badge or look the person up by name.",
		"Code inconnu : «%s». Vérifiez le badge ou cherchez la personne par son nom.")
	ErrNothingToUndo = newErr(KindNotFound, "nothing_to_undo", "",
		"%s has no check-in left to undo.",
		"%s n'a aucun passage à annuler.")
	ErrPINInvalid = newErr(KindInvalid, "pin_invalid", "pin",
		"The PIN must be 4 to 12 digits.",
		"Le code PIN doit compter de 4 à 12 chiffres.")
)

// The warnings of the desk and of a session's door, which a volunteer
// confirms before letting someone in anyway (DeskWarning.Message). Their
// fragments ("today", ", at Desk 2"…) are filled in by desk_warnings.go.
var (
	warnAlreadyIn = newErr(KindConflict, "already_in", "",
		"Already checked in %s at %s%s.",
		"Déjà arrivé·e %s à %s%s.")
	warnAlreadyEntered = newErr(KindConflict, "already_entered", "",
		"Already entered “%s” at %s%s.",
		"Déjà entré·e dans «%s» à %s%s.")
	warnCancelled = newErr(KindInvalid, "registration_cancelled", "",
		"Registration cancelled: %s is no longer registered.",
		"Inscription annulée : %s n'est plus inscrit·e.")
	warnUnpaid = newErr(KindInvalid, "fee_unpaid", "",
		"Fee not paid: %s due.",
		"Tarif non réglé : %s à payer.")
	warnNotToday = newErr(KindInvalid, "not_expected", "",
		"Not expected %s: registered for %s.",
		"Pas attendu·e %s : inscrit·e pour %s.")
	warnNotEnrolled = newErr(KindInvalid, "not_enrolled", "",
		"Not enrolled in “%s”.",
		"Pas inscrit·e à «%s».")
	warnWaitlisted = newErr(KindInvalid, "only_waitlisted", "",
		"Not enrolled in “%s”: only on its waiting list.",
		"Pas inscrit·e à «%s» : seulement sur la liste d'attente.")
	warnSessionFull = newErr(KindFull, "door_full", "",
		"“%s” is full: %d people already in for %d places.",
		"«%s» est complet : %d personnes déjà entrées pour %d places.")
	warnEnrolledElsewhere = newErr(KindClash, "enrolled_elsewhere", "",
		"Enrolled elsewhere at that time: “%s”, %s – %s%s.",
		"Inscrit·e ailleurs au même moment : «%s», %s – %s%s.")
)

// fromDriver turns a broken unique constraint into onUnique, from the
// engine's error codes (Dialect.Violation, read by sqlTx.broke). Any other
// error is returned as it is.
func fromDriver(err error, onUnique *Error) error {
	if violated(err, UniqueViolation) && onUnique != nil {
		return onUnique
	}
	return err
}

// fromFileCondition turns the file engine's codes for the file's own
// conditions (read only, disk full, busy, damaged, unreadable) into our
// sentences about the file at path, keeping the driver's error behind them
// (FileEngine.Condition). Any other error is returned as it is.
func fromFileCondition(path string, err error) error {
	var ours *Error
	if err == nil || errors.As(err, &ours) {
		return err
	}
	return files().Condition(path, err)
}
