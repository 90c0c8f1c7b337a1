package graph

// sortEntry is a quad's node ids in the order of one sort, and its place
// among the quads.
type sortEntry struct {
	key [4]uint32
	pos uint32
}

// radixBits is the width of a digit: 2,048 buckets, whose ends stay in
// the processor's caches while a pass scatters the entries.
const radixBits = 11

// radixSort sorts es by key[0], then key[1], ... key[cols-1], keeping the
// order of entries with equal keys (least significant digit first, each
// pass stable). tmp is as long as es; the sorted entries are in the one
// returned, the other is scratch. Digits above a column's largest value
// take no pass: node ids are small, so a column is two or three passes.
// (Comparison sorts of the quads' places took 23 s of a 1,000,000-
// statement bulk load: each comparison reads two quads far apart.)
func radixSort(es, tmp []sortEntry, cols int) (sorted, scratch []sortEntry) {
	var count [1<<radixBits + 1]int
	for c := cols - 1; c >= 0; c-- {
		var top uint32
		for i := range es {
			top = max(top, es[i].key[c])
		}
		for shift := uint(0); shift < 32 && (shift == 0 || top>>shift != 0); shift += radixBits {
			clear(count[:])
			for i := range es {
				count[(es[i].key[c]>>shift)&(1<<radixBits-1)+1]++
			}
			for d := 1; d < len(count); d++ {
				count[d] += count[d-1]
			}
			for i := range es {
				d := (es[i].key[c] >> shift) & (1<<radixBits - 1)
				tmp[count[d]] = es[i]
				count[d]++
			}
			es, tmp = tmp, es
		}
	}
	return es, tmp
}
