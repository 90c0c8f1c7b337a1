// Command trainparser trains the pipeline's part-of-speech tagger and
// dependency parser on UD English EWT and writes the models the binary
// embeds (make parser-model). The parser learns from the tags the tagger
// gives, not the treebank's: the training sentences are tagged by taggers
// that did not see their documents (ten-fold jackknifing by runs of
// sentences), so the parser meets tagging errors as it will at run time.
// Training is reproducible: the same data and seed give the same model
// bytes.
package main

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/stancegraph/stancegraph/extract/conllu"
	"github.com/stancegraph/stancegraph/extract/depparse"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/extract/pos"
)

// options are the command's flags.
type options struct {
	ud, posOut, depOut      string
	folds, pEpochs, dEpochs int
	minUpdates              int
	seed                    int64
	measure, cache          string
	mixGold                 bool
}

func main() {
	var o options
	flag.StringVar(&o.ud, "ud", "../shared/ud/en_ewt", "folder with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	flag.StringVar(&o.posOut, "pos", "extract/pos/"+pos.ModelFile, "where to write the tagger's model")
	flag.StringVar(&o.depOut, "dep", "extract/depparse/"+depparse.ModelFile, "where to write the parser's model")
	flag.IntVar(&o.folds, "folds", 10, "jackknife folds for the training sentences' tags")
	flag.IntVar(&o.pEpochs, "tagger-epochs", 8, "tagger epochs (the best on dev is kept)")
	flag.IntVar(&o.dEpochs, "parser-epochs", 12, "parser epochs (the best on dev is kept)")
	flag.IntVar(&o.minUpdates, "min-updates", 3, "prune parser features named in fewer updates")
	flag.Int64Var(&o.seed, "seed", 1, "shuffle seed")
	flag.StringVar(&o.measure, "measure", "", "also score on these CoNLL-U files, comma-separated (never trained on)")
	flag.StringVar(&o.cache, "tags-cache", "", "keep the tagger and the jackknifed tags in this file, and reuse them when it exists (for parser experiments)")
	flag.BoolVar(&o.mixGold, "mix-gold", false, "also train on the training sentences with their gold tags")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "trainparser:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	start := time.Now()
	since := func() time.Duration { return time.Since(start).Round(time.Second) }
	train, err := read(filepath.Join(o.ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	dev, err := read(filepath.Join(o.ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	fmt.Printf("read %d training and %d development sentences\n", len(train), len(dev))

	popts := pos.TrainOptions{Epochs: o.pEpochs, Seed: o.seed, Dev: posExamples(dev)}
	tagger, trainTags, err := loadCache(o.cache)
	if err != nil {
		return err
	}
	if tagger == nil {
		logged := popts
		logged.Log = os.Stdout
		if tagger, err = pos.Train(posExamples(train), logged); err != nil {
			return err
		}
		if trainTags, err = jackknife(train, o.folds, popts); err != nil {
			return err
		}
		fmt.Printf("jackknifed tags for the training sentences (%d folds): XPOS %.2f%% (%s)\n", o.folds, 100*agree(train, trainTags), since())
		if err := saveCache(o.cache, tagger, trainTags); err != nil {
			return err
		}
	}
	if err := write(o.posOut, tagger); err != nil {
		return err
	}
	a := pos.Accuracy(tagger, popts.Dev)
	fmt.Printf("tagger: dev XPOS %.2f%% UPOS %.2f%% -> %s (%s)\n", 100*a.XPOS, 100*a.UPOS, o.posOut, since())

	dopts := depparse.TrainOptions{Epochs: o.dEpochs, Seed: o.seed, MinUpdates: o.minUpdates,
		Dev: depExamples(dev, tagAll(tagger, dev)), Log: os.Stdout}
	examples := depExamples(train, trainTags)
	if o.mixGold {
		for _, s := range train {
			examples = append(examples, depparse.Example{Forms: s.forms, XPOS: s.xpos, UPOS: s.upos, Heads: s.heads, Labels: s.labels})
		}
	}
	parser, err := depparse.Train(examples, dopts)
	if err != nil {
		return err
	}
	if err := write(o.depOut, parser); err != nil {
		return err
	}
	s := depparse.Evaluate(parser, dopts.Dev)
	fmt.Printf("parser: dev UAS %.2f LAS %.2f -> %s (%s)\n", 100*s.UAS(), 100*s.LAS(), o.depOut, since())
	for _, path := range splitList(o.measure) {
		ss, err := read(path)
		if err != nil {
			return err
		}
		a := pos.Accuracy(tagger, posExamples(ss))
		s := depparse.Evaluate(parser, depExamples(ss, tagAll(tagger, ss)))
		fmt.Printf("%s: XPOS %.2f UPOS %.2f UAS %.2f LAS %.2f\n", filepath.Base(path), 100*a.XPOS, 100*a.UPOS, 100*s.UAS(), 100*s.LAS())
		for _, f := range s.FamilyNames() {
			c := s.Family[f]
			fmt.Printf("  %-20s %6d words  UAS %.2f LAS %.2f\n", f, c.Words, 100*float64(c.Heads)/float64(c.Words), 100*float64(c.Labelled)/float64(c.Words))
		}
	}
	return nil
}

// sentence is a treebank sentence with forms as the pipeline normalises
// them (ASCII quotes and dashes).
type sentence struct {
	forms, guide, xpos, upos, labels []string
	heads                            []int
}

func read(path string) ([]sentence, error) {
	ss, err := conllu.ReadFile(path)
	if err != nil {
		return nil, err
	}
	prose, err := nlp.ProseTagger()
	if err != nil {
		return nil, err
	}
	out := make([]sentence, len(ss))
	for i, s := range ss {
		for _, w := range s.Words {
			form, _ := nlp.Normalize(w.Form)
			out[i].forms = append(out[i].forms, form)
			out[i].xpos = append(out[i].xpos, w.XPOS)
			out[i].upos = append(out[i].upos, w.UPOS)
			out[i].heads = append(out[i].heads, w.Head-1)
			out[i].labels = append(out[i].labels, w.Deprel)
		}
		out[i].guide = prose.Tags(out[i].forms, nil)
	}
	return out, nil
}

func posExamples(ss []sentence) []pos.Example {
	out := make([]pos.Example, len(ss))
	for i, s := range ss {
		out[i] = pos.Example{Forms: s.forms, Guide: s.guide, XPOS: s.xpos, UPOS: s.upos}
	}
	return out
}

// tags are a sentence's predicted XPOS and UPOS.
type tags struct{ xpos, upos []string }

func tagAll(t *pos.Tagger, ss []sentence) []tags {
	out := make([]tags, len(ss))
	var ids []int
	for i, s := range ss {
		ids = t.Tag(s.forms, s.guide, ids[:0])
		for _, id := range ids {
			out[i].xpos = append(out[i].xpos, t.XPOS(id))
			out[i].upos = append(out[i].upos, t.UPOS(id))
		}
	}
	return out
}

// jackknife tags each fold of ss with a tagger trained on the other folds,
// folds side by side on the machine's cores.
func jackknife(ss []sentence, folds int, o pos.TrainOptions) ([]tags, error) {
	out := make([]tags, len(ss))
	errs := make([]error, folds)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for k := 0; k < folds; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest, held []sentence
			var at []int
			for i, s := range ss {
				// Folds are runs of sentences, so that a fold's tagger
				// has not read the documents it tags, as at run time.
				// Folds by sentence index tagged 95.8% right, runs 94.6%,
				// as the tagger does on dev (94.4%).
				if i*folds/len(ss) == k {
					held = append(held, s)
					at = append(at, i)
				} else {
					rest = append(rest, s)
				}
			}
			o := o
			o.Dev = nil // the last epoch: tuning each fold on dev would cost as much again
			t, err := pos.Train(posExamples(rest), o)
			if err != nil {
				errs[k] = err
				return
			}
			for j, tg := range tagAll(t, held) {
				out[at[j]] = tg
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func agree(ss []sentence, ts []tags) float64 {
	n, ok := 0, 0
	for i, s := range ss {
		for j := range s.xpos {
			n++
			if s.xpos[j] == ts[i].xpos[j] {
				ok++
			}
		}
	}
	return float64(ok) / float64(n)
}

func depExamples(ss []sentence, ts []tags) []depparse.Example {
	out := make([]depparse.Example, len(ss))
	for i, s := range ss {
		out[i] = depparse.Example{Forms: s.forms, XPOS: ts[i].xpos, UPOS: ts[i].upos, Heads: s.heads, Labels: s.labels}
	}
	return out
}

// write writes a model to a temporary file and renames it into place.
func write(path string, m io.WriterTo) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := m.WriteTo(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// loadCache reads a tagger and jackknifed tags that saveCache wrote; it
// returns nils when there is no such file.
func loadCache(path string) (*pos.Tagger, []tags, error) {
	if path == "" {
		return nil, nil, nil
	}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var c struct {
		Tagger []byte
		X, U   [][]string
	}
	if err := gob.NewDecoder(f).Decode(&c); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	t, err := pos.Load(c.Tagger)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	ts := make([]tags, len(c.X))
	for i := range ts {
		ts[i] = tags{c.X[i], c.U[i]}
	}
	fmt.Printf("tagger and jackknifed tags from %s\n", path)
	return t, ts, nil
}

func saveCache(path string, t *pos.Tagger, ts []tags) error {
	if path == "" {
		return nil
	}
	var buf bytes.Buffer
	if _, err := t.WriteTo(&buf); err != nil {
		return err
	}
	c := struct {
		Tagger []byte
		X, U   [][]string
	}{Tagger: buf.Bytes()}
	for _, x := range ts {
		c.X = append(c.X, x.xpos)
		c.U = append(c.U, x.upos)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(&c); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
