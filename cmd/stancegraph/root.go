package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stancegraph/stancegraph/extract/source"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
)

// globals are the flags every command has.
type globals struct {
	configFile string
	flags      *pflag.FlagSet
}

func newRoot() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "stancegraph",
		Short:         "Read news articles and build a graph of who stands where",
		Long:          "stancegraph reads news articles, extracts who demands, rejects, supports or denies what,\nand keeps the statements in a Cayley graph that answers Gizmo path queries.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.configFile, "config", "", "config file (default: ./stancegraph.yaml, then ~/.config/stancegraph/stancegraph.yaml)")
	pf.String("db", graph.DefaultBackend, "store backend: "+strings.Join(graph.Backends(), ", "))
	pf.String("dbpath", graph.DefaultPath, "store path or address")
	g.flags = pf
	root.AddCommand(newBuild(g), newExtract(g), newLoad(g), newQuery(g), newExport(g), newStats(g), newConfig(g), newServe(g), newConsole(g), newRemove(g), newParse(g))
	return root
}

// load reads the configuration with this command's flags bound to their keys.
func (g *globals) load(cmd *cobra.Command, local map[string]string) (*config.Config, error) {
	flags := map[string]*pflag.Flag{
		config.StoreBackend: g.flags.Lookup("db"),
		config.StorePath:    g.flags.Lookup("dbpath"),
	}
	for key, name := range local {
		flags[key] = cmd.Flags().Lookup(name)
	}
	return config.Load(g.configFile, flags)
}

// openToWrite checks the input paths, then opens (or creates) the store:
// bad input fails before a store is created.
func openToWrite(cfg *config.Config, paths []string) (*graph.Store, error) {
	if err := source.Check(paths); err != nil {
		return nil, err
	}
	return openStore(cfg, false)
}

// openStore opens the configured store; commands that only read open it
// read-only, so that a missing store is an error rather than created.
func openStore(cfg *config.Config, readOnly bool) (*graph.Store, error) {
	sc := cfg.Store()
	sc.ReadOnly = readOnly
	sc.Notify = func(msg string) { fmt.Fprintln(os.Stderr, "stancegraph: "+msg) }
	return graph.Open(sc)
}
