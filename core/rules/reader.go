package rules

// The reader's own findings: raised while reading, listed here for their docs. They
// say what the checker could not read; they are never the report's fault.

var ruleReadInput = &Rule{ID: "read.input", Title: "无法读取输入", Group: GroupReader, Severity: "error",
	Doc: "输入无法使用：空文件、二进制文件、不支持的格式或过大的文件。消息说明原因和可行的做法。"}

var _ = register(ruleReadInput)

var ruleReadSize = &Rule{ID: "read.size", Title: "输入过大", Group: GroupReader, Severity: "error",
	Doc: "输入超过大小上限，未检查。请只粘贴报告正文。"}

var _ = register(ruleReadSize)

var ruleReadMissing = &Rule{ID: "read.missing", Title: "未找到表格行", Group: GroupReader, Severity: "warning",
	Doc: "在文本中找不到模板的某一行（标签被改得无法辨认，或该行缺失），该行各格未能读取。"}

var _ = register(ruleReadMissing)

var ruleReadCount = &Rule{ID: "read.count", Title: "数值个数不符", Group: GroupReader, Severity: "warning",
	Doc: "某行读到的数值个数与模板的列数不符，无法确定各值属于哪一列，该行留空而不猜测。"}

var _ = register(ruleReadCount)

var ruleReadOrder = &Rule{ID: "read.order", Title: "按阅读顺序读取", Group: GroupReader, Severity: "info",
	Doc: "表格的标签与数字不在一起（常见于从 PDF 复制的文本），按模板的行序读取数字；按列打印的数字块还原为行。"}

var _ = register(ruleReadOrder)

var ruleReadAmbiguous = &Rule{ID: "read.ambiguous", Title: "无法唯一确定", Group: GroupReader, Severity: "warning",
	Doc: "文本有多种同样合理的读法（数字连在一起、顺序错乱），无法唯一确定，相关单元格留空而不猜测。"}

var _ = register(ruleReadAmbiguous)

var ruleReadSplit = &Rule{ID: "read.split", Title: "拆分连写数字", Group: GroupReader, Severity: "info",
	Doc: "一行的数字连写在一起（如“640020470”），只有一种拆分符合模板的勾稽关系，已按该拆分读取。"}

var _ = register(ruleReadSplit)

var ruleReadTable = &Rule{ID: "read.table", Title: "未找到表格", Group: GroupReader, Severity: "warning",
	Doc: "文本中找不到模板的表格（表二、表三或表四）。"}

var _ = register(ruleReadTable)

var ruleInternal = &Rule{ID: "internal", Title: "内部错误", Group: GroupReader, Severity: "error",
	Doc: "检查程序内部出错。输入已保留；请将报告和此消息反馈给开发者。"}

var _ = register(ruleInternal)

var ruleReadCoverage = &Rule{ID: "read.coverage", Title: "检查不完整", Group: GroupReader, Severity: "warning",
	Doc: `报告应有的表格中有未能读出的格：消息说明每张表有多少格、读出多少格。
未读出的格没有核对，用到它们的勾稽关系也没有核对，结论只适用于读出的部分。这是检查程序读取的问题，不是报告的错误。`}

var _ = register(ruleReadCoverage)

var ruleReadNotReport = &Rule{ID: "read.notreport", Title: "不是年度报告", Group: GroupReader, Severity: "error",
	Doc: "文本中没有找到年度报告的任何表格（表二、表三、表四或2008—2018年的统计表）：不像政府信息公开工作年度报告，或表格是图片。未做核对。"}

var _ = register(ruleReadNotReport)

var ruleReadGarbled = &Rule{ID: "read.garbled", Title: "数值无法识别", Group: GroupReader, Severity: "warning",
	Doc: `表格中一格写的不是数字，而像是识别错误的数字（OCR 把 1 识别为“l”、把 0 识别为“O”等）。
该格占住自己的位置（其后的数值不前移），值未读出、不作猜测，相关勾稽关系不核对。请核对原件。`}

var _ = register(ruleReadGarbled)

var ruleReadMultiple = &Rule{ID: "read.multiple", Title: "不止一份报告", Group: GroupReader, Severity: "warning",
	Doc: `文本中第一份报告的表四之后，又出现了表二和表三（报告汇编、爬虫抓取的列表页、两份报告粘贴在一起）。
只检查第一份：后面的报告不参与核对，以免把另一份报告的数字和正文算到这一份上。
页面上的“逐份检查”和命令行的 --each 把每一份报告分别检查。`}

var _ = register(ruleReadMultiple)

var ruleReadImage = &Rule{ID: "read.image", Title: "表格可能是图片", Group: GroupReader, Severity: "warning",
	Doc: `报告的表格一格也没有读出（或没有找到任何表格），而原文（网页、Word 文件，或从中复制的文字）在这里有图片：
表格很可能是以图片形式发布的。程序不识别图片中的文字，这些表格没有核对。请核对原件，或提供表格为文字的版本。`}

var _ = register(ruleReadImage)
