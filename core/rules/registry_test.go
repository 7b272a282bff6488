package rules

import "testing"

// The registry is built on first use; a duplicate id panics there, so every test run
// builds it.
func TestRegistry(t *testing.T) {
	all := All()
	if len(all) != len(registered) || len(all) < 30 {
		t.Fatalf("%d rules sorted, %d registered", len(all), len(registered))
	}
	for i, r := range all {
		if Lookup(r.ID) != r {
			t.Errorf("Lookup(%q) is not the registered rule", r.ID)
		}
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("All is not ordered by id at %q", r.ID)
		}
	}
}
