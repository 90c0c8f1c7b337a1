package perceptron

import (
	"bytes"
	"math/rand"
	"testing"
)

// toy is a separable problem: the class is the feature of the "word", with
// noise features beside it.
func toy(rng *rand.Rand, classes int) ([]uint64, int) {
	c := rng.Intn(classes)
	return []uint64{Mix(1, uint64(c)), Mix(2, uint64(rng.Intn(50))), 99}, c
}

func train(seed int64) *Trainer {
	rng := rand.New(rand.NewSource(seed))
	tr := NewTrainer(5)
	scores := make([]float32, 5)
	for i := 0; i < 2000; i++ {
		feats, gold := toy(rng, 5)
		clear(scores)
		tr.Score(feats, scores)
		guess := Argmax(scores)
		tr.Tick()
		tr.Update(feats, gold, guess)
	}
	return tr
}

func TestLearnsAndRoundTrips(t *testing.T) {
	m := train(1).Freeze(1)
	rng := rand.New(rand.NewSource(2))
	scores := make([]float32, 5)
	for i := 0; i < 200; i++ {
		feats, gold := toy(rng, 5)
		clear(scores)
		m.Score(feats, scores)
		if Argmax(scores) != gold {
			t.Fatalf("frozen model gets %v wrong: scores %v", feats, scores)
		}
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, rest, err := Read(append(buf.Bytes(), 7))
	if err != nil || !bytes.Equal(rest, []byte{7}) {
		t.Fatalf("read back: %v, rest %v", err, rest)
	}
	if m2.Features() != m.Features() || m2.Weights() != m.Weights() {
		t.Fatalf("read back %d features %d weights, wrote %d %d", m2.Features(), m2.Weights(), m.Features(), m.Weights())
	}
	for i := 0; i < 100; i++ {
		feats, _ := toy(rng, 5)
		a, b := make([]float32, 5), make([]float32, 5)
		m.Score(feats, a)
		m2.Score(feats, b)
		for c := range a {
			if a[c] != b[c] {
				t.Fatalf("scores differ after a round trip: %v vs %v", a, b)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	train(3).Freeze(1).WriteTo(&a)
	train(3).Freeze(1).WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same training gave different model bytes")
	}
}

func TestPrune(t *testing.T) {
	tr := train(4)
	all, pruned := tr.Freeze(1), tr.Freeze(1000)
	if pruned.Features() >= all.Features() {
		t.Fatalf("pruning kept %d of %d features", pruned.Features(), all.Features())
	}
}

func TestReadRejects(t *testing.T) {
	var buf bytes.Buffer
	train(5).Freeze(1).WriteTo(&buf)
	good := buf.Bytes()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("XXXXXXXX"), good[8:]...),
		"truncated": good[:len(good)/2],
	} {
		if _, _, err := Read(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestScoreManyFeatures(t *testing.T) {
	// More features than Score's batch: all must count.
	tr := NewTrainer(2)
	feats := make([]uint64, 300)
	for i := range feats {
		feats[i] = Mix(7, uint64(i))
	}
	tr.Tick()
	tr.Update(feats, 1, 0)
	tr.Tick() // an instance after the update, so that the average holds it
	m := tr.Freeze(1)
	scores := make([]float32, 2)
	m.Score(feats, scores)
	if scores[1] < 149 || scores[0] > -149 {
		t.Fatalf("scores %v, want about 150 and -150 (300 features at half weight on average)", scores)
	}
}

func TestFoldDigits(t *testing.T) {
	for in, want := range map[string]string{"1999": "0000", "G7": "G0", "no digits": "no digits", "0.5%": "0.0%"} {
		if got := FoldDigits(in); got != want {
			t.Errorf("FoldDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
