package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/internal/config"
)

func newConfig(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			file := cfg.File()
			if file == "" {
				file = "(none found)"
			}
			fmt.Fprintf(w, "config file: %s\n\n", file)
			rows := [][]string{{"KEY", "VALUE", "SOURCE"}}
			for _, k := range config.Keys() {
				rows = append(rows, []string{k, fmt.Sprint(cfg.Value(k)), cfg.Source(k)})
			}
			w0, w1 := 0, 0
			for _, r := range rows {
				if len(r[0]) > w0 {
					w0 = len(r[0])
				}
				if len(r[1]) > w1 {
					w1 = len(r[1])
				}
			}
			for _, r := range rows {
				fmt.Fprintf(w, "%-*s  %-*s  %s\n", w0, r[0], w1, r[1], r[2])
			}
			return nil
		},
	}
}
