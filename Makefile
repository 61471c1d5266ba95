# The documented way to do things. `make run` and `make test` provision everything they need on a fresh
# Debian/Ubuntu machine (as root or with sudo) and are safe to run again.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)

GO      ?= go
BIN     := bin/legalmap
WEB     := static/node_modules/.installed
SAMPLE  := tmp/sample
GOFILES := $(shell find . -name '*.go' -not -path './static/node_modules/*' 2>/dev/null)
SQL     := $(wildcard sql/*.sql)

.PHONY: run test db web build migrate sample serve bench bench-go bench-import bench-api bench-web fuzz lint vet clean browser

## run: install what is missing, start PostgreSQL + PostGIS, migrate, load the sample directory, serve :8080
run: db build migrate sample serve

# Packages that run goroutines or share state between them: their tests run under the race detector.
RACE_PKGS := legalmap/importers/pipeline legalmap/importers/sample legalmap/internal/api legalmap/internal/auth \
	legalmap/internal/search legalmap/internal/store legalmap/internal/store/importdb legalmap/internal/store/placedb \
	legalmap/internal/store/recorddb legalmap/internal/store/requestdb legalmap/internal/api/admin \
	legalmap/internal/api/catalog legalmap/internal/api/desk

## test: the same provisioning for throwaway databases, then every test (unit, storage, HTTP, browser)
test: db web browser
	$(GO) vet ./...
	cd static && npm test
	$(GO) test -count=1 -timeout 30m -race $(RACE_PKGS)
	$(GO) test -count=1 -timeout 30m $(filter-out $(RACE_PKGS),$(shell $(GO) list ./...))

db:
	@scripts/provision-db.sh

# Front-end libraries come from npm with the lockfile and are copied into the embedded tree: no CDN.
web: $(WEB)
$(WEB): static/package.json static/package-lock.json static/vendor.txt
	@command -v npm >/dev/null || { echo "npm is needed (Node.js 20): apt-get install nodejs npm" >&2; exit 1; }
	cd static && npm ci --no-audit --no-fund --loglevel=error
	scripts/copy-vendor.sh
	@touch $@

# The browser tests drive Debian's Chromium headless.
browser:
	@command -v chromium >/dev/null || { echo "==> installing chromium"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); }

build: $(BIN)
$(BIN): $(WEB) $(GOFILES) $(SQL) go.mod go.sum $(shell find static/site -type f 2>/dev/null)
	$(GO) build -o $(BIN) ./cmd/legalmap

migrate: $(BIN)
	$(BIN) migrate

sample: $(BIN)
	@scripts/load-sample.sh $(BIN) $(SAMPLE)

serve: $(BIN)
	@scripts/serve.sh $(BIN)

## bench: every benchmark, each printing its figures
bench: bench-go bench-import bench-api bench-web

# The Go benchmarks (analysis, readers, row mapping, distances, relevance per query class, the million-row
# sample file); the browser's is bench-web.
bench-go: db
	$(GO) test -count=1 -timeout 30m -run '^$$' -bench . -benchmem $(filter-out legalmap/internal/webtest,$(shell $(GO) list ./...))

bench-import: db build
	@scripts/bench-import.sh

bench-api: db build
	@scripts/bench-api.sh

bench-web: db web browser
	@scripts/bench-web.sh

## fuzz: a short run of every fuzz target (their seed corpora also run in `make test`)
fuzz:
	@scripts/fuzz.sh 30s

vet:
	$(GO) vet ./...

lint: vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

clean:
	rm -rf bin tmp $(WEB)
