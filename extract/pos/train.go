package pos

import (
	"fmt"
	"io"
	"math/rand"
	"sort"

	"github.com/stancegraph/stancegraph/extract/perceptron"
)

// Example is a training sentence: forms with gold tags.
type Example struct {
	Forms []string
	Guide []string // the guiding tagger's tags (see Tagger.Tag)
	XPOS  []string
	UPOS  []string
}

// TrainOptions steer training.
type TrainOptions struct {
	Epochs     int       // passes over the data (the best on Dev is kept)
	MinPair    int       // tag pairs seen fewer times map to their XPOS's commonest pair
	MinUpdates int       // features in fewer updates are pruned from the model
	Seed       int64     // the shuffle's seed: the same seed gives the same model
	Dev        []Example // scored after each epoch; nil keeps the last epoch
	Log        io.Writer // progress, or nil
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 8
	}
	if o.MinPair == 0 {
		o.MinPair = 10
	}
	if o.MinUpdates == 0 {
		o.MinUpdates = 1
	}
}

// Train learns a tagger from examples.
func Train(train []Example, o TrainOptions) (*Tagger, error) {
	o.defaults()
	tags, index := tagSet(train, o.MinPair)
	if len(tags) > 256 {
		return nil, fmt.Errorf("train tagger: %d tags, at most 256", len(tags))
	}
	tr := perceptron.NewTrainer(len(tags))
	hashes := make([]uint64, len(tags))
	for i, tg := range tags {
		x, u := splitTag(tg)
		hashes[i] = perceptron.Hash(x + "/" + u)
	}
	gold := make([][]int, len(train))
	for i, ex := range train {
		gold[i] = make([]int, len(ex.Forms))
		for j := range ex.Forms {
			gold[i][j] = index(ex.XPOS[j], ex.UPOS[j])
		}
	}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(o.Seed))
	var (
		ws     []word
		feats  []uint64
		scores = make([]float32, len(tags))
		best   *Tagger
		bestAc = -1.0
	)
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, all := 0, 0
		for _, si := range order {
			ex := train[si]
			ws = analyse(ex.Forms, ex.Guide, ws)
			t1, t2 := hStart, hStart2
			for i := range ws {
				feats = features(ws, i, t1, t2, feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				guess := perceptron.Argmax(scores)
				g := gold[si][i]
				tr.Tick()
				tr.Update(feats, g, guess)
				if g == guess {
					right++
				}
				all++
				t2, t1 = t1, hashes[guess]
			}
		}
		t, err := newTagger(tr.Freeze(o.MinUpdates), tags)
		if err != nil {
			return nil, err
		}
		msg := fmt.Sprintf("tagger epoch %d: train %.2f%%", epoch, 100*float64(right)/float64(all))
		if o.Dev != nil {
			ac := Accuracy(t, o.Dev)
			msg += fmt.Sprintf(", dev XPOS %.2f%% UPOS %.2f%%", 100*ac.XPOS, 100*ac.UPOS)
			if ac.XPOS > bestAc {
				best, bestAc = t, ac.XPOS
			}
		} else {
			best = t
		}
		if o.Log != nil {
			fmt.Fprintln(o.Log, msg)
		}
	}
	return best, nil
}

// tagSet lists the (XPOS, UPOS) pairs seen at least minPair times, as
// "XPOS\tUPOS", and gives the index of any pair: a rare pair maps to its
// XPOS's commonest pair.
func tagSet(train []Example, minPair int) ([]string, func(x, u string) int) {
	count := map[string]int{}
	for _, ex := range train {
		for j := range ex.Forms {
			count[ex.XPOS[j]+"\t"+ex.UPOS[j]]++
		}
	}
	var tags []string
	for tg, n := range count {
		if n >= minPair {
			tags = append(tags, tg)
		}
	}
	sort.Strings(tags)
	id := map[string]int{}
	byX := map[string]int{} // XPOS -> commonest kept pair
	for i, tg := range tags {
		id[tg] = i
		x, _ := splitTag(tg)
		if j, ok := byX[x]; !ok || count[tg] > count[tags[j]] {
			byX[x] = i
		}
	}
	commonest := 0
	for i, tg := range tags {
		if count[tg] > count[tags[commonest]] {
			commonest = i
		}
	}
	return tags, func(x, u string) int {
		if i, ok := id[x+"\t"+u]; ok {
			return i
		}
		if i, ok := byX[x]; ok {
			return i
		}
		return commonest
	}
}

func splitTag(tg string) (string, string) {
	for i := 0; i < len(tg); i++ {
		if tg[i] == '\t' {
			return tg[:i], tg[i+1:]
		}
	}
	return tg, ""
}

// Score is a tagger's accuracy on examples.
type Score struct {
	Words      int
	XPOS, UPOS float64
}

// Accuracy tags examples and compares with their gold tags.
func Accuracy(t *Tagger, examples []Example) Score {
	var s Score
	var x, u int
	var ids []int
	for _, ex := range examples {
		ids = t.Tag(ex.Forms, ex.Guide, ids[:0])
		for j, id := range ids {
			s.Words++
			if t.xpos[id] == ex.XPOS[j] {
				x++
			}
			if t.upos[id] == ex.UPOS[j] {
				u++
			}
		}
	}
	if s.Words > 0 {
		s.XPOS, s.UPOS = float64(x)/float64(s.Words), float64(u)/float64(s.Words)
	}
	return s
}
