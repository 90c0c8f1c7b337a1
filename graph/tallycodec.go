// The tally's records: how cells and evidence are keyed and encoded.

package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/stancegraph/stancegraph/schema"
)

// signByte is the byte of a polarity in a key by target.
func signByte(polarity int) byte {
	switch {
	case polarity > 0:
		return '+'
	case polarity < 0:
		return '-'
	}
	return '0'
}

// interner hands out one string for equal bytes: a scan meets the same
// actors, positions and dates again and again.
type interner map[string]string

// decodeCellAfter decodes a cell of id from the rest of its key after the
// prefix (the other side and the class) and its value.
func decodeCellAfter(id string, by By, rest, val []byte, in interner) (Cell, error) {
	if by == ByTarget {
		if len(rest) == 0 || (rest[0] != '+' && rest[0] != '-' && rest[0] != '0') {
			return Cell{}, fmt.Errorf("tally: bad key after %s: %q", id, rest)
		}
		rest = rest[1:]
	}
	i := bytes.IndexByte(rest, 0)
	if i < 0 {
		return Cell{}, fmt.Errorf("tally: bad key after %s: %q", id, rest)
	}
	c := Cell{Actor: id, Target: in.get(rest[:i]), Class: schema.ClassOf(rest[i+1:])}
	if by == ByTarget {
		c.Actor, c.Target = c.Target, c.Actor
	}
	n, w := binary.Uvarint(val)
	if w <= 0 {
		return Cell{}, fmt.Errorf("tally: bad count in cell of %s", id)
	}
	c.Statements = int(n)
	v := val[w:]
	for _, d := range []*string{&c.First, &c.Last} {
		if len(v) == 0 || int(v[0]) > len(v)-1 {
			return Cell{}, fmt.Errorf("tally: bad dates in cell of %s", id)
		}
		*d = in.get(v[1 : 1+v[0]])
		v = v[1+v[0]:]
	}
	return c, nil
}

// encodeEvidence writes the fields the key does not hold: six strings,
// each a uvarint length and its bytes, the sentence index and offsets
// (uvarints), the confidence (float64 bits, big-endian), and the event
// date when there is one (its length and bytes; records written before it
// end at the confidence, and read back without one).
func encodeEvidence(e Evidence) []byte {
	b := make([]byte, 0, 64+len(e.Sentence))
	for _, f := range []string{string(e.Class), e.Predicate, e.Sentence, e.Date, e.Speaker, e.Document} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	for _, n := range []int{e.SentenceIndex, e.Start, e.End} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(e.Confidence))
	if e.EventDate != "" {
		b = binary.AppendUvarint(b, uint64(len(e.EventDate)))
		b = append(b, e.EventDate...)
	}
	return b
}

func decodeEvidence(v []byte, e *Evidence, in interner) error {
	for i, f := range []*string{(*string)(&e.Class), &e.Predicate, &e.Sentence, &e.Date, &e.Speaker, &e.Document} {
		n, w := binary.Uvarint(v)
		if w <= 0 || uint64(len(v)-w) < n {
			return errors.New("tally: bad evidence record")
		}
		if i == 2 {
			*f = string(v[w : w+int(n)]) // sentences seldom repeat
		} else {
			*f = in.get(v[w : w+int(n)])
		}
		v = v[w+int(n):]
	}
	for _, f := range []*int{&e.SentenceIndex, &e.Start, &e.End} {
		n, w := binary.Uvarint(v)
		if w <= 0 {
			return errors.New("tally: bad evidence record")
		}
		*f, v = int(n), v[w:]
	}
	if len(v) < 8 {
		return errors.New("tally: bad evidence record")
	}
	e.Confidence = math.Float64frombits(binary.BigEndian.Uint64(v))
	e.EventDate = ""
	if v = v[8:]; len(v) > 0 {
		n, w := binary.Uvarint(v)
		if w <= 0 || n == 0 || uint64(len(v)-w) != n {
			return errors.New("tally: bad evidence record")
		}
		e.EventDate = in.get(v[w:])
	}
	return nil
}

func evidenceKey(actor, target, statement string) []byte {
	k := make([]byte, 0, 3+len(actor)+len(target)+len(statement))
	k = append(k, 'e')
	k = append(k, actor...)
	k = append(k, 0)
	k = append(k, target...)
	k = append(k, 0)
	return append(k, statement...)
}

func evidenceOf(st *schema.Statement) Evidence {
	return Evidence{Actor: string(schema.ActorIRI(st.Subject)), Target: string(st.TargetIRI()), Statement: string(st.ID()),
		Class: st.Class, Predicate: st.Predicate, Sentence: st.Sentence, SentenceIndex: st.SentenceIndex,
		Start: st.Start, End: st.End, Date: st.Date, EventDate: st.EventDate,
		Speaker: st.Speaker, Document: st.Doc, Confidence: st.Confidence}
}

func cellKey(by By, first, second string, c schema.Class) []byte {
	k := make([]byte, 0, 4+len(first)+len(second)+len(c))
	k = append(k, byte(by))
	k = append(k, first...)
	k = append(k, 0)
	if by == ByTarget {
		k = append(k, signByte(c.Polarity()))
	}
	k = append(k, second...)
	k = append(k, 0)
	return append(k, c...)
}

func decodeCell(by By, key, val []byte) (Cell, error) {
	i := bytes.IndexByte(key, 0)
	if len(key) < 2 || i < 0 {
		return Cell{}, fmt.Errorf("tally: bad key %q", key)
	}
	return decodeCellAfter(string(key[1:i]), by, key[i+1:], val, interner{})
}

func encodeCell(c Cell) []byte {
	b := binary.AppendUvarint(make([]byte, 0, 24), uint64(c.Statements))
	for _, d := range []string{c.First, c.Last} {
		b = append(b, byte(len(d)))
		b = append(b, d...)
	}
	return b
}
