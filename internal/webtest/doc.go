// Package webtest drives the real pages in a real headless Chromium (Debian's chromium, through chromedp)
// against the real server on a real PostGIS database. It holds tests only; this file exists so the package
// has a non-test file to hang its documentation on.
package webtest
