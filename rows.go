package stancegraph

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
)

// decodeRows fills out, a pointer to a slice of structs, from a query's
// rows (maps from the fields' json names to values) as a round trip
// through JSON would, without one: a key names a field by its json name or
// Go name, exactly or else in any case; a field takes a value of its own
// kind (any string type, any number that fits an int field); a missing or
// nil value leaves it zero; other keys are ignored. A row of another
// shape goes through JSON.
func decodeRows(rows []interface{}, out interface{}) error {
	slice := reflect.ValueOf(out).Elem()
	typ := slice.Type().Elem()
	fields := map[string]int{}
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous {
			fields = nil // JSON's rules for embedded structs: JSON's code
			break
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = i
	}
	slice.Set(reflect.MakeSlice(slice.Type(), len(rows), len(rows)))
	for i, r := range rows {
		el := slice.Index(i)
		m, ok := r.(map[string]interface{})
		if !ok || fields == nil || !setFields(el, m, fields) {
			el.SetZero()
			b, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("row %d: %w", i, err)
			}
			if err := json.Unmarshal(b, el.Addr().Interface()); err != nil {
				return fmt.Errorf("row %d: %w", i, err)
			}
		}
	}
	return nil
}

// setFields sets the struct's fields from m; false when a value is not
// one setFields knows to put in its field.
func setFields(el reflect.Value, m map[string]interface{}, fields map[string]int) bool {
	for k, v := range m {
		i, ok := fields[k]
		if !ok {
			for name := range fields {
				if strings.EqualFold(name, k) {
					return false // JSON's rules for case
				}
			}
		}
		if !ok || v == nil {
			continue
		}
		switch v.(type) {
		case json.Marshaler, encoding.TextMarshaler:
			return false
		}
		f := el.Field(i)
		rv := reflect.ValueOf(v)
		switch f.Kind() {
		case reflect.String:
			if rv.Kind() != reflect.String {
				return false
			}
			f.SetString(rv.String())
		case reflect.Int, reflect.Int64:
			switch rv.Kind() {
			case reflect.Int, reflect.Int64, reflect.Int32:
				f.SetInt(rv.Int())
			case reflect.Float64:
				x := rv.Float()
				if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
					return false
				}
				f.SetInt(int64(x))
			default:
				return false
			}
		case reflect.Float64:
			switch rv.Kind() {
			case reflect.Float64, reflect.Float32:
				f.SetFloat(rv.Float())
			case reflect.Int, reflect.Int64, reflect.Int32:
				f.SetFloat(float64(rv.Int()))
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}
