package postgres

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"

	"congres/data"
)

// SQLSTATE codes of the server's conditions (PostgreSQL's appendix A).
const (
	codeInvalidPassword      = "28P01"
	codeInvalidAuthorization = "28000"
	codeInvalidCatalogName   = "3D000" // no such database
)

// connectCondition turns the failures of connecting to the server at url
// (shown without its password) into sentences, by SQLSTATE code: wrong
// user or password, no such database, no server answering. Anything else,
// and a cancelled ctx, is returned as it is.
func connectCondition(url, database string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case codeInvalidPassword, codeInvalidAuthorization:
			return data.ErrServerLogin.With(url).Because(err)
		case codeInvalidCatalogName:
			return data.ErrServerNoDatabase.With(database, url).Because(err)
		}
		return err
	}
	if untrusted(err) {
		return ErrServerCertificate.With(url).Because(err)
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return data.ErrServerUnreachable.With(url).Because(err)
	}
	return err
}

// ErrServerCertificate: the URL asks for a verified TLS connection
// (sslmode=verify-ca or verify-full) and the server's certificate does not
// pass.
var ErrServerCertificate = data.NewError(data.KindInvalid, "server_certificate",
	"The server of %s presented a certificate that this computer cannot trust, so nothing was sent to it. Ask its administrator for the certificate of its authority (sslrootcert=…), or check the server's name.",
	"Le serveur de %s a présenté un certificat auquel cet ordinateur ne peut pas se fier : rien ne lui a été envoyé. Demandez à son administrateur le certificat de son autorité (sslrootcert=…), ou vérifiez le nom du serveur.")

// untrusted reports whether err is a TLS certificate that did not verify.
func untrusted(err error) bool {
	var ua x509.UnknownAuthorityError
	var ci x509.CertificateInvalidError
	var he x509.HostnameError
	var cv *tls.CertificateVerificationError
	return errors.As(err, &ua) || errors.As(err, &ci) || errors.As(err, &he) || errors.As(err, &cv)
}

// ErrServerNeedsOwner: the congress's schema is older than this version of
// Congrès, and the account connected may not bring it up to date (only the
// database's owner changes the schema).
var ErrServerNeedsOwner = data.NewError(data.KindInvalid, "server_needs_owner",
	"The congress at %s was written by an older version of Congrès (format %d; this version needs %d), and only the account that owns the database can bring it up to date. Open it once with that account (the one that created it), then connect again. Nothing was changed.",
	"Le congrès de %s a été écrit par une version plus ancienne de Congrès (format %d ; cette version demande le %d), et seul le compte propriétaire de la base peut le mettre à jour. Ouvrez-le une fois avec ce compte (celui qui l'a créée), puis reconnectez-vous. Rien n'a été modifié.")
