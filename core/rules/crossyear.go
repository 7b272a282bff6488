package rules

// The cross-year checks compare two reports of one body for consecutive years, so
// they cannot run on one report: core.CompareYears raises them. They are listed here
// for their docs and for `nianbao rules`.

// GroupCrossYear groups the findings that compare two years' reports.
const GroupCrossYear = "跨年度"

var ruleCrossyearCarryover = &Rule{ID: "crossyear.carryover", Title: "上年结转不符", Group: GroupCrossYear, Severity: "warning",
	Doc: "表三“上年结转政府信息公开申请数量”与上一年报告的“结转下年度继续办理”不一致（逐列比较）。\n" +
		"上一年结转到下一年办理的申请，应当出现在下一年的上年结转中。同一机关连续两年的报告同时检查时才比较。"}

var _ = register(ruleCrossyearCarryover)

var ruleCrossyearValid = &Rule{ID: "crossyear.valid", Title: "现行有效件数不符", Group: GroupCrossYear, Severity: "warning",
	Doc: "表二规章、行政规范性文件的现行有效件数不等于上一年的现行有效件数加本年制发件数减本年废止件数。\n" +
		"2021年格式的表二，同一机关连续两年的报告同时检查时才比较；文件失效、修改等情况可能造成合理差异。"}

var _ = register(ruleCrossyearValid)

var ruleCrossyearCumulative = &Rule{ID: "crossyear.cumulative", Title: "历年累计不符", Group: GroupCrossYear, Severity: "warning",
	Doc: "2008—2018年统计表中，某项指标的“历年累计”不等于上一年的历年累计加本年数。\n" +
		"只比较两年都有“本年”和“历年累计”两列、且指标名称相同的项目。"}

var _ = register(ruleCrossyearCumulative)

var ruleCrossyearCopy = &Rule{ID: "crossyear.copy", Title: "内容雷同", Group: GroupCrossYear, Severity: "warning",
	Doc: "报告正文重复了上一年报告的一半以上，或表格中的数字与上一年完全相同，疑似照搬上年报告。\n" +
		"正文按整句比较（数字不计），上年正文一半以上的文字在本年原样出现即提示（八成以上为警告，其余为提示）；" +
		"数字要求两年的数值全部相同且至少 8 个不为零。"}

var _ = register(ruleCrossyearCopy)

var ruleCrossyearPair = &Rule{ID: "crossyear.pair", Title: "未做跨年度比对", Group: GroupCrossYear, Severity: "info",
	Doc: "指定比对的两份报告不是同一机关连续两年的报告（年度不连续、机关不同或无法读取），未做跨年度比对。"}

var _ = register(ruleCrossyearPair)
