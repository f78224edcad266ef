// Starts a program on a new pseudo-terminal (for end-to-end tests of terminal programs).
// In C because Swift's Glibc import hides posix_openpt, grantpt, ptsname and POSIX_SPAWN_SETSID.
#ifndef CPSEUDOTERMINAL_H
#define CPSEUDOTERMINAL_H

#include <sys/types.h>

/// Opens a pty of the given size and spawns `path` on it as a session leader whose controlling
/// terminal is the pty, with an empty signal mask and default signal dispositions.
/// On success returns 0 and sets *master_fd (non-blocking, close-on-exec) and *pid; otherwise an errno.
int cpty_spawn(const char *path, char *const argv[], char *const envp[],
               unsigned short columns, unsigned short rows, int *master_fd, pid_t *pid);

/// Sets the pty's window size; the kernel sends SIGWINCH to its foreground process group.
int cpty_resize(int master_fd, unsigned short columns, unsigned short rows);

#endif
