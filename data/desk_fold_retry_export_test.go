package data

import "time"

// RetryHeldNowForTest makes the held actions whose fold failed due now.
func (s *Store) RetryHeldNowForTest() {
	r := &s.held.retry
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.failed {
		f.next = time.Time{}
	}
}
