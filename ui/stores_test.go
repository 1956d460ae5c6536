package ui

import "congres/data"

// A congress file's store is what the window opens: every page's interface.
var _ openStore = (*data.Store)(nil)
