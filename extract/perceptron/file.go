package perceptron

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

// WriteNamed writes a model file: a magic string, the names of the classes
// or labels its user keeps (uvarint lengths), then the model.
func WriteNamed(w io.Writer, magic string, names []string, m *Model) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(magic)
	buf.Write(binary.AppendUvarint(nil, uint64(len(names))))
	for _, s := range names {
		buf.Write(binary.AppendUvarint(nil, uint64(len(s))))
		buf.WriteString(s)
	}
	if _, err := m.WriteTo(&buf); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

// ReadNamed reads what WriteNamed wrote; what names the file's kind in
// errors ("tagger model").
func ReadNamed(b []byte, magic, what string, maxNames int) ([]string, *Model, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, nil, fmt.Errorf("%s: bad magic (not a %s, or another version)", what, what)
	}
	b = b[len(magic):]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(maxNames) {
		return nil, nil, fmt.Errorf("%s: bad name count", what)
	}
	b = b[k:]
	names := make([]string, n)
	for i := range names {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l {
			return nil, nil, fmt.Errorf("%s: name %d of %d is cut short", what, i+1, n)
		}
		names[i] = string(b[k : k+int(l)])
		b = b[k+int(l):]
	}
	m, rest, err := Read(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	if len(rest) != 0 {
		return nil, nil, fmt.Errorf("%s: %d bytes after the model", what, len(rest))
	}
	return names, m, nil
}
