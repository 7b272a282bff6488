module nianbao

go 1.26.0

require (
	github.com/andybalholm/brotli v1.1.1
	github.com/caiguanhao/opencc v1.1.9
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/evanw/esbuild v0.28.2
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
	github.com/norunners/vert v0.0.0-20221203075838-106a353d42dd
	github.com/richardlehane/mscfb v1.0.9
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.62.0
	golang.org/x/text v0.43.0
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/liuzl/cedar-go v0.0.0-20170805034717-80a9c64b256d // indirect
	github.com/liuzl/da v0.0.0-20180704015230-14771aad5b1d // indirect
	github.com/richardlehane/msoleps v1.0.3 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
