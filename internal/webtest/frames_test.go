package webtest

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Looking inside frames (the widget in a host page, the builder's preview): each frame's page context is
// recorded by the browser's watcher, so a script can run in it as in the top page.

// EvalInFrame evaluates expr (awaiting a promise) in the page context of the first frame whose URL starts
// with urlPrefix, and decodes the JSON value into out. Frames from another origin are reachable only in
// a browser from NewBrowserInProcess.
func (b *Browser) EvalInFrame(urlPrefix, expr string, out any) {
	b.t.Helper()
	var tree *page.FrameTree
	b.Run(chromedp.ActionFunc(func(ctx context.Context) (err error) {
		tree, err = page.GetFrameTree().Do(ctx)
		return err
	}))
	id, ok := findFrame(tree, urlPrefix)
	if !ok {
		b.t.Fatalf("browser: no frame at %s", urlPrefix)
	}
	b.mu.Lock()
	cid, ok := b.contexts[id]
	b.mu.Unlock()
	if !ok {
		b.t.Fatalf("browser: frame %s has no script context", urlPrefix)
	}
	b.Run(chromedp.ActionFunc(func(ctx context.Context) error {
		res, exc, err := runtime.Evaluate(expr).WithContextID(cid).WithAwaitPromise(true).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return exc
		}
		if out == nil {
			return nil
		}
		return json.Unmarshal(res.Value, out)
	}))
}

func findFrame(tree *page.FrameTree, prefix string) (cdp.FrameID, bool) {
	if tree == nil {
		return "", false
	}
	if strings.HasPrefix(tree.Frame.URL, prefix) {
		return tree.Frame.ID, true
	}
	for _, child := range tree.ChildFrames {
		if id, ok := findFrame(child, prefix); ok {
			return id, true
		}
	}
	return "", false
}

// pollFrame waits until expr is true inside the frame at urlPrefix.
func pollFrame(b *Browser, what, urlPrefix, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var ok bool
		if hasFrame(b, urlPrefix) {
			b.EvalInFrame(urlPrefix, expr, &ok)
			if ok {
				return
			}
		}
		if time.Now().After(deadline) {
			b.Screenshot("failed-frame-wait")
			b.t.Fatalf("waiting for %s in the frame at %s", what, urlPrefix)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func frameURLs(b *Browser) []string {
	b.t.Helper()
	var tree *page.FrameTree
	b.Run(chromedp.ActionFunc(func(ctx context.Context) (err error) {
		tree, err = page.GetFrameTree().Do(ctx)
		return err
	}))
	var out []string
	var walk func(*page.FrameTree)
	walk = func(f *page.FrameTree) {
		out = append(out, f.Frame.URL)
		for _, c := range f.ChildFrames {
			walk(c)
		}
	}
	walk(tree)
	return out
}

func hasFrame(b *Browser, prefix string) bool {
	for _, u := range frameURLs(b) {
		if strings.HasPrefix(u, prefix) {
			return true
		}
	}
	return false
}
