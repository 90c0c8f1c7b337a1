package extract

import (
	"fmt"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Shard
		bad  bool
	}{
		{"", Shard{}, false},
		{"0/4", Shard{0, 4}, false},
		{" 3 / 4 ", Shard{3, 4}, false},
		{"4/4", Shard{}, true},
		{"-1/4", Shard{}, true},
		{"1/0", Shard{}, true},
		{"1", Shard{}, true},
		{"a/b", Shard{}, true},
	} {
		got, err := ParseShard(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.bad)
		}
	}
}

// Every document falls in exactly one of the N shards, and the shards are
// of similar size.
func TestShardPartition(t *testing.T) {
	const n, docs = 4, 4000
	counts := make([]int, n)
	for d := 0; d < docs; d++ {
		id := fmt.Sprintf("article-%05d.txt", d)
		in := 0
		for k := 0; k < n; k++ {
			if (Shard{k, n}).Has(id) {
				in++
				counts[k]++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shards", id, in)
		}
		if !(Shard{}).Has(id) {
			t.Fatalf("the zero shard lacks %s", id)
		}
	}
	for k, c := range counts {
		if c < docs/n*8/10 || c > docs/n*12/10 {
			t.Errorf("shard %d/%d has %d of %d documents", k, n, c, docs)
		}
	}
}
