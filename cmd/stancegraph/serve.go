package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
	"github.com/stancegraph/stancegraph/web"
)

func newServe(g *globals) *cobra.Command {
	var addr string
	var writable bool
	var maxBody int64
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the Gizmo web console and Cayley's HTTP API over the store",
		Long: "serve runs Cayley's web console (query editor, Visualize, Query Shape) and its HTTP API\n" +
			"(/api/v1/query/gizmo, /api/v2/...) over the store, read-only unless --writable,\n" +
			"on loopback unless --addr says otherwise. Read-only, it shares a bolt store with\n" +
			"query, stats and export; --writable holds it alone.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, map[string]string{config.QueryTimeout: "timeout", config.QueryLimit: "limit", config.QueryMemory: "max-memory"})
			if err != nil {
				return err
			}
			st, err := openStore(cfg, !writable)
			if err != nil {
				return err
			}
			defer st.Close()
			limit := cfg.Int(config.QueryLimit)
			if !cmd.Flags().Changed("limit") && cfg.Source(config.QueryLimit) == "default" {
				limit = 1000
			}
			h, err := web.Handler(st, web.Options{Writable: writable, Timeout: cfg.Duration(config.QueryTimeout), MaxMemory: cfg.Bytes(config.QueryMemory), Limit: limit, MaxBody: maxBody, Lexicons: cfg.Strings(config.Lexicons)})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w (is another stancegraph serve running? pick another --addr)", addr, err)
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
			if host, _, err := net.SplitHostPort(addr); err == nil && (host == "" || net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified()) {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: --addr %s listens on every interface: anyone who can reach this machine can query the store%s; use 127.0.0.1:PORT to keep it local\n",
					addr, map[bool]string{true: " and write to it", false: ""}[writable])
			}
			fmt.Fprint(cmd.OutOrStdout(), web.Banner(ln.Addr().String(), writable))
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			go func() {
				<-ctx.Done()
				shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				_ = srv.Shutdown(shut)
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:64210", "host:port to listen on")
	f.BoolVar(&writable, "writable", false, "allow writes through the API")
	f.Duration("timeout", graph.DefaultTimeout, "stop a query after this long")
	f.Int("limit", 1000, "results per query at most")
	f.Int64Var(&maxBody, "max-body", 1<<20, "request body bytes at most")
	f.String("max-memory", "512MiB", "stop a query once it has used this much memory (off: no cap)")
	return cmd
}
