package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserConsole drives the console in a real headless Chromium: it
// types a query in the editor, runs it, and reads the actors on the page.
// .ci/run and `make test` install Debian's chromium for it.
func TestBrowserConsole(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed (apt-get install chromium); .ci/run installs it")
	}
	srv := sampleServer(t, Options{Timeout: 10 * time.Second})
	profile, err := os.MkdirTemp("", "stancegraph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	// This cdproto predates some events of Debian's Chromium; drop its
	// complaints about them.
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...interface{}) {}))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	query := `g.V("<sg:actor/russia>").Out("<sg:DEMAND>").In("<sg:OPPOSE>").Out("<rdfs:label>").All()`
	var typed, output string
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible("#run_button", chromedp.ByID),
		// Let the page's start-up scripts settle: they reset the editor.
		chromedp.Poll(`document.readyState === "complete" && typeof editor !== "undefined" && editor !== null`, nil),
		chromedp.Sleep(time.Second),
		chromedp.Evaluate(`editor.setValue(""); editor.focus();`, nil),
		chromedp.Click(".CodeMirror-lines", chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.SendKeys(".CodeMirror textarea", query, chromedp.ByQuery),
		// CodeMirror reads its input asynchronously: wait until it has all.
		chromedp.Poll(`editor.getValue().length >= `+fmt.Sprint(len(query)), nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`editor.getValue()`, &typed),
	)
	if err != nil {
		t.Fatal(err)
	}
	if typed != query {
		t.Fatalf("the editor holds %q after typing %q", typed, query)
	}
	if err := chromedp.Run(ctx, chromedp.Click("#run_button", chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`output_editor.getValue()`, &output)); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(output, `"result"`) || strings.Contains(output, "error") {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(output, "United States") {
		t.Errorf("the page does not name the United States among who opposes what Russia demands:\n%s", output)
	}
}
