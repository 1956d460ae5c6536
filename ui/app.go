package ui

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
)
