package rules

// The identities of the template, each a rule of its own; the equations themselves are
// data in package template.

var ruleT3Balance = &Rule{
	ID: "t3.balance", Title: "表三收支平衡", Group: GroupBalance, Severity: "error", Run: checkIdentities,
	Doc: `表三每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理）。
这是模板表头注明的勾稽关系（第一项加第二项之和，等于第三项加第四项之和），逐列核对，包括总计列。`,
}

var _ = register(ruleT3Balance)

var ruleT3Outcomes = &Rule{
	ID: "t3.outcomes", Title: "表三办理结果合计", Group: GroupOutcomes, Severity: "error", Run: checkIdentities,
	Doc: `表三每一列：（七）总计 = 各项办理结果之和。
各项为（一）予以公开、（二）部分公开、（三）不予公开 8 项、（四）无法提供 3 项、（五）不予处理 5 项、
（六）其他处理（2021 年格式 3 项，2019 年格式 1 项）。常见错误是明细重复计数，超过总计。`,
}

var _ = register(ruleT3Outcomes)

var ruleT3Rowsum = &Rule{
	ID: "t3.rowsum", Title: "表三横向合计", Group: GroupRowSum, Severity: "error", Run: checkIdentities,
	Doc: `表三每一行：总计列 = 自然人 + 法人或其他组织各列。
报告另设“法人或其他组织”小计列时，小计也须等于五类组织之和。`,
}

var _ = register(ruleT3Rowsum)

var ruleT4Total = &Rule{
	ID: "t4.total", Title: "表四合计", Group: GroupT4, Severity: "error", Run: checkIdentities,
	Doc: `表四每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
常见错误是总计填 0 而各项不为 0。`,
}

var _ = register(ruleT4Total)

var ruleT2Valid = &Rule{
	ID: "t2.valid", Title: "表二现行有效件数", Group: GroupT2, Severity: "warning", Run: checkIdentities,
	Doc: `表二规章、行政规范性文件：本年制发件数 ≤ 现行有效件数 + 本年废止件数（软规则）。
本年制发的文件，年末要么仍然有效，要么已被废止；制发数超过二者之和，通常是现行有效件数漏填。`,
}

var _ = register(ruleT2Valid)
