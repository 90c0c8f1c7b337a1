# stancegraph: `make demo` builds the sample corpus into ./stancegraph.db and
# asks it questions; `make test` runs every test.
GO      ?= go
BIN     := bin/stancegraph
EVAL    ?= ../shared/eval
GOLD    ?= $(EVAL)/gold-seeds.jsonl
CORPUS  := testdata/corpus

.PHONY: all build install test vet eval demo bench clean deps assets site-vendor fuzz race parser-model

all: build

build:
	$(GO) build -o $(BIN) ./cmd/stancegraph

# Install the binary in $(go env GOBIN), else $(go env GOPATH)/bin.
install:
	$(GO) install ./cmd/stancegraph

vet:
	$(GO) vet ./...

# System packages the tests use: Graphviz renders the exported drawings,
# Chromium drives the web console in the browser test, Raptor and rdflib
# read the RDF exports back.
deps:
	@missing=""; command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v rapper >/dev/null 2>&1 || missing="$$missing raptor2-utils"; \
	/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1 || missing="$$missing python3-rdflib"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for the tests:$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The extractor runs on several goroutines at once, and so do the library's
# largest questions: those tests also run under the race detector (about
# twenty seconds; boltdb trips checkptr, which is off for the queries).
test: deps vet
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./extract/...
	$(GO) test -count=1 -race -gcflags=all=-d=checkptr=0 -run 'TestNativeInPartsAndLimits' ./queries
	$(GO) test -count=1 -race -gcflags=all=-d=checkptr=0 -run 'TestBulk|TestKVWriterAsCayley|TestLoadIdempotentAndReplace|TestRawWriteDropsTheTally|TestCloseWaitsForReaders' ./graph

# Extract the sample corpus and score it against the gold statements; then
# the development articles, where they were written to out/dev
# (../shared/eval/dev/README.md says how). EXTRACTOR=rules|tree|hybrid.
eval: build
	@mkdir -p out
	./$(BIN) extract -q $(if $(EXTRACTOR),--extractor $(EXTRACTOR)) $(CORPUS) > out/seeds.jsonl
	@if [ -f $(GOLD) ]; then echo "== sample corpus"; python3 $(EVAL)/score.py --gold $(GOLD) --system out/seeds.jsonl $(EVALFLAGS); \
	else echo "no $(GOLD): extracted to out/seeds.jsonl, nothing to score against"; fi
	@if [ -f out/dev/gold-dev.jsonl ]; then \
	  ./$(BIN) extract -q $(if $(EXTRACTOR),--extractor $(EXTRACTOR)) out/dev/*.txt > out/dev.jsonl; \
	  echo "== development articles"; python3 $(EVAL)/score.py --gold out/dev/gold-dev.jsonl --system out/dev.jsonl $(EVALFLAGS); fi

# The main job on the embedded default store, then example path queries.
demo: build
	./$(BIN) build $(CORPUS)
	@echo; echo '$$ stancegraph query --name opponents Russia --format table'
	@./$(BIN) query --name opponents Russia --format table
	@echo; echo '$$ stancegraph query --name supporters "United States" --format table'
	@./$(BIN) query --name supporters "United States" --format table
	@echo; echo "$$ stancegraph query 'g.V(\"<sg:actor/china>\").Out(\"<sg:SUPPORT>\").Out(\"<rdfs:label>\").All()' --format table"
	@./$(BIN) query 'g.V("<sg:actor/china>").Out("<sg:SUPPORT>").Out("<rdfs:label>").All()' --format table
	@echo; ./$(BIN) stats

# Train the part-of-speech tagger and the dependency parser on UD English
# EWT (train, tuned on dev) and write the models the binary embeds
# (extract/pos/model, extract/depparse/model); about four minutes on two
# cores, the same bytes every time. MEASURE lists CoNLL-U files to score the
# result on, never to train on.
UD      ?= ../shared/ud/en_ewt
MEASURE ?= $(UD)/en_ewt-ud-test.conllu,../shared/ud/en_gum_news/en_gum_news.conllu
parser-model:
	$(GO) run ./cmd/trainparser -ud $(UD) -measure '$(MEASURE)'

# Refresh the console's pages and assets from the Cayley module.
assets:
	rm -rf web/assets/templates web/assets/static
	cp -r "$$($(GO) list -m -f '{{.Dir}}' github.com/cayleygraph/cayley)"/templates \
	      "$$($(GO) list -m -f '{{.Dir}}' github.com/cayleygraph/cayley)"/static web/assets/
	cp "$$($(GO) list -m -f '{{.Dir}}' github.com/cayleygraph/cayley)"/LICENSE web/assets/LICENSE
	chmod -R u+w web/assets

# Cytoscape.js for the network view, from the npm registry (MIT licence).
CYTOSCAPE ?= 3.35.0
site-vendor:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent cytoscape@$(CYTOSCAPE) >/dev/null && tar xzf cytoscape-$(CYTOSCAPE).tgz && \
	cp package/dist/cytoscape.min.js $(CURDIR)/web/site/vendor/ && cp package/LICENSE $(CURDIR)/web/site/vendor/LICENSE.cytoscape && rm -rf $$tmp

# Fuzz the readers, the sentence splitter, the tokeniser and Punkt (against
# prose's and english's), the syntax stage (well-formed trees) and the whole
# extractor, FUZZTIME each; a crasher
# lands in testdata/fuzz and stays a regression test.
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./extract/source -run '^$$' -fuzz '^FuzzTextDocument$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/source -run '^$$' -fuzz '^FuzzJSONDocument$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/nlp -run '^$$' -fuzz '^FuzzSentences$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/nlp -run '^$$' -fuzz '^FuzzTokenize$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/nlp -run '^$$' -fuzz '^FuzzPunkt$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/nlp -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/rules -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract/tree -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)

# The race detector; boltdb trips checkptr, which is off for that reason.
race:
	$(GO) test -count=1 -race -gcflags=all=-d=checkptr=0 ./...

# Benchmarks: Go's (extraction, tagger, loads per backend), then the
# corpus-scale report: 5 and 50 MB corpora on one core and all, beside
# wink-nlp; loads into bolt, leveldb, memstore and PostgreSQL; the query
# library on a 1,000,000-statement graph (about 45 minutes in all;
# QUICK=1 for small sizes). Inputs and stores go to out/bench.
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	@if command -v npm >/dev/null 2>&1; then cd bench/wink && npm ci --no-audit --no-fund --silent; \
	else echo "no npm: the report leaves wink-nlp out"; fi
	$(GO) run ./bench/report -bin $(BIN) $(if $(QUICK),-quick) $(REPORTFLAGS)

clean:
	rm -rf bin out stancegraph.db bench/wink/node_modules
