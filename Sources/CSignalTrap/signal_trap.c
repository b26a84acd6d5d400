#include "gloss_signal_trap.h"

#include <pthread.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Signals. The handler only records the signal number; the event loop polls it, stops
// the terminal and exits. Two signals can come together (a dropped SSH session sends
// SIGHUP from the kernel and again from the shell), so only a third one arriving before
// the loop took the first (the loop is stuck) gets the default action: the process can
// always be killed.
static volatile sig_atomic_t gloss_pending_signal = 0;
static volatile sig_atomic_t gloss_signals_untaken = 0;

// What gloss_restore_terminal puts back (gloss_remember_terminal). Written only while the
// signals are blocked or not yet trapped; read from the handler with async-signal-safe calls.
static struct termios gloss_saved_modes;
static char gloss_reset_bytes[256];
static size_t gloss_reset_length = 0;
static int gloss_input_fd = -1, gloss_output_fd = -1;
static volatile sig_atomic_t gloss_terminal_remembered = 0;

void gloss_remember_terminal_modes(int input_fd) {
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    if (tcgetattr(input_fd, &gloss_saved_modes) == 0) {
        gloss_input_fd = input_fd;
        gloss_terminal_remembered = 1;
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
}

void gloss_remember_terminal_reset(int output_fd, const char *reset) {
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    size_t length = reset ? strlen(reset) : 0;
    if (length > sizeof gloss_reset_bytes) length = sizeof gloss_reset_bytes;
    if (length > 0) memcpy(gloss_reset_bytes, reset, length);
    gloss_reset_length = length;
    gloss_output_fd = output_fd;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
}

void gloss_forget_terminal(void) { gloss_terminal_remembered = 0; }

// write(2) and tcsetattr(3) are async-signal-safe; nothing else is called.
static void gloss_restore_terminal(void) {
    if (!gloss_terminal_remembered) return;
    size_t written = 0;
    while (gloss_output_fd >= 0 && written < gloss_reset_length) {
        ssize_t n = write(gloss_output_fd, gloss_reset_bytes + written, gloss_reset_length - written);
        if (n <= 0) break;
        written += (size_t)n;
    }
    tcsetattr(gloss_input_fd, TCSANOW, &gloss_saved_modes);
    gloss_terminal_remembered = 0;
}

static void gloss_on_signal(int signal_number) {
    gloss_signals_untaken += 1;
    if (gloss_signals_untaken >= 3) {
        gloss_restore_terminal();
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

