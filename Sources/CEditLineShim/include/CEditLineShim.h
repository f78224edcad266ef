// Fixed-arity wrappers of libedit's variadic calls (Swift cannot import variadic C functions),
// the SIGINT handler that lets el_gets return on Ctrl-C, and the UTF-8 locale check.
#ifndef CEDITLINESHIM_H
#define CEDITLINESHIM_H

#if __has_include(<histedit.h>)
#include <histedit.h>
#else
#error "libedit headers not found: install them with 'apt-get install libedit-dev' (Debian/Ubuntu)"
#endif

/// el_init on the process's stdin/stdout/stderr (kept in C: Swift 6 rejects the stdio globals).
EditLine *swel_init(const char *program);

int swel_set_prompt_esc(EditLine *el, char *(*prompt)(EditLine *), char escape);
int swel_set_editor(EditLine *el, const char *mode);
int swel_set_signal(EditLine *el, int on);
int swel_addfn(EditLine *el, const char *name, const char *help, unsigned char (*fn)(EditLine *, int));
/// EL_BIND key command NULL.
int swel_bind(EditLine *el, const char *key, const char *command);
int swel_set_clientdata(EditLine *el, void *data);
void *swel_get_clientdata(EditLine *el);
int swel_set_hist(EditLine *el, History *history);
/// Terminal width from termcap "co"; 80 when unknown.
int swel_terminal_columns(EditLine *el);

int swel_history_setsize(History *h, int size);
int swel_history_setunique(History *h, int unique);
int swel_history_enter(History *h, const char *line);
int swel_history_load(History *h, const char *path);
int swel_history_save(History *h, const char *path);
int swel_history_clear(History *h);
/// Oldest entry first: `swel_history_oldest` then `swel_history_newer` until they return NULL.
const char *swel_history_oldest(History *h);
const char *swel_history_newer(History *h);

/// Writes text to stdout and flushes it (completion listings, "^C").
void swel_write_stdout(const char *text);

/// Installs a SIGINT handler without SA_RESTART (so el_gets returns EINTR), unblocks SIGINT in the
/// calling thread and keeps the previous disposition for swel_restore_sigint. Returns 0 or -1.
int swel_install_sigint_handler(void);
/// How many SIGINTs the handler has seen (tells Ctrl-C from other signals that interrupt a read).
long swel_sigint_count(void);
/// Puts back the SIGINT disposition and mask saved by swel_install_sigint_handler.
int swel_restore_sigint(void);
/// Like swel_install_sigint_handler, with a save slot of its own, so a command can watch for Ctrl-C while a
/// confirmation inside it calls readLine (which installs and restores its own). Returns 0 or -1.
int swel_watch_sigint(void);
/// Puts back what swel_watch_sigint saved.
int swel_unwatch_sigint(void);

/// setlocale(LC_CTYPE, ""), falling back to C.UTF-8 when the codeset is not UTF-8.
/// Returns 1 when a UTF-8 codeset is in effect afterwards.
int swel_ensure_utf8_locale(void);

#endif
