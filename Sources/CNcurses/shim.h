#ifndef GLOSS_CNCURSES_SHIM_H
#define GLOSS_CNCURSES_SHIM_H

// Wide-character ncurses for Gloss. Only GlossTerminal imports this module.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Swift 6 cannot touch mutable C globals safely; read them through these accessors,
// always from the one thread that owns the terminal.
static inline WINDOW *gloss_stdscr(void) { return stdscr; }
static inline int gloss_lines(void) { return LINES; }
static inline int gloss_cols(void) { return COLS; }
static inline int gloss_key_resize(void) { return KEY_RESIZE; }
static inline int gloss_colors(void) { return COLORS; }
static inline int gloss_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *gloss_stdin(void) { return stdin; }
static inline FILE *gloss_stdout(void) { return stdout; }

// The size of the terminal on `fd` (ioctl is variadic, which Swift cannot call).
// Returns 0 and sets columns and rows, or -1 when `fd` is not a terminal.
static inline int gloss_window_size(int fd, int *columns, int *rows) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0 || size.ws_row == 0) return -1;
    *columns = size.ws_col;
    *rows = size.ws_row;
    return 0;
}

// Function-like macros Swift does not import.
static inline int gloss_key_f0(void) { return KEY_F0; }
static inline mmask_t gloss_wheel_up_mask(void) { return BUTTON4_PRESSED; }
static inline mmask_t gloss_wheel_down_mask(void) { return BUTTON5_PRESSED; }
static inline attr_t gloss_attributes(int bold, int dim, int italic, int underline, int reverse) {
    attr_t attributes = A_NORMAL;
    if (bold) attributes |= A_BOLD;
    if (dim) attributes |= A_DIM;
    if (italic) attributes |= A_ITALIC;
    if (underline) attributes |= A_UNDERLINE;
    if (reverse) attributes |= A_REVERSE;
    return attributes;
}

// Signals. The handler only records the signal number; the event loop polls it, stops
// the terminal and exits. Two signals can come together (a dropped SSH session sends
// SIGHUP from the kernel and again from the shell), so only a third one arriving before
// the loop took the first (the loop is stuck) gets the default action: the process can
// always be killed.
// The flags are `static`: every Swift file that calls these functions gets its own copy,
// so call them from one Swift file only (GlossTerminal's SignalTrap.swift).
static volatile sig_atomic_t gloss_pending_signal = 0;
static volatile sig_atomic_t gloss_signals_untaken = 0;

static inline void gloss_on_signal(int signal_number) {
    gloss_signals_untaken += 1;
    if (gloss_signals_untaken >= 3) {
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        return;
    }
    if (gloss_pending_signal == 0) gloss_pending_signal = signal_number;
}

// Installs the handler for `signal_number`, saving the old action in `previous`. Returns 1
// when installed, 0 when the signal was ignored (nohup) and is left ignored, -1 on error.
// No SA_RESTART: a blocking read is interrupted, so the loop sees the signal at once.
static inline int gloss_trap_signal(int signal_number, struct sigaction *previous) {
    if (sigaction(signal_number, NULL, previous) != 0) return -1;
    if (previous->sa_handler == SIG_IGN) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gloss_on_signal;
    sigemptyset(&action.sa_mask);  // no nesting: the handler's updates stay whole
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGHUP);
    return sigaction(signal_number, &action, NULL) == 0 ? 1 : -1;
}

static inline int gloss_restore_signal(int signal_number, const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

// Unblocks SIGINT, SIGTERM and SIGHUP on the calling thread (a mask inherited from the
// parent, or a worker thread's, would keep the handler from ever running), saving the old
// mask in `previous` for gloss_restore_signal_mask.
static inline int gloss_unblock_signals(sigset_t *previous) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    return pthread_sigmask(SIG_UNBLOCK, &set, previous);
}

// ncurses turns SIGWINCH into KEY_RESIZE only when the signal is not ignored; a parent
// that ignored it (some test runners and job launchers do) would leave resizes unseen.
static inline void gloss_default_sigwinch(void) {
    struct sigaction current;
    if (sigaction(SIGWINCH, NULL, &current) == 0 && current.sa_handler == SIG_IGN) {
        signal(SIGWINCH, SIG_DFL);
    }
}

static inline int gloss_restore_signal_mask(const sigset_t *previous) {
    return pthread_sigmask(SIG_SETMASK, previous, NULL);
}

// The signal that arrived since the last call, or 0; clears it.
static inline int gloss_take_pending_signal(void) {
    int signal_number = gloss_pending_signal;
    gloss_pending_signal = 0;
    gloss_signals_untaken = 0;
    return signal_number;
}

#endif
