package assets

// icon.png is drawn by a program, so that the mark can be changed and drawn
// again at any size: `go generate ./assets/`.
//
//go:generate go run ./icongen -o icon.png -size 256
