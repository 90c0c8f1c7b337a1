package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func flags(t *testing.T, args ...string) map[string]*pflag.Flag {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.String("dbpath", "stancegraph.db", "")
	fs.String("db", "bolt", "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return map[string]*pflag.Flag{StorePath: fs.Lookup("dbpath"), StoreBackend: fs.Lookup("db")}
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "stancegraph.yaml")
	os.WriteFile(file, []byte("store:\n  path: from-file.db\n  backend: leveldb\nquery:\n  timeout: 5s\n"), 0o644)

	c, err := Load(file, flags(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.String(StorePath) != "from-file.db" || !strings.HasPrefix(c.Source(StorePath), "file ") {
		t.Errorf("file: %s from %s", c.String(StorePath), c.Source(StorePath))
	}
	if c.Duration(QueryTimeout).Seconds() != 5 || c.Source(QueryLimit) != "default" {
		t.Errorf("timeout %v, limit source %s", c.Duration(QueryTimeout), c.Source(QueryLimit))
	}

	t.Setenv("STANCEGRAPH_STORE_PATH", "from-env.db")
	c, err = Load(file, flags(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.String(StorePath) != "from-env.db" || c.Source(StorePath) != "env STANCEGRAPH_STORE_PATH" {
		t.Errorf("env: %s from %s", c.String(StorePath), c.Source(StorePath))
	}

	c, err = Load(file, flags(t, "--dbpath", "from-flag.db"))
	if err != nil {
		t.Fatal(err)
	}
	if c.String(StorePath) != "from-flag.db" || c.Source(StorePath) != "flag --dbpath" {
		t.Errorf("flag: %s from %s", c.String(StorePath), c.Source(StorePath))
	}
	if c.String(StoreBackend) != "leveldb" {
		t.Errorf("unset flag overrode the file: %s", c.String(StoreBackend))
	}
}

func TestBadConfig(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ body, want string }{
		{"query:\n  timeout: soon\n", "query.timeout is soon, want a duration"},
		{"extract:\n  min_confidence: 2\n", "want a number from 0 to 1"},
		{"query:\n  limit: many\n", "want a whole number"},
		{"query:\n  max_memory: plenty\n", "query.max_memory is plenty, want a size"},
		{"store: [unclosed\n", "config file"},
		{"store:\n  paht: x\n", `unknown setting "store.paht"`},
	} {
		file := filepath.Join(dir, "c.yaml")
		os.WriteFile(file, []byte(tc.body), 0o644)
		_, err := Load(file, flags(t))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err %v, want %q", tc.body, err, tc.want)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml"), flags(t)); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing explicit file: %v", err)
	}
}

// TestFindConfig: ./stancegraph.yaml is read when no file is named, and a
// file called just "stancegraph" (the binary built here) is not.
func TestFindConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("HOME", dir)
	os.WriteFile("stancegraph", []byte("\x7fELF\x02\x01\x01\x00binary"), 0o755)
	c, err := Load("", nil)
	if err != nil {
		t.Fatalf("the binary was taken for the config: %v", err)
	}
	if c.String(StorePath) != "stancegraph.db" {
		t.Errorf("store path %q without a config file", c.String(StorePath))
	}
	os.WriteFile("stancegraph.yaml", []byte("store:\n  path: here.db\n"), 0o644)
	if c, err = Load("", nil); err != nil || c.String(StorePath) != "here.db" {
		t.Errorf("./stancegraph.yaml not read: %v %v", c, err)
	}
	os.WriteFile("stancegraph.yaml", []byte("store: [\n"), 0o644)
	if _, err = Load("", nil); err == nil || !strings.Contains(err.Error(), "stancegraph.yaml") {
		t.Errorf("a broken ./stancegraph.yaml: %v", err)
	}
}

func TestParseBytes(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		bad  bool
	}{
		{in: "512MiB", want: 512 << 20},
		{in: "2GB", want: 2e9},
		{in: "1.5 GiB", want: 3 << 29},
		{in: "65536", want: 65536},
		{in: "64kb", want: 64000},
		{in: "off", want: -1},
		{in: "0", want: -1},
		{in: "-5MB", bad: true},
		{in: "lots", bad: true},
		{in: "", bad: true},
	}
	for _, c := range cases {
		got, err := ParseBytes(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("ParseBytes(%q) = %d, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}
