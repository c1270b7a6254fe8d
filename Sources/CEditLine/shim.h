// Static inline wrappers for libedit's variadic calls and C globals, which Swift
// cannot call directly. Only PlaybookShell's LineEditor uses this module.
#include <stdio.h>
#include <histedit.h>
#include <sys/ioctl.h>

static inline FILE *ce_stdin(void) { return stdin; }
static inline FILE *ce_stdout(void) { return stdout; }
static inline FILE *ce_stderr(void) { return stderr; }

typedef char *(*ce_prompt_fn)(EditLine *);
typedef unsigned char (*ce_command_fn)(EditLine *, int);
typedef int (*ce_getc_fn)(EditLine *, wchar_t *);

static inline int ce_set_clientdata(EditLine *e, void *p) { return el_set(e, EL_CLIENTDATA, p); }
static inline void *ce_get_clientdata(EditLine *e) {
  void *p = NULL;
  el_get(e, EL_CLIENTDATA, &p);
  return p;
}
static inline int ce_set_prompt(EditLine *e, ce_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int ce_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int ce_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int ce_set_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
// Adds the completion command, named "playloop-complete". Through the wide call: the
// narrow el_set(EL_ADDFN) copies the name and help with wcsdup and never frees them
// (a leak LeakSanitizer reports at every exit), while el_wset keeps these pointers,
// which are static.
static inline int ce_add_completion(EditLine *e, ce_command_fn f) {
  return el_wset(e, EL_ADDFN, L"playloop-complete", L"Complete the word before the cursor", f);
}
static inline int ce_set_getc(EditLine *e, ce_getc_fn f) { return el_set(e, EL_GETCFN, f); }
static inline int ce_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }
static inline int ce_bind(EditLine *e, const char *key, const char *function) {
  return el_set(e, EL_BIND, key, function, NULL);
}

static inline int ce_history_set_size(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}
static inline int ce_history_set_unique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int ce_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
static inline int ce_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}
static inline int ce_history_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}

/// The terminal's width in columns, or 0 when `fd` is not a terminal.
static inline int ce_terminal_columns(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

static inline int ce_terminal_rows(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_row;
}
