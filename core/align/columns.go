package align

import (
	"math"
	"sort"
)

// placeByColumns reads rows of space-aligned text (PDF -layout output) that hold fewer
// numbers than columns: the rows read whole give each column's position on the line,
// and each number goes to the column it stands under. A column left without a number
// is a blank cell of the report. Rows whose numbers do not line up stay unread.
func (a *aligner) placeByColumns(anch []rowRead, n int) {
	for i := range anch {
		rr := &anch[i]
		if rr.ok || !rr.label.found() || len(rr.vals) == 0 || len(rr.vals) >= n || numbers(rr.vals) < len(rr.vals) {
			continue
		}
		nums := rr.vals
		if !a.oneLine(nums) {
			continue
		}
		// columns sit where they sit on this page: pages of a PDF are laid out apart
		centers, tol := a.columnCenters(anch, n, a.toks[nums[0].tok].Page)
		if centers == nil {
			continue
		}
		placed := bestPlacement(a, nums, centers, tol)
		if placed == nil {
			continue
		}
		cells := make([]piece, n)
		end := nums[len(nums)-1].end
		for j, k := range placed {
			if k >= 0 {
				cells[j] = nums[k]
			} else {
				cells[j] = piece{tok: -1, start: end, end: end, blank: true}
			}
		}
		rr.cells, rr.ok = cells, true
	}
}

// bestPlacement puts each number under a column, in order, leaving the others blank:
// the placement closest to the columns' positions, provided it is clearly closer than
// any other and no number stands further than tol from its column.
func bestPlacement(a *aligner, nums []piece, centers []float64, tol float64) []int {
	n := len(centers)
	best, second := math.Inf(1), math.Inf(1)
	var bestPlaced []int
	cols := make([]int, len(nums))
	var walk func(k, from int)
	walk = func(k, from int) {
		if k == len(nums) {
			cost, worst := 0.0, 0.0
			for i, j := range cols {
				d := abs(a.middle(nums[i]) - centers[j])
				cost += d * d
				worst = max(worst, d)
			}
			if worst > tol {
				return
			}
			switch {
			case cost < best:
				second, best = best, cost
				bestPlaced = make([]int, n)
				for j := range bestPlaced {
					bestPlaced[j] = -1
				}
				for i, j := range cols {
					bestPlaced[j] = i
				}
			case cost < second:
				second = cost
			}
			return
		}
		for j := from; j <= n-(len(nums)-k); j++ {
			cols[k] = j
			walk(k+1, j+1)
		}
	}
	walk(0, 0)
	if bestPlaced == nil || !(second > 2*best+1) {
		return nil
	}
	return bestPlaced
}

// columnCenters returns where each column's numbers stand on a page, from the rows read
// whole there, and how far a number may stand from its column; nil when fewer than two
// such rows say so.
func (a *aligner) columnCenters(anch []rowRead, n, page int) ([]float64, float64) {
	mids := make([][]float64, n)
	for _, rr := range anch {
		if !rr.ok || len(rr.cells) != n || !a.oneLine(rr.cells) || rr.cells[0].tok < 0 || a.toks[rr.cells[0].tok].Page != page {
			continue
		}
		for j, p := range rr.cells {
			if !p.blank && p.tok >= 0 {
				mids[j] = append(mids[j], a.middle(p))
			}
		}
	}
	centers := make([]float64, n)
	for j, m := range mids {
		if len(m) < 2 {
			return nil, 0
		}
		sort.Float64s(m)
		centers[j] = m[len(m)/2]
	}
	gap := 1e9
	for j := 1; j < n; j++ {
		gap = min(gap, centers[j]-centers[j-1])
	}
	return centers, max(1.5, 0.8*gap)
}

// middle is the position of the middle of a number on its line, in characters: the
// same for left-, right- and centre-aligned columns give or take half a number.
func (a *aligner) middle(p piece) float64 {
	return float64(a.toks[p.tok].Col) + float64(len(p.raw))/2
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func (a *aligner) oneLine(ps []piece) bool {
	line := -1
	for _, p := range ps {
		if p.tok < 0 {
			continue
		}
		if l := a.toks[p.tok].Line; line >= 0 && l != line {
			return false
		} else {
			line = l
		}
	}
	return true
}
