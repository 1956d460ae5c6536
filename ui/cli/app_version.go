package cli

import "strings"

// appVersion is the app's version as the files it writes name it after
// "Congrès" ("1.4.0 (build 12)"): what --version prints, without the name.
func (r *runner) appVersion() string {
	v := strings.TrimSpace(r.cfg.Version)
	return strings.TrimSpace(strings.TrimPrefix(v, "Congrès"))
}
