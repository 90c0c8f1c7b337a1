package stancegraph

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestDecodeRowsAsJSON holds decodeRows to the JSON round trip it
// replaces: the same structs from every shape of row a query gives, and an
// error where JSON gives one.
func TestDecodeRowsAsJSON(t *testing.T) {
	type row struct {
		Name  string  `json:"name"`
		Count int     `json:"count"`
		Score float64 `json:"score"`
		Skip  string  `json:"-"`
		Plain string
	}
	for _, c := range []struct {
		name    string
		rows    []interface{}
		wantErr bool
	}{
		{"the tally's types", []interface{}{map[string]interface{}{"name": "Russia", "count": int64(3), "score": 0.5}}, false},
		{"Gizmo's types", []interface{}{map[string]interface{}{"name": quad.IRI("sg:actor/x"), "count": float64(2), "score": int64(4)}}, false},
		{"missing, nil and unknown keys", []interface{}{map[string]interface{}{"count": nil, "other": []int{1}}, map[string]interface{}{}}, false},
		{"keys by field name and by case", []interface{}{map[string]interface{}{"Plain": "p", "NAME": "upper", "Skip": "s"}}, false},
		{"a whole float", []interface{}{map[string]interface{}{"count": 7.0}}, false},
		{"a fraction into an int", []interface{}{map[string]interface{}{"count": 7.5}}, true},
		{"a string into an int", []interface{}{map[string]interface{}{"count": "7"}}, true},
		{"a number into a string", []interface{}{map[string]interface{}{"name": 7}}, true},
		{"not a map", []interface{}{"row"}, true},
		{"a value with its own JSON", []interface{}{map[string]interface{}{"name": json.RawMessage(`"raw"`)}}, false},
		{"no rows", []interface{}{}, false},
	} {
		var got, want []row
		err := decodeRows(c.rows, &got)
		b, _ := json.Marshal(c.rows)
		jerr := json.Unmarshal(b, &want)
		if (err != nil) != c.wantErr || (jerr != nil) != c.wantErr {
			t.Errorf("%s: error %v, JSON's %v, want an error: %v", c.name, err, jerr, c.wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, JSON gives %+v", c.name, got, want)
		}
	}
}
