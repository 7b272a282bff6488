//go:build unix

package core

import (
	"syscall"
	"time"
)

func init() {
	processCPU = func() time.Duration {
		var u syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &u)
		return time.Duration(u.Utime.Nano() + u.Stime.Nano())
	}
}
