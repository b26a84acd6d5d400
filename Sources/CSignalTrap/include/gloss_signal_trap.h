#ifndef GLOSS_SIGNAL_TRAP_H
#define GLOSS_SIGNAL_TRAP_H

#include <signal.h>

// Signals for the labeling screen. The handler only records the signal number; the event
// loop polls it, stops the terminal and exits. Two signals can come together (a dropped SSH
// session sends SIGHUP from the kernel and again from the shell), so only a third one
// arriving before the loop took the first (the loop is stuck) gets the default action: the
// process can always be killed. The flags live in signal_trap.c, once per process: as
// `static`s in a header every Swift file (and every inlined copy) would get its own.

// Installs the handler for `signal_number`, saving the old action in `previous`. Returns 1
// when installed, 0 when the signal was ignored (nohup) and is left ignored, -1 on error.
int gloss_trap_signal(int signal_number, struct sigaction *previous);

// Puts back an action saved by gloss_trap_signal.
int gloss_restore_signal(int signal_number, const struct sigaction *previous);

// Unblocks SIGINT, SIGTERM, SIGHUP and SIGWINCH on the calling thread, saving the previous
// mask in `previous` for gloss_restore_signal_mask.
int gloss_unblock_signals(sigset_t *previous);
int gloss_restore_signal_mask(const sigset_t *previous);

// ncurses turns SIGWINCH into KEY_RESIZE only when the signal is not ignored; a parent
// that ignored it (some test runners and job launchers do) would leave resizes unseen.
void gloss_default_sigwinch(void);

// The signal that arrived since the last call, or 0; clears it.
int gloss_take_pending_signal(void);

// The terminal as it was before the screen took it: the modes of `input_fd`, read when
// called (before ncurses changes them), and the bytes that undo the screen's setup on
// `output_fd` (leave the alternate screen, show the cursor...), known once the terminal type
// is. A third signal, which ends the process at once, puts both back first, so even then the
// shell gets a usable terminal.
void gloss_remember_terminal_modes(int input_fd);
void gloss_remember_terminal_reset(int output_fd, const char *reset);
// Once the screen has restored the terminal itself (endwin), there is nothing to undo.
void gloss_forget_terminal(void);

#endif
