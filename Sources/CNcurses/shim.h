#ifndef GLOSS_CNCURSES_SHIM_H
#define GLOSS_CNCURSES_SHIM_H

// Wide-character ncurses for Gloss. Only GlossTerminal imports this module.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
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

#endif
