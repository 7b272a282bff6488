# nianbao — 年报校验. `make run` serves the page; `make test` runs every test.
GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
WASMEXEC := $(firstword $(wildcard $(GOROOT)/lib/wasm/wasm_exec.js $(GOROOT)/misc/wasm/wasm_exec.js))
ADDR    ?= 127.0.0.1:8080
SHARED  ?= ../shared

.PHONY: run wasm test unit e2e score bench fuzz dist clean

run: wasm
	$(GO) run serve.go -addr $(ADDR) -dir web

wasm: web/nianbao.wasm web/wasm_exec.js

web/nianbao.wasm: $(shell find core wasm -name '*.go') go.mod go.sum
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./wasm

web/wasm_exec.js: $(WASMEXEC)
	cp $< $@

# Every test: unit and golden tests, the scorer on the seeds and corpus, and the browser tests.
test: unit score e2e

unit:
	$(GO) vet ./...
	$(GO) test ./...

# Score the command line tool against the truth files (skipped when ../shared is absent).
score:
	@if [ -d $(SHARED)/seeds ]; then \
		$(GO) build -o bin/nianbao ./cmd/nianbao && \
		python3 $(SHARED)/tools/score.py --bin bin/nianbao --reports $(SHARED)/seeds --truth $(SHARED)/seeds-truth && \
		python3 $(SHARED)/tools/score.py --bin bin/nianbao --reports $(SHARED)/corpus/reports --truth $(SHARED)/corpus/truth; \
	else echo "score: $(SHARED) not present, skipped"; fi

e2e:
	@if [ -f testdata/e2e/run.sh ]; then bash testdata/e2e/run.sh; else echo "e2e: no browser tests yet"; fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./core/...

# Short fuzz runs of the parsers; FUZZTIME=5m for a longer run.
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzNormalize -fuzztime $(FUZZTIME) ./core/source
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME) ./core/source
	$(GO) test -run '^$$' -fuzz FuzzCheck -fuzztime $(FUZZTIME) ./core

dist: wasm
	@if [ -f web/build-dist.go ]; then $(GO) run ./web/build-dist.go; else echo "dist: not yet"; fi

clean:
	rm -rf bin dist web/nianbao.wasm web/wasm_exec.js
