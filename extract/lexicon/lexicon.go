// Package lexicon holds the word lists the rule extractor reads: actors and
// their names, titles, office holders, places, and stance and interaction
// cues. The lists are YAML data files (see data/), embedded in the binary;
// Load merges user files over them, so a user can add actors, titles and verbs
// for another domain without touching code.
package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stancegraph/stancegraph/schema"
)

//go:embed data/*.yaml
var builtin embed.FS

// Actor is a collective actor and the names that refer to it.
type Actor struct {
	Name       string   `yaml:"name"`
	Kind       string   `yaml:"kind"`
	Aliases    []string `yaml:"aliases"`
	Adjectives []string `yaml:"adjectives"`
	Metonyms   []string `yaml:"metonyms"`
	Lower      []string `yaml:"lower"`
}

// Person is an office holder.
type Person struct {
	Name  string   `yaml:"name"`
	Actor string   `yaml:"actor"`
	Title string   `yaml:"title"`
	From  string   `yaml:"from"`
	To    string   `yaml:"to"`
	Short []string `yaml:"short"`
}

// Cues maps each class to its cue phrases.
type Cues map[schema.Class][]string

// Interaction lists the cues of one interaction class.
type Interaction struct {
	Verbs   []string `yaml:"verbs"`
	Nouns   []string `yaml:"nouns"`
	Receive []string `yaml:"receive"`
	Objects []string `yaml:"objects"`
}

// File is the shape of a lexicon file; every section is optional.
type File struct {
	Actors    []Actor  `yaml:"actors"`
	People    []Person `yaml:"people"`
	Titles    []string `yaml:"titles"`
	Places    []string `yaml:"places"`
	Reporting []string `yaml:"reporting"`
	Asserting []string `yaml:"asserting"`
	Judging   Cues     `yaml:"judging"`
	Deontic   []string `yaml:"deontic"`
	Stance    struct {
		Verbs      Cues     `yaml:"verbs"`
		Nouns      Cues     `yaml:"nouns"`
		Adjectives Cues     `yaml:"adjectives"`
		Neutral    []string `yaml:"neutral"`
	} `yaml:"stance"`
	Dangers struct {
		Nouns []string `yaml:"nouns"`
		Verbs []string `yaml:"verbs"`
	} `yaml:"dangers"`
	Negation     map[schema.Class]schema.Class `yaml:"negation"`
	Reversers    []string                      `yaml:"reversers"`
	Negators     []string                      `yaml:"negators"`
	Corefer      [][]string                    `yaml:"corefer"`
	Interactions map[schema.Class]Interaction  `yaml:"interactions"`
	Synonyms     map[string][]string           `yaml:"synonyms"`
	Mentions     Mentions                      `yaml:"mentions"`
	Frames       Frames                        `yaml:"frames"`
}

// Frames are the predicate frames of the tree extractor (see
// data/frames.yaml): cues by class for verbs, nouns and adjectives, and the
// word classes that say where a cue's arguments are.
type Frames struct {
	Verbs       Cues     `yaml:"verbs"`
	Nouns       Cues     `yaml:"nouns"`
	Adjectives  Cues     `yaml:"adjectives"`
	Control     []string `yaml:"control"`     // "urged X to Y": X is Y's subject
	Judgment    []string `yaml:"judgment"`    // "called X reasonable"
	Light       []string `yaml:"light"`       // "made a proposal": the subject holds the noun
	Content     []string `yaml:"content"`     // "the demands include X"
	Negating    []string `yaml:"negating"`    // "refused to accept X"
	Deontic     []string `yaml:"deontic"`     // "X should do Y" is a demand
	Conditional []string `yaml:"conditional"` // no stance under "if"
	Asserting   []string `yaml:"asserting"`   // "accused X of Y" asserts Y
	Audience    []string `yaml:"audience"`    // "told journalists": addressed, not asked
	Plain       []string `yaml:"plain"`       // "will be", "will have": no deed announced
	Responses   []string `yaml:"responses"`   // "respond if X ...": a threat to X
	Retaliation []string `yaml:"retaliation"` // "retaliate after X ...": a threat to X
	Eliciting   []string `yaml:"eliciting"`   // "drew condemnation from X": X's stance on the clause
	Deciding    []string `yaml:"deciding"`    // "agreed to impose sanctions": a decision, not a promise
	Striving    []string `yaml:"striving"`    // "pushed to start filling": verbs whose "to" takes a verb
	Asking      []string `yaml:"asking"`      // "pressure on X to Y": Y is asked of X
	Hostile     []string `yaml:"hostile"`     // "never threatened X": a denial of the deed
	Harming     []string `yaml:"harming"`     // "X undermines peace": the speaker opposes X
	Helping     []string `yaml:"helping"`     // "X strengthens the order": the speaker supports X
}

// Mentions are the word classes that find actors the lexicon does not
// name (see data/mentions.yaml).
type Mentions struct {
	Government    []string            `yaml:"government"`    // nouns a demonym or a name makes an actor: "the Russian side"
	Sources       []string            `yaml:"sources"`       // words that speak for who issues them: "a statement from the group"
	Organisations map[string][]string `yaml:"organisations"` // actor kind -> head words of named bodies
	Descriptions  map[string][]string `yaml:"descriptions"`  // what a definite description points back to -> its nouns
	Honorifics    []string            `yaml:"honorifics"`    // Mr, Ms, Dr: a surname follows
}

// Lexicon is the merged, indexed content of the builtin and user files.
type Lexicon struct {
	File
	actors map[string]*Actor // canonical name (lower case) -> actor
}

// Default loads the builtin lexicon.
func Default() (*Lexicon, error) { return Load() }

// Load reads the builtin lexicon and then each of the given files, in order.
// Entries of later files add to earlier ones; an actor or person with a name
// already known replaces the earlier entry.
func Load(files ...string) (*Lexicon, error) {
	lx := &Lexicon{actors: map[string]*Actor{}}
	names, err := builtin.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("read builtin lexicon: %w", err)
	}
	for _, e := range names {
		data, err := builtin.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read builtin lexicon %s: %w", e.Name(), err)
		}
		if err := lx.add("builtin:"+e.Name(), data); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		if err := lx.add(f, data); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// LoadDir loads the builtin lexicon and every .yaml file in dir, by name.
func LoadDir(dir string) (*Lexicon, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return Load(files...)
}

func (lx *Lexicon) add(name string, data []byte) error {
	var f File
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("lexicon %s: %w", name, err)
	}
	if err := f.validate(); err != nil {
		return fmt.Errorf("lexicon %s: %w", name, err)
	}
	for i := range f.Actors {
		a := f.Actors[i]
		key := strings.ToLower(a.Name)
		if old, ok := lx.actors[key]; ok {
			*old = a
			continue
		}
		lx.Actors = append(lx.Actors, a)
		lx.actors[key] = &lx.Actors[len(lx.Actors)-1]
	}
	// Re-point the index: append may have moved the slice.
	for i := range lx.Actors {
		lx.actors[strings.ToLower(lx.Actors[i].Name)] = &lx.Actors[i]
	}
	lx.People = mergePeople(lx.People, f.People)
	lx.Titles = append(lx.Titles, f.Titles...)
	lx.Places = append(lx.Places, f.Places...)
	lx.Reporting = append(lx.Reporting, f.Reporting...)
	lx.Asserting = append(lx.Asserting, f.Asserting...)
	lx.Judging = merge(lx.Judging, f.Judging)
	lx.Deontic = append(lx.Deontic, f.Deontic...)
	lx.Stance.Verbs = merge(lx.Stance.Verbs, f.Stance.Verbs)
	lx.Stance.Nouns = merge(lx.Stance.Nouns, f.Stance.Nouns)
	lx.Stance.Adjectives = merge(lx.Stance.Adjectives, f.Stance.Adjectives)
	lx.Stance.Neutral = append(lx.Stance.Neutral, f.Stance.Neutral...)
	lx.Dangers.Nouns = append(lx.Dangers.Nouns, f.Dangers.Nouns...)
	lx.Dangers.Verbs = append(lx.Dangers.Verbs, f.Dangers.Verbs...)
	if lx.Negation == nil {
		lx.Negation = map[schema.Class]schema.Class{}
	}
	for k, v := range f.Negation {
		lx.Negation[k] = v
	}
	lx.Reversers = append(lx.Reversers, f.Reversers...)
	lx.Negators = append(lx.Negators, f.Negators...)
	lx.Corefer = append(lx.Corefer, f.Corefer...)
	if lx.Interactions == nil {
		lx.Interactions = map[schema.Class]Interaction{}
	}
	for c, in := range f.Interactions {
		old := lx.Interactions[c]
		old.Verbs = append(old.Verbs, in.Verbs...)
		old.Nouns = append(old.Nouns, in.Nouns...)
		old.Receive = append(old.Receive, in.Receive...)
		old.Objects = append(old.Objects, in.Objects...)
		lx.Interactions[c] = old
	}
	lx.Frames.Verbs = merge(lx.Frames.Verbs, f.Frames.Verbs)
	lx.Frames.Nouns = merge(lx.Frames.Nouns, f.Frames.Nouns)
	lx.Frames.Adjectives = merge(lx.Frames.Adjectives, f.Frames.Adjectives)
	lx.Frames.Control = append(lx.Frames.Control, f.Frames.Control...)
	lx.Frames.Judgment = append(lx.Frames.Judgment, f.Frames.Judgment...)
	lx.Frames.Light = append(lx.Frames.Light, f.Frames.Light...)
	lx.Frames.Content = append(lx.Frames.Content, f.Frames.Content...)
	lx.Frames.Negating = append(lx.Frames.Negating, f.Frames.Negating...)
	lx.Frames.Deontic = append(lx.Frames.Deontic, f.Frames.Deontic...)
	lx.Frames.Conditional = append(lx.Frames.Conditional, f.Frames.Conditional...)
	lx.Frames.Asserting = append(lx.Frames.Asserting, f.Frames.Asserting...)
	lx.Frames.Audience = append(lx.Frames.Audience, f.Frames.Audience...)
	lx.Frames.Plain = append(lx.Frames.Plain, f.Frames.Plain...)
	lx.Frames.Responses = append(lx.Frames.Responses, f.Frames.Responses...)
	lx.Frames.Retaliation = append(lx.Frames.Retaliation, f.Frames.Retaliation...)
	lx.Frames.Eliciting = append(lx.Frames.Eliciting, f.Frames.Eliciting...)
	lx.Frames.Deciding = append(lx.Frames.Deciding, f.Frames.Deciding...)
	lx.Frames.Striving = append(lx.Frames.Striving, f.Frames.Striving...)
	lx.Frames.Asking = append(lx.Frames.Asking, f.Frames.Asking...)
	lx.Frames.Hostile = append(lx.Frames.Hostile, f.Frames.Hostile...)
	lx.Frames.Harming = append(lx.Frames.Harming, f.Frames.Harming...)
	lx.Frames.Helping = append(lx.Frames.Helping, f.Frames.Helping...)
	lx.Mentions.Government = append(lx.Mentions.Government, f.Mentions.Government...)
	lx.Mentions.Sources = append(lx.Mentions.Sources, f.Mentions.Sources...)
	lx.Mentions.Honorifics = append(lx.Mentions.Honorifics, f.Mentions.Honorifics...)
	lx.Mentions.Organisations = merge(lx.Mentions.Organisations, f.Mentions.Organisations)
	lx.Mentions.Descriptions = merge(lx.Mentions.Descriptions, f.Mentions.Descriptions)
	if lx.Synonyms == nil {
		lx.Synonyms = map[string][]string{}
	}
	for k, v := range f.Synonyms {
		lx.Synonyms[k] = append(lx.Synonyms[k], v...)
	}
	return nil
}

func mergePeople(old, add []Person) []Person {
	for _, p := range add {
		replaced := false
		for i := range old {
			if strings.EqualFold(old[i].Name, p.Name) && old[i].From == p.From {
				old[i], replaced = p, true
			}
		}
		if !replaced {
			old = append(old, p)
		}
	}
	return old
}

// merge appends add's lists to old's, key by key.
func merge[M ~map[K][]string, K comparable](old, add M) M {
	if old == nil {
		old = M{}
	}
	for k, v := range add {
		old[k] = append(old[k], v...)
	}
	return old
}

func (f *File) validate() error {
	for i, a := range f.Actors {
		if strings.TrimSpace(a.Name) == "" {
			return fmt.Errorf("actors[%d]: name is empty", i)
		}
		if a.Kind == "" || a.Kind == schema.KindPerson || !schema.ValidKind(a.Kind) {
			return fmt.Errorf("actors[%d] (%s): kind %q is not one of state, organisation, group", i, a.Name, a.Kind)
		}
	}
	for i, p := range f.People {
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Actor) == "" {
			return fmt.Errorf("people[%d]: name and actor are required", i)
		}
		for _, d := range []string{p.From, p.To} {
			if d != "" && !schema.ValidDate(d) {
				return fmt.Errorf("people[%d] (%s): date %q is not YYYY-MM-DD", i, p.Name, d)
			}
		}
	}
	for section, cues := range map[string]Cues{"frames.verbs": f.Frames.Verbs, "frames.nouns": f.Frames.Nouns,
		"frames.adjectives": f.Frames.Adjectives, "stance.verbs": f.Stance.Verbs, "stance.nouns": f.Stance.Nouns, "stance.adjectives": f.Stance.Adjectives, "judging": f.Judging} {
		for c := range cues {
			if !c.IsStance() {
				return fmt.Errorf("%s: %q is not a stance class", section, c)
			}
		}
	}
	for kind := range f.Mentions.Organisations {
		if kind != schema.KindOrganisation && kind != schema.KindGroup && kind != schema.KindState {
			return fmt.Errorf("mentions.organisations: %q is not one of state, organisation, group", kind)
		}
	}
	for what := range f.Mentions.Descriptions {
		switch what {
		case "person", "state", "organisation", "group", "actor", "two":
		default:
			return fmt.Errorf("mentions.descriptions: %q is not one of person, state, organisation, group, actor, two", what)
		}
	}
	for c := range f.Interactions {
		if !c.IsInteraction() {
			return fmt.Errorf("interactions: %q is not an interaction class", c)
		}
	}
	for k, v := range f.Negation {
		if !k.IsStance() || !v.IsStance() {
			return fmt.Errorf("negation: %s: %s: both must be stance classes", k, v)
		}
	}
	return nil
}

// Actor returns the actor with the given canonical name.
func (lx *Lexicon) Actor(name string) (*Actor, bool) {
	a, ok := lx.actors[strings.ToLower(name)]
	return a, ok
}

// PersonAt returns the office holder with the given name who held office on
// date (YYYY-MM-DD; empty matches any time).
func (lx *Lexicon) PersonAt(name, date string) (*Person, bool) {
	var best *Person
	for i := range lx.People {
		p := &lx.People[i]
		if !strings.EqualFold(p.Name, name) && !containsFold(p.Short, name) {
			continue
		}
		if date == "" || ((p.From == "" || p.From <= date) && (p.To == "" || date <= p.To)) {
			return p, true
		}
		if best == nil {
			best = p
		}
	}
	return best, best != nil
}

// PersonBySurname returns the office holder whose surname (the last word
// of their name) is the given one, when only one person of the lexicon
// has it: "President Trump", "Chancellor Merkel".
func (lx *Lexicon) PersonBySurname(surname, date string) (*Person, bool) {
	var found *Person
	for i := range lx.People {
		p := &lx.People[i]
		w := strings.Fields(p.Name)
		if len(w) < 2 || !strings.EqualFold(w[len(w)-1], surname) {
			continue
		}
		if found != nil && !strings.EqualFold(found.Name, p.Name) {
			return nil, false // two people by that surname
		}
		if found == nil || date != "" && (p.From == "" || p.From <= date) && (p.To == "" || date <= p.To) {
			found = p
		}
	}
	return found, found != nil
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// Canonical returns the canonical name of the actor a name, alias, metonym
// or adjective refers to ("US", "the Kremlin", "Russian").
func (lx *Lexicon) Canonical(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.TrimPrefix(n, "the ")
	for _, a := range lx.Actors {
		for _, list := range [][]string{{a.Name}, a.Aliases, a.Metonyms, a.Adjectives} {
			for _, s := range list {
				s = strings.TrimPrefix(strings.ToLower(s), "the ")
				if s == n {
					return a.Name, true
				}
			}
		}
	}
	return "", false
}
