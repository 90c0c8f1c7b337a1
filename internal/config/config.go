// Package config reads stancegraph's settings with viper: command-line flags
// first, then STANCEGRAPH_* environment variables, then a stancegraph.yaml
// file (from --config, the working directory or $HOME/.config/stancegraph/),
// then defaults. It can say where each value came from.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/stancegraph/stancegraph/graph"
)

// Keys of the settings.
const (
	StoreBackend  = "store.backend"
	StorePath     = "store.path"
	StoreOptions  = "store.options"
	Extractor     = "extract.extractor"
	Lexicons      = "extract.lexicons"
	MinConfidence = "extract.min_confidence"
	Workers       = "extract.workers"
	Stages        = "extract.stages"
	DefaultDate   = "extract.date"
	QueryTimeout  = "query.timeout"
	QueryLimit    = "query.limit"
	QueryMemory   = "query.max_memory"
	Format        = "output.format"
)

// Defaults are the values used when nothing else sets a key.
var Defaults = map[string]interface{}{
	StoreBackend:  graph.DefaultBackend,
	StorePath:     graph.DefaultPath,
	StoreOptions:  map[string]interface{}{},
	Extractor:     "hybrid",
	Lexicons:      []string{},
	MinConfidence: 0.0,
	Workers:       0,
	Stages:        []string{"sentences", "parse", "mentions", "frames", "statements"},
	DefaultDate:   "",
	QueryTimeout:  graph.DefaultTimeout,
	QueryLimit:    graph.DefaultLimit,
	QueryMemory:   "512MiB",
	Format:        "",
}

// EnvPrefix prefixes the environment variables: STANCEGRAPH_STORE_PATH.
const EnvPrefix = "STANCEGRAPH"

// Config is the effective configuration of one run.
type Config struct {
	v     *viper.Viper
	flags map[string]*pflag.Flag // key -> the flag bound to it
}

// Load reads the configuration. file is an explicit config file (may be
// empty); flags maps keys to the command's flags that set them.
func Load(file string, flags map[string]*pflag.Flag) (*Config, error) {
	v := viper.New()
	for k, d := range Defaults {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	v.SetConfigType("yaml")
	if file == "" {
		file = findConfig()
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config file %s: %w", file, err)
		}
	}
	c := &Config{v: v, flags: map[string]*pflag.Flag{}}
	for k, f := range flags {
		if f == nil {
			continue
		}
		if err := v.BindPFlag(k, f); err != nil {
			return nil, fmt.Errorf("bind flag --%s: %w", f.Name, err)
		}
		c.flags[k] = f
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// findConfig returns the first of ./stancegraph.yaml (or .yml) and
// ~/.config/stancegraph/stancegraph.yaml that exists, or "". (Viper's own
// search, given a type, also takes a file named just "stancegraph": the
// binary, when it is built in the working directory.)
func findConfig() string {
	dirs := []string{"."}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".config", "stancegraph"))
	}
	for _, d := range dirs {
		for _, name := range []string{"stancegraph.yaml", "stancegraph.yml"} {
			if fi, err := os.Stat(filepath.Join(d, name)); err == nil && fi.Mode().IsRegular() {
				return filepath.Join(d, name)
			}
		}
	}
	return ""
}

// validate checks the value types, naming the key and where it came from.
func (c *Config) validate() error {
	for k := range c.v.AllSettings() {
		if _, ok := Defaults[k]; ok {
			continue
		}
		if m, ok := c.v.Get(k).(map[string]interface{}); ok {
			for sub := range m {
				if _, ok := Defaults[k+"."+sub]; !ok && k+"."+sub != StoreOptions && !strings.HasPrefix(k+"."+sub, StoreOptions+".") {
					return fmt.Errorf("%s: unknown setting %q (known: %s)", c.Source(k+"."+sub), k+"."+sub, strings.Join(Keys(), ", "))
				}
			}
		}
	}
	if _, err := c.durationE(QueryTimeout); err != nil {
		return err
	}
	if d := strings.TrimSpace(c.String(DefaultDate)); d != "" {
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return fmt.Errorf("%s: %s is %q, want a date such as 2022-01-27", c.Source(DefaultDate), DefaultDate, d)
		}
	}
	if _, err := c.bytesE(QueryMemory); err != nil {
		return err
	}
	for _, k := range []string{QueryLimit, Workers} {
		if _, err := c.intE(k); err != nil {
			return err
		}
	}
	if f, err := c.floatE(MinConfidence); err != nil {
		return err
	} else if f < 0 || f > 1 {
		return fmt.Errorf("%s: %s is %v, want a number from 0 to 1", c.Source(MinConfidence), MinConfidence, f)
	}
	return nil
}

// Keys lists the known keys, sorted.
func Keys() []string {
	var ks []string
	for k := range Defaults {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// File is the config file in use, or "".
func (c *Config) File() string { return c.v.ConfigFileUsed() }

// Source says where a key's value comes from: "flag --db", "env
// STANCEGRAPH_STORE_PATH", "file stancegraph.yaml" or "default".
func (c *Config) Source(key string) string {
	if f, ok := c.flags[key]; ok && f.Changed {
		return "flag --" + f.Name
	}
	env := EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
	if _, ok := os.LookupEnv(env); ok {
		return "env " + env
	}
	if c.v.InConfig(key) {
		return "file " + c.v.ConfigFileUsed()
	}
	return "default"
}

// String returns a key's value as a string.
func (c *Config) String(key string) string { return c.v.GetString(key) }

// Strings returns a list value; a comma-separated string is split.
func (c *Config) Strings(key string) []string {
	raw := c.v.Get(key)
	var out []string
	switch x := raw.(type) {
	case string:
		for _, s := range strings.Split(x, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	for _, s := range c.v.GetStringSlice(key) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Int returns an integer value (validated at Load).
func (c *Config) Int(key string) int { n, _ := c.intE(key); return n }

// Float returns a number value (validated at Load).
func (c *Config) Float(key string) float64 { f, _ := c.floatE(key); return f }

// Duration returns a duration value (validated at Load).
func (c *Config) Duration(key string) time.Duration { d, _ := c.durationE(key); return d }

// Map returns a map value.
func (c *Config) Map(key string) map[string]interface{} { return c.v.GetStringMap(key) }

// Value returns a key's raw value.
func (c *Config) Value(key string) interface{} { return c.v.Get(key) }

func (c *Config) intE(key string) (int, error) {
	switch x := c.v.Get(key).(type) {
	case int:
		return x, nil
	case int64:
		return int(x), nil
	case float64:
		if x == float64(int(x)) {
			return int(x), nil
		}
	case string:
		var n int
		if _, err := fmt.Sscanf(strings.TrimSpace(x), "%d", &n); err == nil && fmt.Sprint(n) == strings.TrimSpace(x) {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%s: %s is %v, want a whole number", c.Source(key), key, c.v.Get(key))
}

func (c *Config) floatE(key string) (float64, error) {
	switch x := c.v.Get(key).(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case string:
		var f float64
		if _, err := fmt.Sscanf(strings.TrimSpace(x), "%g", &f); err == nil {
			return f, nil
		}
	}
	return 0, fmt.Errorf("%s: %s is %v, want a number", c.Source(key), key, c.v.Get(key))
}

func (c *Config) durationE(key string) (time.Duration, error) {
	switch x := c.v.Get(key).(type) {
	case time.Duration:
		return x, nil
	case string:
		d, err := time.ParseDuration(strings.TrimSpace(x))
		if err == nil && d > 0 {
			return d, nil
		}
	case int:
		if x > 0 {
			return time.Duration(x) * time.Second, nil
		}
	}
	return 0, fmt.Errorf("%s: %s is %v, want a duration such as 30s or 2m", c.Source(key), key, c.v.Get(key))
}

// Store is the store configuration.
func (c *Config) Store() graph.Config {
	return graph.Config{Backend: c.String(StoreBackend), Path: c.String(StorePath), Options: c.Map(StoreOptions)}
}

// Bytes returns a size value in bytes (validated at Load): "512MiB",
// "2GB", "65536"; "0" or "off" is -1, no cap.
func (c *Config) Bytes(key string) int64 { n, _ := c.bytesE(key); return n }

func (c *Config) bytesE(key string) (int64, error) {
	raw := c.v.Get(key)
	if n, err := ParseBytes(fmt.Sprint(raw)); err == nil {
		return n, nil
	}
	return 0, fmt.Errorf("%s: %s is %v, want a size such as 512MiB, 2GB or off", c.Source(key), key, raw)
}

// ParseBytes reads a size: a number of bytes with an optional unit (KB,
// MB, GB of 1000s; KiB, MiB, GiB of 1024s). "0" and "off" mean no cap: -1.
func ParseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "0" || strings.EqualFold(s, "off") {
		return -1, nil
	}
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if len(s) > len(u.suffix) && strings.EqualFold(s[len(s)-len(u.suffix):], u.suffix) {
			s, mult = strings.TrimSpace(s[:len(s)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("size %q: want a positive number with an optional unit (KB, MB, GB, KiB, MiB, GiB)", s)
	}
	return int64(n * float64(mult)), nil
}
