package rules

// GroupOrder is the order in which the page and the review show the groups of findings:
// the tables' arithmetic first, then cells, the prose and its wording, the structure,
// the comparisons with other reports, and last what the reader could not read.
var GroupOrder = []string{
	GroupBalance, GroupOutcomes, GroupRowSum, GroupT4, GroupT2, GroupStats, GroupCells,
	GroupText, GroupWording, GroupStructure, GroupCrossYear, GroupPeers, GroupReader,
}
