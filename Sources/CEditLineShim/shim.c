#include "CEditLineShim.h"

#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

EditLine *swel_init(const char *program) { return el_init(program, stdin, stdout, stderr); }

int swel_set_prompt_esc(EditLine *el, char *(*prompt)(EditLine *), char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

int swel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int swel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

int swel_addfn(EditLine *el, const char *name, const char *help, unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int swel_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

int swel_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *swel_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int swel_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int swel_terminal_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0) return 80;
    return columns;
}

int swel_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

int swel_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

int swel_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

int swel_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

int swel_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

int swel_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}

// libedit's H_LAST is the oldest entry and H_PREV walks towards newer ones.
const char *swel_history_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) == -1) return NULL;
    return ev.str;
}

const char *swel_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) == -1) return NULL;
    return ev.str;
}

void swel_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

// Without SA_RESTART the read in el_gets fails with EINTR — but only on the thread the signal lands on. The kernel
// hands a Ctrl-C to any thread that does not block SIGINT (the embedded sandbox's event loops, the runtime's pool),
// so a signal that lands elsewhere is passed on to the reading thread; else the read goes on, the typed text stays
// and Ctrl-C seems to do nothing.
static volatile sig_atomic_t sigint_count = 0;
static atomic_int reader_waiting = 0;
static atomic_int forwarding = 0;
static pthread_t reader_thread;

static void count_sigint(int signo) {
    (void)signo;
    sigint_count++;
    atomic_fetch_add(&forwarding, 1);
    if (atomic_load(&reader_waiting) && !pthread_equal(pthread_self(), reader_thread)) pthread_kill(reader_thread, SIGINT);
    atomic_fetch_sub(&forwarding, 1);
}

long swel_sigint_count(void) { return (long)sigint_count; }

static struct sigaction saved_action;
static sigset_t saved_mask;
static int saved = 0;

int swel_install_sigint_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, &saved_action) != 0) return -1;
    // A process started with SIGINT blocked (test runners do this) would never see Ctrl-C.
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    if (pthread_sigmask(SIG_UNBLOCK, &unblock, &saved_mask) != 0) return -1;
    reader_thread = pthread_self();
    atomic_store(&reader_waiting, 1);
    saved = 1;
    return 0;
}

int swel_restore_sigint(void) {
    if (!saved) return 0;
    saved = 0;
    // No more passing on; wait out a handler that is passing one on now, then take a passed-on signal still pending
    // for this thread, so it never meets the disposition put back below (which may be the default: ending the
    // process).
    atomic_store(&reader_waiting, 0);
    while (atomic_load(&forwarding) > 0) sched_yield();
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_BLOCK, &interrupt, NULL);
    struct timespec now = {0, 0};
    while (sigtimedwait(&interrupt, NULL, &now) == SIGINT) {}
    int result = sigaction(SIGINT, &saved_action, NULL);
    if (pthread_sigmask(SIG_SETMASK, &saved_mask, NULL) != 0) result = -1;
    return result;
}

static struct sigaction watch_saved_action;
static sigset_t watch_saved_mask;
static int watching = 0;

int swel_watch_sigint(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, &watch_saved_action) != 0) return -1;
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGINT);
    if (pthread_sigmask(SIG_UNBLOCK, &unblock, &watch_saved_mask) != 0) return -1;
    watching = 1;
    return 0;
}

int swel_unwatch_sigint(void) {
    if (!watching) return 0;
    watching = 0;
    int result = sigaction(SIGINT, &watch_saved_action, NULL);
    if (pthread_sigmask(SIG_SETMASK, &watch_saved_mask, NULL) != 0) result = -1;
    return result;
}

static int codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

int swel_ensure_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    if (codeset_is_utf8()) return 1;
    // libedit decodes input with mbrtowc: under a non-UTF-8 locale it silently drops non-ASCII bytes.
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    return codeset_is_utf8();
}
