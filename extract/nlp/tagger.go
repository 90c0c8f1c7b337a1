package nlp

import (
	"encoding/binary"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// Tagger is prose's averaged-perceptron part-of-speech tagger with the same
// model, features, special cases and order of additions, so it gives exactly
// prose's tags (TestTaggerEqualsProse). prose finds each of a token's 14
// feature strings by binary search over all 75,000; here the features are
// split by template at load, so a sentence looks each word and suffix up
// once, for all the templates that use it, and tags are small integers
// (BenchmarkTagger). The model bytes are prose's own (tag/aptagmodel.English,
// prose's flat format), read once per process.
type Tagger struct {
	classes  []string
	pairOff  []uint32
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // unambiguous words
	bias     []float32        // scores of the constant "bias" feature

	tagID    map[string]int // tags that features name -> small integer
	nTags    int
	prev1    []int32    // "i-1 tag T" by tag
	prev2    []int32    // "i-2 tag T"
	pair     []int32    // "i tag+i-2 tag T1 T2" by T1*nTags+T2
	pref     [256]int32 // "i pref1 B" by the byte B
	classTag []int32    // tagID of each class
	words    map[string]*wordRows
	suffix   map[string]*suffixRows
	pool     sync.Pool
}

// wordRows are the feature rows of one (normalised) word, -1 for none.
type wordRows struct {
	i, prev1, prev2, next1, next2 int32
	tagWord                       []tagRow // "i-1 tag+i word T W"
}

type tagRow struct{ tag, row int32 }

// suffixRows are the rows of a three-byte suffix.
type suffixRows struct{ i, prev1, next1 int32 }

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	return NewTagger(aptagmodel.English)
})

// ProseTagger gives prose's tagger with its WSJ model, loaded once.
func ProseTagger() (*Tagger, error) { return defaultTagger() }

// NewTagger reads a model in prose's flat format.
func NewTagger(model []byte) (*Tagger, error) {
	r := &flatReader{b: model}
	if string(r.bytes(8)) != "PROSETAG" {
		return nil, fmt.Errorf("tagger model: not a prose flat model")
	}
	if v := r.u32(); v != 1 {
		return nil, fmt.Errorf("tagger model: version %d, want 1", v)
	}
	t := &Tagger{}
	nClass := r.u32()
	if nClass == 0 || nClass > 256 {
		return nil, fmt.Errorf("tagger model: %d classes, want 1 to 256", nClass)
	}
	t.classes = make([]string, nClass)
	for i := range t.classes {
		t.classes[i] = r.str16()
	}
	nFeat, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := string(r.bytes(blobLen))
	featOff := r.u32s(nFeat + 1)
	t.pairOff = r.u32s(nFeat + 1)
	t.classIDs = append([]uint8(nil), r.bytes(nPairs)...)
	raw := r.bytes(4 * nPairs)
	n := int(r.u32())
	if r.err != nil {
		return nil, fmt.Errorf("tagger model: %w", r.err)
	}
	t.weights = make([]float32, nPairs)
	for i := range t.weights {
		t.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	t.tagMap = make(map[string]uint8, n)
	for i := 0; i < n; i++ {
		w, id := r.str16(), r.u8()
		if int(id) >= len(t.classes) {
			return nil, fmt.Errorf("tagger model: word %q has class %d of %d", w, id, len(t.classes))
		}
		t.tagMap[w] = id
	}
	if r.err != nil {
		return nil, fmt.Errorf("tagger model: %w", r.err)
	}
	if int(featOff[nFeat]) != len(blob) || int(t.pairOff[nFeat]) != nPairs {
		return nil, fmt.Errorf("tagger model: offsets do not match the data")
	}
	for _, id := range t.classIDs {
		if int(id) >= len(t.classes) {
			return nil, fmt.Errorf("tagger model: class %d of %d", id, len(t.classes))
		}
	}
	feats := make([]string, nFeat)
	for i := range feats {
		feats[i] = blob[featOff[i]:featOff[i+1]]
	}
	if err := t.index(feats); err != nil {
		return nil, err
	}
	t.pool.New = func() any {
		return &tagScratch{}
	}
	return t, nil
}

// index sorts the features into their templates.
func (t *Tagger) index(feats []string) error {
	t.tagID = map[string]int{}
	intern := func(tag string) int32 {
		id, ok := t.tagID[tag]
		if !ok {
			id = len(t.tagID)
			t.tagID[tag] = id
		}
		return int32(id)
	}
	for _, c := range append([]string{"-START-", "-START2-"}, t.classes...) {
		intern(c)
	}
	// First pass: every tag a feature names.
	for _, f := range feats {
		switch {
		case strings.HasPrefix(f, "i-1 tag+i word "):
			if tg, _, ok := strings.Cut(f[len("i-1 tag+i word "):], " "); ok {
				intern(tg)
			}
		case strings.HasPrefix(f, "i tag+i-2 tag "):
			if a, b, ok := strings.Cut(f[len("i tag+i-2 tag "):], " "); ok {
				intern(a)
				intern(b)
			}
		case strings.HasPrefix(f, "i-1 tag "):
			intern(f[len("i-1 tag "):])
		case strings.HasPrefix(f, "i-2 tag "):
			intern(f[len("i-2 tag "):])
		}
	}
	t.nTags = len(t.tagID)
	none := func(n int) []int32 {
		out := make([]int32, n)
		for i := range out {
			out[i] = -1
		}
		return out
	}
	t.prev1, t.prev2, t.pair = none(t.nTags), none(t.nTags), none(t.nTags*t.nTags)
	for b := range t.pref {
		t.pref[b] = -1
	}
	t.classTag = make([]int32, len(t.classes))
	for i, c := range t.classes {
		t.classTag[i] = int32(t.tagID[c])
	}
	t.words = map[string]*wordRows{}
	t.suffix = map[string]*suffixRows{}
	word := func(w string) *wordRows {
		r := t.words[w]
		if r == nil {
			r = &wordRows{-1, -1, -1, -1, -1, nil}
			t.words[w] = r
		}
		return r
	}
	suf := func(x string) *suffixRows {
		r := t.suffix[x]
		if r == nil {
			r = &suffixRows{-1, -1, -1}
			t.suffix[x] = r
		}
		return r
	}
	t.bias = make([]float32, len(t.classes))
	for i, f := range feats {
		row := int32(i)
		switch {
		case f == "bias":
			var b [256]float32
			t.add(row, &b)
			copy(t.bias, b[:])
		case strings.HasPrefix(f, "i suffix "):
			suf(f[len("i suffix "):]).i = row
		case strings.HasPrefix(f, "i pref1 "):
			b := f[len("i pref1 "):]
			if len(b) != 1 {
				return fmt.Errorf("tagger model: feature %q: prefix of %d bytes, want 1", f, len(b))
			}
			t.pref[b[0]] = row
		case strings.HasPrefix(f, "i-1 tag+i word "):
			tg, w, ok := strings.Cut(f[len("i-1 tag+i word "):], " ")
			if !ok {
				return fmt.Errorf("tagger model: feature %q", f)
			}
			r := word(w)
			r.tagWord = append(r.tagWord, tagRow{int32(t.tagID[tg]), row})
		case strings.HasPrefix(f, "i tag+i-2 tag "):
			a, b, ok := strings.Cut(f[len("i tag+i-2 tag "):], " ")
			if !ok {
				return fmt.Errorf("tagger model: feature %q", f)
			}
			t.pair[t.tagID[a]*t.nTags+t.tagID[b]] = row
		case strings.HasPrefix(f, "i-1 tag "):
			t.prev1[t.tagID[f[len("i-1 tag "):]]] = row
		case strings.HasPrefix(f, "i-2 tag "):
			t.prev2[t.tagID[f[len("i-2 tag "):]]] = row
		case strings.HasPrefix(f, "i word "):
			word(f[len("i word "):]).i = row
		case strings.HasPrefix(f, "i-1 word "):
			word(f[len("i-1 word "):]).prev1 = row
		case strings.HasPrefix(f, "i-2 word "):
			word(f[len("i-2 word "):]).prev2 = row
		case strings.HasPrefix(f, "i+1 word "):
			word(f[len("i+1 word "):]).next1 = row
		case strings.HasPrefix(f, "i+2 word "):
			word(f[len("i+2 word "):]).next2 = row
		case strings.HasPrefix(f, "i-1 suffix "):
			suf(f[len("i-1 suffix "):]).prev1 = row
		case strings.HasPrefix(f, "i+1 suffix "):
			suf(f[len("i+1 suffix "):]).next1 = row
		default:
			return fmt.Errorf("tagger model: feature %q of no template prose's tagger uses", f)
		}
	}
	return nil
}

type tagScratch struct {
	scores [256]float32 // by class; a class id is a byte
	ctx    []string
	words  []*wordRows
	sufs   []*suffixRows
}

var (
	noWord   = &wordRows{-1, -1, -1, -1, -1, nil}
	noSuffix = &suffixRows{-1, -1, -1}
)

// Tag fills in the Tag of each token from its Text; the tokens are one
// sentence.
func (t *Tagger) Tag(tokens []tag.Token) { t.tag(tokens, nil) }

// Tags tags one sentence's words as the pipeline does (quotation marks are
// punctuation, "cannot" a modal) and appends the tags to out.
func (t *Tagger) Tags(forms []string, out []string) []string {
	toks := make([]tag.Token, len(forms))
	for i, f := range forms {
		toks[i].Text = f
	}
	t.tag(toks, nil)
	for i, tk := range toks {
		out = append(out, fixTag(forms[i], tk.Tag))
	}
	return out
}

// tag is Tag given the tokens' lower-case forms, when the caller has them.
func (t *Tagger) tag(tokens []tag.Token, lower []string) {
	if len(tokens) == 0 {
		return
	}
	s := t.pool.Get().(*tagScratch)
	defer t.pool.Put(s)
	need := len(tokens) + 4
	if cap(s.ctx) < need {
		s.ctx = make([]string, need)
		s.words = make([]*wordRows, need)
		s.sufs = make([]*suffixRows, need)
	}
	ctx, words, sufs := s.ctx[:need], s.words[:need], s.sufs[:need]
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i := range tokens {
		lw := ""
		if lower != nil {
			lw = lower[i]
		}
		ctx[i+2] = normalizeWord(tokens[i].Text, lw)
	}
	ctx[need-2], ctx[need-1] = "-END-", "-END2-"
	for j, w := range ctx {
		if words[j] = t.words[w]; words[j] == nil {
			words[j] = noWord
		}
		if sufs[j] = t.suffix[suffix3(w)]; sufs[j] == nil {
			sufs[j] = noSuffix
		}
	}
	id1, id2 := t.tagID["-START-"], t.tagID["-START2-"]
	for i := range tokens {
		tg, class := t.tagOne(s, i+2, tokens[i].Text, id1, id2)
		tokens[i].Tag = tg
		id2 = id1
		if class >= 0 {
			id1 = int(t.classTag[class])
		} else if id, ok := t.tagID[tg]; ok {
			id1 = id
		} else {
			id1 = -1 // a tag no feature names
		}
	}
}

var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tagOne follows prose's special cases before the model: a lone hyphen,
// emoticons, handles, Treebank traces and brackets, unambiguous words. The
// features are added in prose's order: float sums depend on it. class is
// the index of the tag among the model's classes, -1 for a special case.
func (t *Tagger) tagOne(s *tagScratch, i int, word string, id1, id2 int) (string, int) {
	switch {
	case word == "-":
		return "-", -1
	case isEmoticon(word):
		return "SYM", -1
	case strings.HasPrefix(word, "@"):
		return "NN", -1
	case word != "" && (word[0] == '0' || word[0] == '*') && noneRe.MatchString(word):
		return "-NONE-", -1
	case word != "" && word[0] == '-' && keepRe.MatchString(word):
		return word, -1
	}
	if id, ok := t.tagMap[word]; ok {
		return t.classes[id], int(id)
	}
	sc := &s.scores
	copy(sc[:], t.bias)
	// The suffix of the token as written, not normalised; most tokens are
	// their own normal form, whose suffix Tag looked up.
	own := s.sufs[i]
	if word != s.ctx[i] {
		if own = t.suffix[suffix3(word)]; own == nil {
			own = noSuffix
		}
	}
	t.add(own.i, sc)
	if word != "" {
		t.add(t.pref[word[0]], sc)
	}
	if id1 >= 0 {
		t.add(t.prev1[id1], sc)
	}
	if id2 >= 0 {
		t.add(t.prev2[id2], sc)
	}
	if id1 >= 0 && id2 >= 0 {
		t.add(t.pair[id1*t.nTags+id2], sc)
	}
	w := s.words[i]
	t.add(w.i, sc)
	if id1 >= 0 {
		for _, tw := range w.tagWord {
			if int(tw.tag) == id1 {
				t.add(tw.row, sc)
				break
			}
		}
	}
	t.add(s.words[i-1].prev1, sc)
	t.add(s.sufs[i-1].prev1, sc)
	t.add(s.words[i-2].prev2, sc)
	t.add(s.words[i+1].next1, sc)
	t.add(s.sufs[i+1].next1, sc)
	t.add(s.words[i+2].next2, sc)
	best, id := float32(math.Inf(-1)), 0
	for c, v := range sc[:len(t.classes)] {
		if v > best {
			best, id = v, c
		}
	}
	return t.classes[id], id
}

// add adds the weights of feature row i to scores; -1 is no feature.
func (t *Tagger) add(i int32, scores *[256]float32) {
	if i < 0 {
		return
	}
	lo, hi := t.pairOff[i], t.pairOff[i+1]
	ids, ws := t.classIDs[lo:hi], t.weights[lo:hi]
	ws = ws[:len(ids)]
	for j, c := range ids {
		scores[c] += ws[j]
	}
}

func suffix3(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// normalizeWord maps a word to the form the model was trained on; lower is
// the word in lower case, or "" to work it out.
func normalizeWord(w, lower string) string {
	if w == "" {
		return w
	}
	if w[0] != '-' && strings.IndexByte(w, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(w) == 4 && isYear(w) {
		return "!YEAR"
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
			if lower != "" {
				return lower
			}
			return strings.ToLower(w)
		}
	}
	return w
}

// isYear is what strconv.Atoi accepts for four bytes: a sign and digits.
func isYear(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// emoticons prose's tagger tags SYM (prose's internal/emoticon set).
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true,
	"(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true,
	"8-)": true, "8-D": true, "8D": true, ":(": true, ":((": true, ":(((": true,
	":()": true, ":)))": true, ":-)": true, ":-))": true, ":-)))": true, ":-*": true,
	":-/": true, ":-X": true, ":-]": true, ":-o": true, ":-p": true, ":-x": true,
	":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true,
	"V_V": true, "XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true,
	"o_o": true, "v_v": true, "xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}

// flatReader reads prose's little-endian flat model format.
type flatReader struct {
	b   []byte
	pos int
	err error
}

func (r *flatReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.err = fmt.Errorf("truncated at byte %d (wanted %d more)", r.pos, n)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *flatReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *flatReader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *flatReader) str16() string {
	b := r.bytes(2)
	if b == nil {
		return ""
	}
	return string(r.bytes(int(binary.LittleEndian.Uint16(b))))
}

func (r *flatReader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
