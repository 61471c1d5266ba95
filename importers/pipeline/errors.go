package pipeline

// Exit statuses of `legalmap import` beyond 0 (the run committed, also with no change).
const (
	ExitFailed  = 1 // the database or the system failed: nothing was applied
	ExitRefused = 3 // the file was refused whole, or no row was accepted: nothing was applied
)

// RefusedError: the file was refused as a whole (unreadable, wrong format, no usable columns, a bomb, a
// snapshot that would withdraw too much, --strict with a rejected row) or no row was accepted. The
// database is unchanged; the report says why.
type RefusedError struct{ Reason string }

func (e *RefusedError) Error() string { return "文件被拒绝 / file refused: " + e.Reason }

// ExitCode makes the command exit with ExitRefused.
func (e *RefusedError) ExitCode() int { return ExitRefused }

// FailedError: the run failed for a reason that is not the file's (the database went away). The
// transaction was rolled back.
type FailedError struct{ Err error }

func (e *FailedError) Error() string {
	return "导入失败，未写入 / import failed, nothing applied: " + e.Err.Error()
}
func (e *FailedError) Unwrap() error { return e.Err }

// ExitCode makes the command exit with ExitFailed.
func (e *FailedError) ExitCode() int { return ExitFailed }
