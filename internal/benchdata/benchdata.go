// Package benchdata makes the reproducible inputs of `make bench`: a corpus
// of the sample articles repeated with their own ids and dates, and a
// synthetic graph of any number of statements whose actors and positions
// follow Zipf's law, as news coverage does (a few actors and issues take
// most of the statements).
package benchdata

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

// CorpusInfo describes a written corpus.
type CorpusInfo struct {
	Dir   string
	Docs  int
	Bytes int64
}

// WriteCorpus writes copies of the .txt articles in seed under dir until
// they hold size bytes: copy i is bench-NNNNNN-<name>, dated 2022-01-01
// plus i*7 days modulo two years on its first line. The same arguments
// always give the same files; a dir that already holds them is kept.
func WriteCorpus(seed, dir string, size int64) (CorpusInfo, error) {
	files, err := filepath.Glob(filepath.Join(seed, "*.txt"))
	if err != nil || len(files) == 0 {
		return CorpusInfo{}, fmt.Errorf("bench corpus: no .txt articles in %s", seed)
	}
	sort.Strings(files)
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return CorpusInfo{}, fmt.Errorf("bench corpus: %w", err)
		}
		// The copy gets its own date line instead of the article's.
		t := strings.TrimLeft(string(b), " \t")
		if strings.HasPrefix(t, "date ") && len(t) > 15 {
			t = t[15:]
		}
		texts = append(texts, strings.TrimLeft(t, " \t"))
	}
	stamp := filepath.Join(dir, ".complete")
	if b, err := os.ReadFile(stamp); err == nil && string(b) == fmt.Sprint(size) {
		return scan(dir)
	}
	if err := os.RemoveAll(dir); err != nil {
		return CorpusInfo{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return CorpusInfo{}, err
	}
	day0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	var total int64
	for i := 0; total < size; i++ {
		text := fmt.Sprintf("date %s %s", day0.AddDate(0, 0, (i*7)%730).Format("2006-01-02"), texts[i%len(texts)])
		name := fmt.Sprintf("bench-%06d-%s", i, filepath.Base(files[i%len(files)]))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return CorpusInfo{}, fmt.Errorf("bench corpus: %w", err)
		}
		total += int64(len(text))
	}
	if err := os.WriteFile(stamp, []byte(fmt.Sprint(size)), 0o644); err != nil {
		return CorpusInfo{}, err
	}
	return scan(dir)
}

func scan(dir string) (CorpusInfo, error) {
	info := CorpusInfo{Dir: dir}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return info, err
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return info, err
		}
		info.Docs++
		info.Bytes += st.Size()
	}
	return info, nil
}

// Spec shapes a synthetic graph.
type Spec struct {
	Statements int // in all
	PerDoc     int // statements a document
	Actors     int // distinct actors; the lexicon's come first
	Positions  int // distinct positions
	Seed       uint64
}

// DefaultSpec is the graph of n statements that `make bench` queries.
func DefaultSpec(n int) Spec {
	return Spec{Statements: n, PerDoc: 20, Actors: 3000, Positions: 200000, Seed: 1}
}

type actor struct{ name, kind string }

// actors lists the graph's actors by rank: the lexicon's, then made-up
// groups.
func (sp Spec) actors() ([]actor, error) {
	lx, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	var actors []actor
	for _, a := range lx.Actors {
		if len(actors) < sp.Actors {
			actors = append(actors, actor{a.Name, a.Kind})
		}
	}
	for i := len(actors); i < sp.Actors; i++ {
		actors = append(actors, actor{fmt.Sprintf("Group %d", i), schema.KindGroup})
	}
	return actors, nil
}

// Actor names the actor of a rank (0 is the most frequent), so a benchmark
// can ask about a large actor and a middling one.
func (sp Spec) Actor(rank int) (string, error) {
	actors, err := sp.actors()
	if err != nil {
		return "", err
	}
	if rank < 0 || rank >= len(actors) {
		return "", fmt.Errorf("bench graph: no actor of rank %d (%d actors)", rank, len(actors))
	}
	return actors[rank].name, nil
}

// Batches generates the graph's documents in order and hands each to fn.
// About one statement in eight is an interaction between two actors; the
// rest are stances on positions, in the proportions of the stance classes
// in the sample corpus' gold annotations (assertions and opposition most).
func (sp Spec) Batches(fn func(graph.Batch) error) error {
	if sp.Statements <= 0 || sp.PerDoc <= 0 || sp.Actors < 2 || sp.Positions < 1 {
		return fmt.Errorf("bench graph: bad spec %+v", sp)
	}
	actors, err := sp.actors()
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(sp.Seed, 7))
	actorOf := rand.NewZipf(r, 1.1, 1, uint64(len(actors)-1))
	positionOf := rand.NewZipf(r, 1.1, 1, uint64(sp.Positions-1))
	classes := []schema.Class{schema.Assert, schema.Assert, schema.Oppose, schema.Oppose, schema.Support, schema.Demand, schema.Propose, schema.Deny}
	verb := map[schema.Class]string{schema.Assert: "says", schema.Oppose: "rejects", schema.Support: "backs",
		schema.Demand: "demands", schema.Propose: "proposes", schema.Deny: "denies"}
	day0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for d, n := 0, 0; n < sp.Statements; d++ {
		doc := fmt.Sprintf("synthetic-%07d.txt", d)
		date := day0.AddDate(0, 0, d%730).Format("2006-01-02")
		b := graph.Batch{Doc: schema.DocumentInfo{ID: doc, Date: date, Sentences: sp.PerDoc}}
		for i := 0; i < sp.PerDoc && n < sp.Statements; i, n = i+1, n+1 {
			a := actors[actorOf.Uint64()]
			s := schema.Statement{Doc: doc, SentenceIndex: i, Subject: a.name, SubjectKind: a.kind,
				Date: date, Confidence: 0.5 + float64(r.IntN(50))/100, Start: i * 120, End: i*120 + 110}
			if r.IntN(3) == 0 {
				s.Speaker = fmt.Sprintf("Spokesperson %d of %s", r.IntN(4), a.name)
				s.SpeakerTitle = "spokesperson"
			}
			if r.IntN(8) == 0 {
				o := actors[actorOf.Uint64()]
				if o == a {
					o = actors[(actorOf.Uint64()+1)%uint64(len(actors))]
				}
				s.Class = schema.InteractionClasses[r.IntN(len(schema.InteractionClasses))]
				s.Predicate = strings.ToLower(string(s.Class)) + "s"
				s.Object, s.ObjectType, s.ObjectKind = o.name, schema.ObjectActor, o.kind
			} else {
				s.Class = classes[r.IntN(len(classes))]
				s.Predicate = verb[s.Class]
				s.Object, s.ObjectType = fmt.Sprintf("position %06d", positionOf.Uint64()), schema.ObjectPosition
				s.Polarity = s.Class.Sign()
			}
			s.Sentence = fmt.Sprintf("%s %s %s, a statement of document %d.", s.Subject, s.Predicate, s.Object, d)
			b.Statements = append(b.Statements, s)
		}
		if err := fn(b); err != nil {
			return err
		}
	}
	return nil
}

// WriteStatements writes the graph's statements as JSON Lines, the format
// `stancegraph extract` prints and `stancegraph load` reads; an existing
// complete file for the same spec is kept.
func (sp Spec) WriteStatements(path string) error {
	stamp := path + ".complete"
	want := fmt.Sprintf("%+v", sp)
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = sp.Batches(func(b graph.Batch) error {
		for i := range b.Statements {
			if err := enc.Encode(&b.Statements[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.WriteFile(stamp, []byte(want), 0o644)
}
