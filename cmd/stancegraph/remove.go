package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/graph"
)

func newRemove(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "remove DOC...",
		Short: "Delete documents, their statements, and what only they supported",
		Long: "remove deletes each document (by its id: the file name for text files), its statements,\n" +
			"and the actors, people and positions no other statement refers to, one transaction each.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			sc := cfg.Store()
			sc.Existing = true
			st, err := graph.Open(sc)
			if err != nil {
				return err
			}
			defer st.Close()
			for _, doc := range args {
				n, err := st.Remove(context.Background(), doc)
				if err != nil {
					return fmt.Errorf("%w (stancegraph query 'g.V().Has(\"<rdf:type>\", \"<sg:Document>\").Out(\"<rdfs:label>\").All()' lists the documents)", err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "removed %s: %d quads\n", doc, n)
			}
			return nil
		},
	}
}
