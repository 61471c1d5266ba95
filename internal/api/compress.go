package api

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/labstack/echo/v4"

	"legalmap/internal/fixedgzip"
)

// compress gzips answers of at least minLength bytes for clients that accept gzip. JSON shrinks two or
// three to one. An answer is held back until the handler returns or it passes smallBody bytes:
//   - Held whole (the API's usual answer: ten places are 4.4 KB), it goes out in one piece with its
//     length, compressed by fixedgzip (9 µs for those ten places where klauspost/compress at its fastest
//     level took 23, a quarter of the server's work per answer, for a 1.8 KB answer instead of 1.5 KB:
//     both fit TCP's first window).
//   - Longer (the city-wide map view, pages, scripts, exports) or flushed, it streams through
//     klauspost/compress, whose Huffman tables pay off at that length.
//
// Short answers and errors (written by Echo after the handler returns) go plain.
func compress(minLength int, skip func(echo.Context) bool) echo.MiddlewareFunc {
	writers := sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed) // a valid level: no error
		return w
	}}
	buffers := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if skip(c) {
				return next(c)
			}
			res := c.Response()
			res.Header().Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
			if !strings.Contains(c.Request().Header.Get(echo.HeaderAcceptEncoding), "gzip") {
				return next(c)
			}
			buf := buffers.Get().(*bytes.Buffer)
			buf.Reset()
			plain := res.Writer
			gw := &gzipWriter{ResponseWriter: plain, buf: buf, writers: &writers}
			res.Writer = gw
			defer func() {
				res.Writer = plain
				gw.finish(minLength)
				if buf.Cap() <= 4*smallBody {
					buffers.Put(buf)
				}
			}()
			return next(c)
		}
	}
}

// smallBody is the most an answer is held back before it streams.
const smallBody = 16 << 10

// gzipWriter holds the status and the body back until it knows how the answer is to go.
type gzipWriter struct {
	http.ResponseWriter
	buf       *bytes.Buffer
	writers   *sync.Pool   // of *gzip.Writer
	zw        *gzip.Writer // streaming: the compressor the bytes go through
	code      int          // held back
	wroteBody bool
}

func (w *gzipWriter) WriteHeader(code int) {
	w.Header().Del(echo.HeaderContentLength) // the length changes
	w.code = code
}

func (w *gzipWriter) Write(b []byte) (int, error) {
	if w.Header().Get(echo.HeaderContentType) == "" {
		w.Header().Set(echo.HeaderContentType, http.DetectContentType(b))
	}
	w.wroteBody = true
	if w.zw != nil {
		return w.zw.Write(b)
	}
	w.buf.Write(b)
	if w.buf.Len() > smallBody {
		if err := w.stream(); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

// stream sends the status with Content-Encoding and what is held through the compressor; from here on,
// bytes go through it.
func (w *gzipWriter) stream() error {
	w.zw = w.writers.Get().(*gzip.Writer)
	w.zw.Reset(w.ResponseWriter)
	w.Header().Set(echo.HeaderContentEncoding, "gzip")
	w.sendStatus()
	_, err := w.zw.Write(w.buf.Bytes())
	w.buf.Reset()
	return err
}

func (w *gzipWriter) sendStatus() {
	if w.code != 0 {
		w.ResponseWriter.WriteHeader(w.code)
	}
}

// finish sends what is held when the handler has returned.
func (w *gzipWriter) finish(minLength int) {
	switch {
	case w.zw != nil:
		w.zw.Close()
		w.zw.Reset(io.Discard)
		w.writers.Put(w.zw)
	case !w.wroteBody: // no body (yet): Echo may still write an error, uncompressed
		w.sendStatus()
	case w.buf.Len() < minLength: // as it is
		w.sendStatus()
		w.ResponseWriter.Write(w.buf.Bytes())
	default:
		body := w.buf.Bytes()
		out := fixedgzip.Append(body[len(body):], body) // after the body, in the same buffer
		w.Header().Set(echo.HeaderContentEncoding, "gzip")
		w.Header().Set(echo.HeaderContentLength, strconv.Itoa(len(out)))
		w.sendStatus()
		w.ResponseWriter.Write(out)
	}
}

// Flush sends what is held back, whatever its length: a streamed answer (an export) cannot wait.
func (w *gzipWriter) Flush() {
	if w.zw == nil {
		w.stream()
	}
	w.zw.Flush()
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *gzipWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
