// Static inline wrappers for libedit's variadic calls and C globals, which Swift
// cannot call directly. Only PlaybookShell's LineEditor uses this module.
#include <stdio.h>
#include <histedit.h>

static inline FILE *ce_stdin(void) { return stdin; }
static inline FILE *ce_stdout(void) { return stdout; }
static inline FILE *ce_stderr(void) { return stderr; }
