package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// progress shows documents, rate and time left on a terminal; it is silent
// when stderr is not a terminal or with --quiet.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	total int64
	bytes int64
	docs  int
	start time.Time
	last  time.Time
	shown bool
}

func newProgress(w io.Writer, quiet bool, total int64) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, on: !quiet && ok && isTerminal(f), total: total, start: time.Now()}
}

func isTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

func (p *progress) add(n, docs int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bytes += int64(n)
	p.docs = docs
	if time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	el := time.Since(p.start).Seconds()
	rate := float64(p.docs) / el
	line := fmt.Sprintf("%8d docs  %7.1f docs/s  %6.2f MB/s", p.docs, rate, float64(p.bytes)/1e6/el)
	if p.total > 0 && p.bytes > 0 && p.bytes < p.total {
		eta := time.Duration(float64(p.total-p.bytes) / (float64(p.bytes) / el) * float64(time.Second))
		line += fmt.Sprintf("  %3.0f%%  ETA %s", 100*float64(p.bytes)/float64(p.total), eta.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r%-78s", line)
	p.shown = true
}

// clear removes the bar before another message.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprintf(p.w, "\r%78s\r", "")
		p.shown = false
	}
}

func (p *progress) done() { p.clear() }

// step shows what long work is under way, in place of the bar.
func (p *progress) step(msg string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r%-78s", msg)
	p.shown = true
}
