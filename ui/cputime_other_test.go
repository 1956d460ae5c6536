//go:build !unix

package ui

import "time"

// benchCPU is not measured here.
func benchCPU() time.Duration { return 0 }
