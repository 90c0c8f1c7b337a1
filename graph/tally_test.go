package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/stancegraph/stancegraph/schema"
)

// tallyCells reads every cell of the tally, by actor, and checks that the
// cells by target are the same.
func tallyCells(t *testing.T, s *Store) []Cell {
	t.Helper()
	read := func(by By) []Cell {
		tx, err := s.guard.Tx(false)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Close()
		var out []Cell
		it := tx.Scan(hkv.Key{tallyBucket, []byte{byte(by)}})
		defer it.Close()
		for it.Next(context.Background()) {
			k := it.Key()
			c, err := decodeCell(by, k[len(k)-1], it.Val())
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, c)
		}
		sortCells(out)
		return out
	}
	byActor, byTarget := read(ByActor), read(ByTarget)
	if !reflect.DeepEqual(byActor, byTarget) {
		t.Fatalf("cells by actor and by target differ:\n%v\n%v", byActor, byTarget)
	}
	return byActor
}

// tallyEvidence reads every statement the tally keeps, in key order.
func tallyEvidence(t *testing.T, s *Store) []Evidence {
	t.Helper()
	tx, err := s.guard.Tx(false)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	var actors []string
	seen := map[string]bool{}
	it := tx.Scan(hkv.Key{tallyBucket, []byte{'a'}})
	for it.Next(context.Background()) {
		k := it.Key()
		c, _ := decodeCell(ByActor, k[len(k)-1], it.Val())
		if !seen[c.Actor] {
			seen[c.Actor] = true
			actors = append(actors, c.Actor)
		}
	}
	it.Close()
	var out []Evidence
	for _, a := range actors {
		if err := s.Tally().Evidence(context.Background(), a, "", func(e Evidence) error { out = append(out, e); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	sortEvidence(out)
	return out
}

// storedEvidence is the evidence of the statements the store holds.
func storedEvidence(t *testing.T, s *Store) []Evidence {
	t.Helper()
	recs, err := s.Records(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []Evidence
	for i := range recs {
		out = append(out, evidenceOf(&recs[i]))
	}
	sortEvidence(out)
	return out
}

func sortEvidence(es []Evidence) {
	sort.Slice(es, func(i, j int) bool { return es[i].Statement < es[j].Statement })
}

// countedCells counts the cells from the store's quads, as the tally
// should hold them.
func countedCells(t *testing.T, s *Store) []Cell {
	t.Helper()
	ctx := context.Background()
	dates := map[quad.Value]string{}
	var edges []quad.Quad
	it := s.qs.QuadsAllIterator()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		switch p, _ := q.Predicate.(quad.IRI); {
		case p == schema.PDate && q.Label != nil && q.Label == q.Subject && q.Subject != nil && isStatement(q.Subject):
			dates[q.Subject] = valueString(q.Object)
		case q.Label != nil && isClassIRI(p):
			edges = append(edges, q)
		}
	}
	it.Close()
	cells := map[string]Cell{}
	for _, q := range edges {
		c := Cell{Actor: iriString(q.Subject), Target: iriString(q.Object), Class: classOfIRI(q.Predicate.(quad.IRI))}
		k := fmt.Sprint(c.Actor, c.Target, c.Class)
		if old, ok := cells[k]; ok {
			c = old
		}
		d := dates[q.Label]
		cells[k] = merge(c, Cell{Statements: 1, First: d, Last: d})
	}
	var out []Cell
	for _, c := range cells {
		out = append(out, c)
	}
	sortCells(out)
	return out
}

func isStatement(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && len(iri) > len(schema.Prefix+"statement/") && string(iri[:len(schema.Prefix+"statement/")]) == schema.Prefix+"statement/"
}

func sortCells(cs []Cell) {
	sort.Slice(cs, func(i, j int) bool {
		return fmt.Sprint(cs[i].Actor, "|", cs[i].Target, "|", cs[i].Class) < fmt.Sprint(cs[j].Actor, "|", cs[j].Target, "|", cs[j].Class)
	})
}

func dated(s schema.Statement, date string) schema.Statement { s.Date = date; return s }

func TestTallyFollowsTheStore(t *testing.T) {
	demand := stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion")
	demand2 := dated(stmt("a.txt", 1, "Russia", schema.Demand, "NATO non-expansion"), "2022-01-20")
	oppose := stmt("a.txt", 2, "United States", schema.Oppose, "NATO non-expansion")
	accuse := stmt("a.txt", 3, "Russia", schema.Accuse, "Ukraine")
	undated := dated(stmt("a.txt", 4, "China", schema.Support, "NATO non-expansion"), "")
	other := dated(stmt("b.txt", 0, "Russia", schema.Demand, "NATO non-expansion"), "2022-02-01")
	confident := demand
	confident.Confidence = 0.5

	russia, position := string(schema.ActorIRI("Russia")), string(schema.PositionIRI("NATO non-expansion"))
	steps := []struct {
		name string
		do   func(ctx context.Context, s *Store) error
		// the Russia DEMAND cell afterwards
		want Cell
	}{
		{"first load", func(ctx context.Context, s *Store) error {
			_, err := s.Load(ctx, batch("a.txt", demand, demand2, oppose, accuse, undated))
			return err
		}, Cell{Statements: 2, First: "2022-01-20", Last: "2022-01-27"}},
		{"same load again", func(ctx context.Context, s *Store) error {
			r, err := s.Load(ctx, batch("a.txt", demand, demand2, oppose, accuse, undated))
			if err == nil && r.Added+r.Removed != 0 {
				err = fmt.Errorf("reload changed the store: %+v", r)
			}
			return err
		}, Cell{Statements: 2, First: "2022-01-20", Last: "2022-01-27"}},
		{"a statement gone, a field changed", func(ctx context.Context, s *Store) error {
			_, err := s.Load(ctx, batch("a.txt", confident, oppose, accuse, undated))
			return err
		}, Cell{Statements: 1, First: "2022-01-27", Last: "2022-01-27"}},
		{"a date changed", func(ctx context.Context, s *Store) error {
			_, err := s.Load(ctx, batch("a.txt", dated(confident, "2022-01-25"), oppose, accuse, undated))
			return err
		}, Cell{Statements: 1, First: "2022-01-25", Last: "2022-01-25"}},
		{"another document", func(ctx context.Context, s *Store) error {
			_, err := s.Load(ctx, batch("b.txt", other))
			return err
		}, Cell{Statements: 2, First: "2022-01-25", Last: "2022-02-01"}},
		{"remove the first", func(ctx context.Context, s *Store) error {
			_, err := s.Remove(ctx, "a.txt")
			return err
		}, Cell{Statements: 1, First: "2022-02-01", Last: "2022-02-01"}},
	}
	for _, backend := range []string{"bolt", "leveldb"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t, backend)
			if s.Tally() == nil {
				t.Fatal("a new store keeps no tally")
			}
			for _, step := range steps {
				if err := step.do(ctx, s); err != nil {
					t.Fatalf("%s: %v", step.name, err)
				}
				got, want := tallyCells(t, s), countedCells(t, s)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: tally\n%v\nwant, counted from the quads,\n%v", step.name, got, want)
				}
				if got, want := tallyEvidence(t, s), storedEvidence(t, s); !reflect.DeepEqual(got, want) || len(got) == 0 {
					t.Fatalf("%s: evidence\n%+v\nwant, read from the quads,\n%+v", step.name, got, want)
				}
				sameStances(t, s, got)
				var cell Cell
				err := s.Tally().Cells(ctx, ByActor, []string{russia}, func(c Cell) error {
					if c.Target == position && c.Class == schema.Demand {
						cell = c
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				w := step.want
				w.Actor, w.Target, w.Class = russia, position, schema.Demand
				if cell != w {
					t.Errorf("%s: Russia's demand %+v, want %+v", step.name, cell, w)
				}
			}
			labels, err := s.Tally().Labels(ctx, []string{russia, position, "sg:actor/nobody"})
			if err != nil || labels[russia] != "Russia" || labels[position] != "NATO non-expansion" || labels["sg:actor/nobody"] != "sg:actor/nobody" {
				t.Errorf("labels %v %v", labels, err)
			}
		})
	}
}

// sameStances checks that Stances gives every cell's class and count, by
// actor and by target, in Cells' order: with the ids in key order (where
// the scan moves on without seeking), every other one, reversed, and with
// one twice.
func sameStances(t *testing.T, s *Store, cells []Cell) {
	t.Helper()
	ctx := context.Background()
	type stance struct {
		id, other string
		class     schema.Class
		n         int
	}
	for _, by := range []By{ByActor, ByTarget} {
		seen := map[string]bool{}
		var ids []string
		for _, c := range cells {
			id := c.Actor
			if by == ByTarget {
				id = c.Target
			}
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		if len(ids) == 0 {
			continue
		}
		reversed := slices.Clone(ids)
		slices.Reverse(reversed)
		var alternate []string // with gaps between them
		for i := 0; i < len(ids); i += 2 {
			alternate = append(alternate, ids[i])
		}
		for _, list := range [][]string{ids, reversed, append(slices.Clone(ids), ids[0]), alternate} {
			var got, want []stance
			err := s.Tally().Stances(ctx, by, list, func(i int, other []byte, c schema.Class, n int) error {
				got = append(got, stance{list[i], string(other), c, n})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			err = s.Tally().Cells(ctx, by, list, func(c Cell) error {
				id, other := c.Actor, c.Target
				if by == ByTarget {
					id, other = other, id
				}
				want = append(want, stance{id, other, c.Class, c.Statements})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) || len(got) < len(list) {
				t.Fatalf("stances by %c of %v:\n%v\nwant\n%v", by, list, got, want)
			}
			if by != ByTarget {
				continue
			}
			// One side of each target: for, against, alternately.
			pol := make([]int, len(list))
			var side []stance
			for i := range list {
				pol[i] = 1 - 2*(i%2)
			}
			for i, id := range list {
				err := s.Tally().Cells(ctx, ByTarget, []string{id}, func(c Cell) error {
					if c.Class.Polarity() == pol[i] {
						side = append(side, stance{id, c.Actor, c.Class, c.Statements})
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			got = nil
			err = s.Tally().StancesOn(ctx, list, pol, func(i int, actor []byte, c schema.Class, n int) error {
				got = append(got, stance{list[i], string(actor), c, n})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, side) {
				t.Fatalf("stances on %v of polarities %v:\n%v\nwant\n%v", list, pol, got, side)
			}
		}
	}
}

func TestChangedFieldReplacesTheOld(t *testing.T) {
	for _, backend := range []string{"bolt", "leveldb", "memstore", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := openAny(t, backend)
			st := stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion")
			if _, err := s.Load(ctx, batch("a.txt", st)); err != nil {
				t.Fatal(err)
			}
			if r, err := s.Load(ctx, batch("a.txt", st)); err != nil || r.Added+r.Removed != 0 {
				t.Fatalf("the same load again: %+v %v", r, err)
			}
			st.Confidence = 0.4
			r, err := s.Load(ctx, batch("a.txt", st))
			if err != nil || r.Added != 1 || r.Removed != 1 {
				t.Fatalf("reload with a new confidence: %+v %v, want one quad added and one removed", r, err)
			}
			var got []quad.Value
			it := s.qs.QuadIterator(quad.Subject, s.qs.ValueOf(st.ID()))
			for it.Next(ctx) {
				if q := s.qs.Quad(it.Result()); q.Predicate == schema.PConfidence {
					got = append(got, q.Object)
				}
			}
			it.Close()
			if len(got) != 1 || got[0] != quad.Float(0.4) {
				t.Errorf("confidence quads %v, want just 0.4", got)
			}
		})
	}
}

// openAny opens a new store of the backend: a temporary file, or a
// database of its own on the PostgreSQL server.
func openAny(t *testing.T, backend string) *Store {
	t.Helper()
	if backend != "postgres" {
		return openTemp(t, backend)
	}
	s, err := Open(Config{Backend: "postgres", Path: tempDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestTallyOfAnOlderStore(t *testing.T) {
	for _, older := range []struct {
		name string
		keys map[string]string // what the tally bucket holds
	}{
		{"built before the tally", nil},
		{"tally of format 4", map[string]string{"v": "4", // by target without the sign
			"tsg:position/nato-non-expansion\x00sg:actor/russia\x00DEMAND": "\x02\x0a2022-01-01\x0a2022-01-01"}},
	} {
		t.Run(older.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "g.db")
			s, err := Open(Config{Backend: "bolt", Path: path})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"),
				dated(stmt("a.txt", 1, "Russia", schema.Demand, "NATO non-expansion"), ""),
				stmt("a.txt", 2, "Russia", schema.Consult, "China"))); err != nil {
				t.Fatal(err)
			}
			want, wantEv := tallyCells(t, s), tallyEvidence(t, s)
			tx, err := s.guard.Tx(true)
			if err != nil {
				t.Fatal(err)
			}
			if err := deleteAll(ctx, tx); err != nil {
				t.Fatal(err)
			}
			for k, v := range older.keys {
				if err := tx.Put(hkv.Key{tallyBucket, []byte(k)}, []byte(v)); err != nil {
					t.Fatal(err)
				}
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			s.Close()

			var told []string
			notify := func(m string) { told = append(told, m) }
			ro, err := Open(Config{Backend: "bolt", Path: path, ReadOnly: true, Notify: notify})
			if err != nil {
				t.Fatal(err)
			}
			if ro.Tally() != nil {
				t.Error("a read-only store without a tally of this format claims one")
			}
			ro.Close()
			if len(told) != 0 {
				t.Errorf("read-only, told %q", told)
			}

			s, err = Open(Config{Backend: "bolt", Path: path, Notify: notify})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.Tally() == nil {
				t.Fatal("opened for writing, the older store got no tally")
			}
			if len(told) != 1 || !strings.Contains(told[0], "counting the tally") {
				t.Errorf("told %q, want one line about counting the tally", told)
			}
			if got := tallyCells(t, s); !reflect.DeepEqual(got, want) || len(got) != 2 {
				t.Errorf("counted tally\n%v\nwant\n%v", got, want)
			}
			if got := tallyEvidence(t, s); !reflect.DeepEqual(got, wantEv) || len(got) != 3 {
				t.Errorf("evidence counted again\n%+v\nwant\n%+v", got, wantEv)
			}
		})
	}
}

// deleteAll deletes every key of the tally.
func deleteAll(ctx context.Context, tx hkv.Tx) error {
	var keys []hkv.Key
	it := tx.Scan(hkv.Key{tallyBucket, nil})
	for it.Next(ctx) {
		keys = append(keys, it.Key().Clone())
	}
	it.Close()
	for _, k := range keys {
		if err := tx.Del(k); err != nil {
			return err
		}
	}
	return nil
}

// TestReplaceWithFewerStatements: a re-load that deletes more quads using
// a node (a predicate, a position) than it adds. Written as one Cayley
// transaction, Cayley v0.7.7's key-value stores wrote the added quads
// without that node (a predicate or object of nil).
func TestReplaceWithFewerStatements(t *testing.T) {
	for _, backend := range []string{"bolt", "leveldb", "memstore", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := openAny(t, backend)
			if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"),
				stmt("a.txt", 1, "Russia", schema.Demand, "Security guarantees"),
				stmt("a.txt", 2, "United States", schema.Oppose, "NATO non-expansion"))); err != nil {
				t.Fatal(err)
			}
			changed := stmt("a.txt", 3, "China", schema.Oppose, "NATO non-expansion")
			changed.Confidence = 0.5
			if _, err := s.Load(ctx, batch("a.txt", changed)); err != nil {
				t.Fatal(err)
			}
			it := s.qs.QuadsAllIterator()
			n := 0
			for it.Next(ctx) {
				q := s.qs.Quad(it.Result())
				n++
				if q.Subject == nil || q.Predicate == nil || q.Object == nil {
					t.Errorf("quad lost a node: %v", q)
				}
			}
			it.Close()
			recs, err := s.Records(ctx)
			if err != nil || len(recs) != 1 || recs[0].Subject != "China" || recs[0].Confidence != 0.5 {
				t.Errorf("statements after the re-load: %+v %v", recs, err)
			}
			if n == 0 {
				t.Error("no quads")
			}
		})
	}
}

func TestTallyEncodings(t *testing.T) {
	evs := []Evidence{
		{Class: schema.Demand, Predicate: "demands", Sentence: "Russia demands guarantees.", SentenceIndex: 3,
			Date: "2022-01-27", Speaker: "Sergei Lavrov", Document: "a.txt", Confidence: 0.85, Start: 1200, End: 1290},
		{Class: schema.Consult, Predicate: "calls", Sentence: strings.Repeat("long ", 300), SentenceIndex: 100000, Document: "b"},
		{Class: schema.Oppose, Predicate: "rejects", Date: "2022-01-27", EventDate: "2022-01-26", Document: "c"},
		{},
	}
	for i, e := range evs {
		var got Evidence
		if err := decodeEvidence(encodeEvidence(e), &got, interner{}); err != nil || got != e {
			t.Errorf("evidence %d: round trip gave %+v, %v", i, got, err)
		}
		b := encodeEvidence(e)
		for _, bad := range [][]byte{nil, b[:len(b)-1], append(append([]byte{}, b...), 0), {0xff, 0xff}} {
			if err := decodeEvidence(bad, &got, interner{}); err == nil {
				t.Errorf("evidence %d: corrupt record %q decoded", i, bad)
			}
		}
	}
	// A record written before event dates ends at the confidence.
	old := encodeEvidence(Evidence{Class: schema.Oppose, Date: "2021-12-01"})
	var got Evidence
	if err := decodeEvidence(old, &got, interner{}); err != nil || got.EventDate != "" || got.Date != "2021-12-01" {
		t.Errorf("a record without an event date: %+v, %v", got, err)
	}
	cells := []Cell{
		{Actor: "sg:actor/russia", Target: "sg:position/x", Class: schema.Oppose, Statements: 300, First: "2022-01-01", Last: "2022-02-01"},
		{Actor: "sg:actor/iran", Target: "sg:actor/israel", Class: schema.Threaten, Statements: 1},
	}
	for _, c := range cells {
		for _, by := range []By{ByActor, ByTarget} {
			first, second := c.Actor, c.Target
			if by == ByTarget {
				first, second = second, first
			}
			got, err := decodeCell(by, cellKey(by, first, second, c.Class), encodeCell(c))
			if err != nil || got != c {
				t.Errorf("cell %+v by %c: round trip gave %+v, %v", c, by, got, err)
			}
		}
		if _, err := decodeCell(ByActor, cellKey(ByActor, c.Actor, c.Target, c.Class), []byte{0x80}); err == nil {
			t.Errorf("cell %+v: a bad count decoded", c)
		}
		if _, err := decodeCell(ByActor, []byte("a-no-separator"), encodeCell(c)); err == nil {
			t.Error("a key without separators decoded")
		}
	}
}

// TestRawWriteDropsTheTally: a write around Load (the console's write API)
// drops the tally rather than leave it behind the quads; the next open for
// writing counts it again, with what was written.
func TestRawWriteDropsTheTally(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(Config{Backend: "bolt", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"))); err != nil {
		t.Fatal(err)
	}
	w, err := s.RawWriter()
	if err != nil {
		t.Fatal(err)
	}
	extra := stmt("b.txt", 0, "China", schema.Oppose, "NATO non-expansion")
	if err := w.AddQuadSet(append(schema.DocumentInfo{ID: "b.txt"}.Quads(), extra.Quads()...)); err != nil {
		t.Fatal(err)
	}
	if s.Tally() != nil {
		t.Error("the tally survived a raw write")
	}
	s.Close()
	s, err = Open(Config{Backend: "bolt", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Tally() == nil {
		t.Fatal("no tally after reopening for writing")
	}
	if got, want := tallyCells(t, s), countedCells(t, s); !reflect.DeepEqual(got, want) || len(got) != 2 {
		t.Errorf("tally after the raw write\n%v\nwant\n%v", got, want)
	}
}
