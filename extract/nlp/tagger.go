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
// model, features and special cases, so it gives exactly prose's tags; it
// finds a feature's weights through a hash index instead of prose's binary
// search over the sorted feature strings, which was 40% of extraction time
// (see BenchmarkTagger). The model bytes are prose's own
// (tag/aptagmodel.English, prose's flat format), read once per process.
type Tagger struct {
	classes  []string
	index    map[string]int32 // feature -> row of pairOff
	pairOff  []uint32
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // unambiguous words
	bias     []float32        // scores of the constant "bias" feature
	pool     sync.Pool
}

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	return NewTagger(aptagmodel.English)
})

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
	t.index = make(map[string]int32, nFeat)
	for i := 0; i < nFeat; i++ {
		t.index[blob[featOff[i]:featOff[i+1]]] = int32(i)
	}
	t.bias = make([]float32, len(t.classes))
	t.add("bias", t.bias)
	t.pool.New = func() any {
		return &tagScratch{scores: make([]float32, len(t.classes)), key: make([]byte, 0, 64)}
	}
	return t, nil
}

type tagScratch struct {
	scores []float32
	key    []byte
	ctx    []string
}

// Tag fills in the Tag of each token from its Text; the tokens are one
// sentence.
func (t *Tagger) Tag(tokens []tag.Token) {
	if len(tokens) == 0 {
		return
	}
	s := t.pool.Get().(*tagScratch)
	defer t.pool.Put(s)
	need := len(tokens) + 4
	if cap(s.ctx) < need {
		s.ctx = make([]string, need)
	}
	ctx := s.ctx[:need]
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i := range tokens {
		ctx[i+2] = normalizeWord(tokens[i].Text)
	}
	ctx[need-2], ctx[need-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	for i := range tokens {
		tg := t.tagOne(s, i+2, ctx, tokens[i].Text, p1, p2)
		tokens[i].Tag = tg
		p2, p1 = p1, tg
	}
}

var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tagOne follows prose's special cases before the model: a lone hyphen,
// emoticons, handles, Treebank traces and brackets, unambiguous words.
func (t *Tagger) tagOne(s *tagScratch, i int, ctx []string, word, p1, p2 string) string {
	switch {
	case word == "-":
		return "-"
	case emoticons[word]:
		return "SYM"
	case strings.HasPrefix(word, "@"):
		return "NN"
	case word != "" && (word[0] == '0' || word[0] == '*') && noneRe.MatchString(word):
		return "-NONE-"
	case word != "" && word[0] == '-' && keepRe.MatchString(word):
		return word
	}
	if id, ok := t.tagMap[word]; ok {
		return t.classes[id]
	}
	copy(s.scores, t.bias) // in prose's order: float sums depend on it
	t.feat(s, "i suffix ", suffix3(word))
	t.feat(s, "i pref1 ", prefix1(word))
	t.feat(s, "i-1 tag ", p1)
	t.feat(s, "i-2 tag ", p2)
	t.feat(s, "i tag+i-2 tag ", p1, " ", p2)
	t.feat(s, "i word ", ctx[i])
	t.feat(s, "i-1 tag+i word ", p1, " ", ctx[i])
	t.feat(s, "i-1 word ", ctx[i-1])
	t.feat(s, "i-1 suffix ", suffix3(ctx[i-1]))
	t.feat(s, "i-2 word ", ctx[i-2])
	t.feat(s, "i+1 word ", ctx[i+1])
	t.feat(s, "i+1 suffix ", suffix3(ctx[i+1]))
	t.feat(s, "i+2 word ", ctx[i+2])
	best, id := float32(math.Inf(-1)), 0
	for c, v := range s.scores {
		if v > best {
			best, id = v, c
		}
	}
	return t.classes[id]
}

func (t *Tagger) feat(s *tagScratch, parts ...string) {
	s.key = s.key[:0]
	for _, p := range parts {
		s.key = append(s.key, p...)
	}
	t.add(string(s.key), s.scores) // no allocation: the conversion is a map key
}

// add adds the weights of feature f to scores.
func (t *Tagger) add(f string, scores []float32) {
	i, ok := t.index[f]
	if !ok {
		return
	}
	lo, hi := t.pairOff[i], t.pairOff[i+1]
	ids, ws := t.classIDs[lo:hi], t.weights[lo:hi]
	for j := range ids {
		scores[ids[j]] += ws[j]
	}
}

func suffix3(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// prefix1 is the first byte, as the model was trained.
func prefix1(w string) string {
	if w == "" {
		return ""
	}
	return w[:1]
}

// normalizeWord maps a word to the form the model was trained on.
func normalizeWord(w string) string {
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
