// Package pool keeps what a check leaves behind for the next check to reuse: a batch
// or a page checks one report after another, and the arrays of one fit the next.
package pool

import "sync"

// Of is a sync.Pool of *T that makes a new, zero T when it holds none.
type Of[T any] struct{ p sync.Pool }

// Get returns a kept *T, or a new one.
func (o *Of[T]) Get() *T {
	if v, ok := o.p.Get().(*T); ok {
		return v
	}
	return new(T)
}

// Put keeps v for a later Get; v may not be used afterwards.
func (o *Of[T]) Put(v *T) { o.p.Put(v) }
