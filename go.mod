module nianbao

go 1.26.0

require (
	github.com/caiguanhao/opencc v1.1.9
	golang.org/x/text v0.43.0
)

require (
	github.com/liuzl/cedar-go v0.0.0-20170805034717-80a9c64b256d // indirect
	github.com/liuzl/da v0.0.0-20180704015230-14771aad5b1d // indirect
	github.com/norunners/vert v0.0.0-20221203075838-106a353d42dd // indirect
)
