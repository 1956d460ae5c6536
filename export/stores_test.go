package export

import "congres/data"

// The congress file's store is what every loader reads.
var (
	_ BadgeStore       = (*data.Store)(nil)
	_ CertificateStore = (*data.Store)(nil)
	_ SignInStore      = (*data.Store)(nil)
	_ AttendanceStore  = (*data.Store)(nil)
	_ ListStore        = (*data.Store)(nil)
)
