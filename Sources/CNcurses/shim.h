#ifndef GLOSS_CNCURSES_SHIM_H
#define GLOSS_CNCURSES_SHIM_H

// Wide-character ncurses for Gloss. Only GlossTerminal imports this module.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

// Swift 6 cannot touch mutable C globals safely; read them through these accessors,
// always from the one thread that owns the terminal.
static inline WINDOW *gloss_stdscr(void) { return stdscr; }
static inline int gloss_lines(void) { return LINES; }
static inline int gloss_cols(void) { return COLS; }
static inline int gloss_key_resize(void) { return KEY_RESIZE; }

#endif
