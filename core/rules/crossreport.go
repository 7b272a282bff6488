package rules

// The checks across reports besides the pairs of years: a value that jumps from one
// year to the next, and a body that reports nothing where its peers in a batch report
// many. Like the other cross-year checks they cannot run on one report: core raises
// them on the reports' Facts (core/crossyear.go, core/peers.go).

// GroupPeers groups the findings that compare a report with the others of a batch.
const GroupPeers = "同批比较"

var ruleCrossyearJump = &Rule{ID: "crossyear.jump", Title: "数值大幅变化", Group: GroupCrossYear, Severity: "info",
	Doc: "同一机关连续两年的报告中，某项主要数字增至上年的 5 倍以上，或不足上年的五分之一。\n" +
		"比较表三本年新收申请数和办理结果总计、表四各组总计、表二行政许可、行政处罚、行政强制处理决定数和收费金额。" +
		"两年中较大的数不足 20 时不提示（小机关一年 0 件、次年 3 件属正常）。大幅变化不一定是错误，请核对是否填错行、错列或单位。"}

var _ = register(ruleCrossyearJump)

var rulePeerZero = &Rule{ID: "peer.zero", Title: "与同批报告差异大", Group: GroupPeers, Severity: "info",
	Doc: "一批报告（如同一地区同一年度）中，某机关的主要数字为 0，而同年度的其他机关大多不为 0 且中位数不少于 20。\n" +
		"比较表三本年新收申请数、表二行政许可和行政处罚处理决定数；同年度至少有 5 个其他机关填了该数、其中报 0 的不超过五分之一时才提示。" +
		"批量检查时在全部报告检查完后给出。"}

var _ = register(rulePeerZero)
