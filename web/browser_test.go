package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts a headless Chromium on a console over the sample corpus.
// .ci/run and `make test` install Debian's chromium for it.
func browser(t *testing.T) (context.Context, string) {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed (apt-get install chromium); .ci/run installs it")
	}
	srv := sampleServer(t, Options{Timeout: 10 * time.Second})
	profile, err := os.MkdirTemp("", "stancegraph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(profile) })
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1400, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	// This cdproto predates some events of Debian's Chromium; drop its
	// complaints about them.
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...interface{}) {}))
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	return ctx, srv.URL
}

// TestBrowserConsole drives Cayley's Gizmo editor in a real headless
// Chromium: it types a query in the editor, runs it, and reads the actors
// on the page.
func TestBrowserConsole(t *testing.T) {
	ctx, url := browser(t)
	query := `g.V("<sg:actor/russia>").Out("<sg:DEMAND>").In("<sg:OPPOSE>").Out("<rdfs:label>").All()`
	var typed, output string
	err := chromedp.Run(ctx,
		chromedp.Navigate(url+"/ui/query"),
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

// screenshot saves the page as a PNG in $STANCEGRAPH_SCREENSHOTS (the
// README's pictures in docs/ are taken so), if it is set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("STANCEGRAPH_SCREENSHOTS")
	if dir == "" {
		return
	}
	var png []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserStartPage opens the start page, reads the store's figures,
// asks a library question from its form, opens the evidence of a row, and
// searches a position.
func TestBrowserStartPage(t *testing.T) {
	ctx, url := browser(t)
	var figures, answer, evidence, found string
	err := chromedp.Run(ctx,
		chromedp.Navigate(url+"/"),
		chromedp.Poll(`document.querySelectorAll("#figures b").length >= 5`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#figures", &figures, chromedp.ByQuery),
		chromedp.Poll(`document.querySelectorAll("#question option").length > 3`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.SetValue("#question", "opponents", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("question").dispatchEvent(new Event("change"))`, nil),
		chromedp.SendKeys(`#params input`, "Russia", chromedp.ByQuery),
		chromedp.Click(`#ask-form button`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelectorAll("#answer tbody tr").length > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#answer", &answer, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(figures, "documents") || !strings.Contains(figures, "statements") {
		t.Errorf("the start page's figures read %q", figures)
	}
	if !strings.Contains(answer, "United States") {
		t.Errorf("opponents Russia from the form does not name the United States:\n%s", answer)
	}
	screenshot(t, ctx, "console-start.png")
	err = chromedp.Run(ctx,
		chromedp.Click(`#answer tbody tr a.act`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector("#answer p") && document.querySelector("#answer p").textContent.startsWith("evidence")`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#answer", &evidence, chromedp.ByQuery),
		chromedp.SendKeys("#search", "NATO expansion", chromedp.ByQuery),
		chromedp.Click(`#search-form button`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelectorAll("#search-results tbody tr").length > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#search-results", &found, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(evidence, "sentence") || !strings.Contains(evidence, "document") {
		t.Errorf("a row's evidence shows no sentences and documents:\n%s", evidence)
	}
	if !strings.Contains(strings.ToLower(found), "expansion") || !strings.Contains(found, "position") {
		t.Errorf("searching NATO expansion finds no position:\n%s", found)
	}
}

// TestBrowserNetwork opens the stance network: opposing edges are drawn
// red, supporting ones green, and a click on an edge shows its sentences.
func TestBrowserNetwork(t *testing.T) {
	ctx, url := browser(t)
	var red, green, details string
	var nodes int
	err := chromedp.Run(ctx,
		chromedp.Navigate(url+"/network?actor=Russia"),
		chromedp.Poll(`window.cy && cy.edges().length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Evaluate(`cy.nodes().length`, &nodes),
		chromedp.Evaluate(`cy.edges("[sign < 0]").length ? cy.edges("[sign < 0]")[0].style("line-color") : ""`, &red),
		chromedp.Evaluate(`cy.edges("[sign > 0]").length ? cy.edges("[sign > 0]")[0].style("line-color") : ""`, &green),
		chromedp.Sleep(500*time.Millisecond),
	)
	if err != nil {
		t.Fatal(err)
	}
	if red != "rgb(197,48,48)" {
		t.Errorf("an opposing edge is drawn %q, want red rgb(197,48,48)", red)
	}
	if green != "rgb(47,133,90)" {
		t.Errorf("a supporting edge is drawn %q, want green rgb(47,133,90)", green)
	}
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`cy.edges("[sign < 0]")[0].emit("tap"), true`, nil),
		chromedp.Poll(`document.querySelectorAll("#details .quote").length > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#details", &details, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "console-network.png")
	if !strings.Contains(details, "OPPOSE") && !strings.Contains(details, "DENY") {
		t.Errorf("the evidence of an opposing edge does not name its class:\n%s", details)
	}
	if len(details) < 80 {
		t.Errorf("the evidence shows no sentence:\n%s", details)
	}
}
