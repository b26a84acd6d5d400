#include "gloss_signal_trap.h"

#include <pthread.h>
#include <string.h>

// Signals. The handler only records the signal number; the event loop polls it, stops
// the terminal and exits. Two signals can come together (a dropped SSH session sends
// SIGHUP from the kernel and again from the shell), so only a third one arriving before
// the loop took the first (the loop is stuck) gets the default action: the process can
// always be killed.
static volatile sig_atomic_t gloss_pending_signal = 0;
static volatile sig_atomic_t gloss_signals_untaken = 0;

static void gloss_on_signal(int signal_number) {
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
int gloss_trap_signal(int signal_number, struct sigaction *previous) {
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

int gloss_restore_signal(int signal_number, const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

// Unblocks SIGINT, SIGTERM and SIGHUP on the calling thread (a mask inherited from the
// parent, or a worker thread's, would keep the handler from ever running), saving the old
// mask in `previous` for gloss_restore_signal_mask.
int gloss_unblock_signals(sigset_t *previous) {
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
void gloss_default_sigwinch(void) {
    struct sigaction current;
    if (sigaction(SIGWINCH, NULL, &current) == 0 && current.sa_handler == SIG_IGN) {
        signal(SIGWINCH, SIG_DFL);
    }
}

int gloss_restore_signal_mask(const sigset_t *previous) {
    return pthread_sigmask(SIG_SETMASK, previous, NULL);
}

// The signal that arrived since the last call, or 0; clears it.
int gloss_take_pending_signal(void) {
    // One atomic read-and-clear, so a signal landing between a read and a clear is not lost.
    int signal_number = __atomic_exchange_n(&gloss_pending_signal, 0, __ATOMIC_SEQ_CST);
    if (signal_number != 0) gloss_signals_untaken = 0;
    return signal_number;
}

