package depparse

import (
	"fmt"
	"io"
	"math/rand"
	"sort"

	"github.com/stancegraph/stancegraph/extract/perceptron"
)

// Example is a training sentence: tagged words with their gold tree.
// Heads are word indexes, -1 for the root.
type Example struct {
	Forms, XPOS, UPOS []string
	Heads             []int
	Labels            []string
}

// TrainOptions steer training.
type TrainOptions struct {
	Epochs      int       // passes over the data (the best on Dev is kept)
	ExploreFrom int       // from this epoch on, follow the model's own moves...
	Explore     float64   // ... with this probability (error exploration)
	MinUpdates  int       // features in fewer updates are pruned from the model
	Seed        int64     // the same seed and data give the same model
	Dev         []Example // scored after each epoch; nil keeps the last
	Log         io.Writer // progress, or nil
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 15
	}
	if o.ExploreFrom == 0 {
		o.ExploreFrom = 2
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.MinUpdates == 0 {
		// Features named in one or two updates are a third of the model
		// and buy nothing on EWT dev (85.17/82.09 UAS/LAS with 446,000
		// features against 85.20/82.03 with 1,389,000, epoch 8).
		o.MinUpdates = 3
	}
}

// Train learns a parser from examples.
func Train(train []Example, o TrainOptions) (*Parser, error) {
	o.defaults()
	labels := labelSet(train)
	if len(labels) > 127 {
		return nil, fmt.Errorf("train parser: %d labels, at most 127", len(labels))
	}
	p := withLabels(labels)
	if p.root < 0 {
		return nil, fmt.Errorf("train parser: no word has the label root")
	}
	id := map[string]int{}
	for i, l := range labels {
		id[l] = i
	}
	type gold struct{ heads, labels []int }
	golds := make([]gold, len(train))
	for i, ex := range train {
		if err := checkExample(ex); err != nil {
			return nil, fmt.Errorf("train parser: sentence %d: %w", i+1, err)
		}
		n := len(ex.Forms)
		h := make([]int, n)
		for j, x := range ex.Heads {
			if x < 0 {
				x = n
			}
			h[j] = x
		}
		g := gold{heads: projectivize(h), labels: make([]int, n)}
		for j, l := range ex.Labels {
			g.labels[j] = id[l] + 1
		}
		golds[i] = g
	}
	classes := 2 + 2*len(labels)
	tr := perceptron.NewTrainer(classes)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(o.Seed))
	var (
		st      state
		tk      []token
		feats   []uint64
		scores  = make([]float32, classes)
		costs   = make([]int, classes)
		best    *Parser
		bestLAS = -1.0
	)
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, all := 0, 0
		for _, si := range order {
			ex, g := &train[si], &golds[si]
			p.start(&st, len(ex.Forms))
			tk = tokens(ex.Forms, ex.XPOS, ex.UPOS, tk)
			for !st.done() {
				feats = features(&st, tk, feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				guess := p.best(&st, scores)
				// The cheapest valid classes are gold; the best-scoring of
				// them is the one to learn.
				minCost := -1
				for c := range costs {
					costs[c] = -1
					if !p.valid(&st, c) {
						continue
					}
					mv, l := p.move(c)
					costs[c] = st.cost(mv, l+1, g.heads, g.labels)
					if minCost < 0 || costs[c] < minCost {
						minCost = costs[c]
					}
				}
				want := -1
				for c, k := range costs {
					if k == minCost && (want < 0 || scores[c] > scores[want]) {
						want = c
					}
				}
				tr.Tick()
				if costs[guess] > minCost {
					tr.Update(feats, want, guess)
				} else {
					right++
				}
				all++
				next := want
				if epoch >= o.ExploreFrom && rng.Float64() < o.Explore {
					next = guess
				}
				mv, l := p.move(next)
				st.apply(mv, l+1)
			}
		}
		m := tr.Freeze(o.MinUpdates)
		q, err := newParser(m, labels)
		if err != nil {
			return nil, err
		}
		msg := fmt.Sprintf("parser epoch %d: moves right %.2f%%, %d features, %d weights", epoch, 100*float64(right)/float64(all), m.Features(), m.Weights())
		if o.Dev != nil {
			s := Evaluate(q, o.Dev)
			msg += fmt.Sprintf(", dev UAS %.2f LAS %.2f", 100*s.UAS(), 100*s.LAS())
			if s.LAS() > bestLAS {
				best, bestLAS = q, s.LAS()
			}
		} else {
			best = q
		}
		if o.Log != nil {
			fmt.Fprintln(o.Log, msg)
		}
	}
	return best, nil
}

func checkExample(ex Example) error {
	n := len(ex.Forms)
	if len(ex.XPOS) != n || len(ex.UPOS) != n || len(ex.Heads) != n || len(ex.Labels) != n {
		return fmt.Errorf("%d forms but %d XPOS, %d UPOS, %d heads, %d labels", n, len(ex.XPOS), len(ex.UPOS), len(ex.Heads), len(ex.Labels))
	}
	roots := 0
	for i, h := range ex.Heads {
		if h < -1 || h >= n || h == i {
			return fmt.Errorf("word %d has head %d", i+1, h+1)
		}
		if h == -1 {
			roots++
		}
		if (h == -1) != (ex.Labels[i] == "root") {
			return fmt.Errorf("word %d has head %d and label %q: the root and only it is labelled root", i+1, h+1, ex.Labels[i])
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	return nil
}

// labelSet lists the labels of the training data, sorted.
func labelSet(train []Example) []string {
	seen := map[string]bool{}
	for _, ex := range train {
		for _, l := range ex.Labels {
			seen[l] = true
		}
	}
	var out []string
	for l := range seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
