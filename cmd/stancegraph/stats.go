package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/internal/config"
)

func newStats(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count documents, sentences, actors, positions, statements and quads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			st, err := openStore(cfg, true)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(context.Background())
			if err != nil {
				return err
			}
			if asJSON {
				return json.NewEncoder(cmd.OutOrStdout()).Encode(s)
			}
			tally := "kept: library queries read it"
			switch {
			case st.Tally() == nil && st.CanTally():
				tally = "none yet, or of an older format: library queries run as Gizmo until the store is opened for writing (stancegraph load /dev/null)"
			case st.Tally() == nil:
				tally = "none (" + cfg.String(config.StoreBackend) + " keeps none): library queries run as Gizmo"
			}
			printRows(cmd.OutOrStdout(), [][2]string{
				{"store", cfg.String(config.StoreBackend) + " " + cfg.String(config.StorePath)},
				{"documents", fmt.Sprint(s.Documents)},
				{"sentences", fmt.Sprint(s.Sentences)},
				{"actors", fmt.Sprint(s.Actors)},
				{"people", fmt.Sprint(s.People)},
				{"positions", fmt.Sprint(s.Positions)},
				{"statements", fmt.Sprint(s.Statements)},
				{"quads", fmt.Sprint(s.Quads)},
				{"tally", tally},
			})
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
