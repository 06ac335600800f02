#ifndef FUWU_CNCURSESW_SHIM_H
#define FUWU_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/*
 * Wrappers for what Swift cannot import from ncurses: macros, variadic or attribute-building
 * code, and the global windows (which Swift 6 would treat as shared mutable state).
 */

/* ---- Locale ---------------------------------------------------------------------------- */

/** 1 when the current LC_CTYPE codeset is UTF-8. */
static inline int fuwu_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/** The current LC_CTYPE codeset's name (for messages). */
static inline const char *fuwu_codeset(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL ? codeset : "?";
}

/* ---- Screen set-up ---------------------------------------------------------------------- */

/** newterm on stdout/stdin: returns NULL (instead of exiting, as initscr does) when the
 *  terminal type is unknown. */
static inline SCREEN *fuwu_newterm(const char *term) {
    return newterm(term, stdout, stdin);
}

static inline WINDOW *fuwu_stdscr(void) { return stdscr; }
static inline int fuwu_columns(void) { return getmaxx(stdscr); }
static inline int fuwu_lines(void) { return getmaxy(stdscr); }

/** 1 when the terminal can address the cursor (a screen-oriented UI is possible at all). */
static inline int fuwu_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/** A terminfo string capability, or NULL when the terminal has none. */
static inline const char *fuwu_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/** Puts the terminal into the browser's input mode. */
static inline void fuwu_input_mode(void) {
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
}

/* ---- Drawing ---------------------------------------------------------------------------- */

enum {
    FUWU_ATTR_BOLD = 1,
    FUWU_ATTR_REVERSE = 2,
    FUWU_ATTR_UNDERLINE = 4,
    FUWU_ATTR_DIM = 8,
};

/** ncurses attributes from fuwu's attribute bits. */
static inline attr_t fuwu_attributes(unsigned int bits) {
    attr_t attributes = A_NORMAL;
    if (bits & FUWU_ATTR_BOLD) attributes |= A_BOLD;
    if (bits & FUWU_ATTR_REVERSE) attributes |= A_REVERSE;
    if (bits & FUWU_ATTR_UNDERLINE) attributes |= A_UNDERLINE;
    if (bits & FUWU_ATTR_DIM) attributes |= A_DIM;
    return attributes;
}

/** Draws one cell: a spacing character and up to three combining ones (0 ends the list). */
static inline int fuwu_put_cell(int row, int column, unsigned int c0, unsigned int c1,
                                unsigned int c2, unsigned int c3, unsigned int attribute_bits,
                                short pair) {
    wchar_t text[5] = {(wchar_t)c0, (wchar_t)c1, (wchar_t)c2, (wchar_t)c3, 0};
    cchar_t cell;
    if (setcchar(&cell, text, fuwu_attributes(attribute_bits), pair, NULL) == ERR) return ERR;
    return mvadd_wch(row, column, &cell);
}

/** Columns the C library (and so ncurses) gives a character; -1 when it is unprintable. */
static inline int fuwu_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/** Shows the hardware cursor at (row, column), or hides it when row is negative. */
static inline void fuwu_place_cursor(int row, int column) {
    if (row < 0) {
        leaveok(stdscr, TRUE);
        curs_set(0);
    } else {
        leaveok(stdscr, FALSE);
        move(row, column);
        curs_set(1);
    }
}

/** Starts colour with the terminal's own background; 0 when the terminal has no colour. */
static inline int fuwu_start_colour(void) {
    if (!has_colors()) return 0;
    if (start_color() == ERR) return 0;
    use_default_colors();
    return 1;
}

/** How many colours the terminal has (COLORS; 0 before colour is started). */
static inline int fuwu_colour_count(void) { return COLORS; }

/** Defines a colour pair with a foreground on the terminal's default background. */
static inline void fuwu_define_pair(short pair, short foreground) {
    if (init_pair(pair, foreground, -1) == ERR) init_pair(pair, foreground, COLOR_BLACK);
}

/* ---- Input ------------------------------------------------------------------------------ */

/** Reads one input as ncurses gives it (within the window's timeout): returns OK (a character),
 *  KEY_CODE_YES (a key code) or ERR; `*code` gets the value and `*error` errno on ERR. */
static inline int fuwu_read_once(unsigned int *code, int *error) {
    wint_t value = 0;
    errno = 0;
    int result = wget_wch(stdscr, &value);
    *code = (unsigned int)value;
    *error = errno;
    return result;
}

/** Like fuwu_read_once, but waits at most `milliseconds` (0: only what is already buffered);
 *  returns ERR when nothing came in time. */
static inline int fuwu_read_within(unsigned int *code, int *error, int milliseconds) {
    wtimeout(stdscr, milliseconds);
    int result = fuwu_read_once(code, error);
    wtimeout(stdscr, -1);
    return result;
}

/** 1 when the terminal behind standard input is gone (hung up, closed, or no longer a terminal):
 *  a failed read then means the end of input rather than a read to retry. */
static inline int fuwu_input_gone(void) {
    if (!isatty(0)) return 1;
    struct pollfd descriptor = {.fd = 0, .events = POLLIN, .revents = 0};
    int ready;
    do { ready = poll(&descriptor, 1, 0); } while (ready < 0 && errno == EINTR);
    if (ready < 0) return 1;
    return (descriptor.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* ---- Blocking read that never misses a resize ------------------------------------------- */

/* ncurses notices SIGWINCH only when its read(2) is interrupted. A signal that lands after its
 * check and before the read blocks is seen only at the next key, so the screen stays drawn for
 * the old size (reproduced under load by SmokeTests' resize test, about 1 run in 10). A blocking
 * read therefore wakes every FUWU_RESIZE_CHECK_MILLISECONDS and compares the terminal's size with
 * what ncurses last saw. */
enum { FUWU_RESIZE_CHECK_MILLISECONDS = 250 };

/** When the terminal's size differs from ncurses' own, resizes ncurses, which queues KEY_RESIZE
 *  for the next read. */
static inline void fuwu_catch_unseen_resize(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 && ioctl(STDIN_FILENO, TIOCGWINSZ, &size) != 0) return;
    if (size.ws_row == 0 || size.ws_col == 0) return;
    if (size.ws_row != LINES || size.ws_col != COLS) resizeterm(size.ws_row, size.ws_col);
}

/** Reads one input, blocking until one comes: a character (OK), a key code (KEY_CODE_YES, with
 *  KEY_RESIZE for a resize) or ERR for a failed read, `*error` holding errno. */
static inline int fuwu_read(unsigned int *code, int *error) {
    for (;;) {
        int result = fuwu_read_within(code, error, FUWU_RESIZE_CHECK_MILLISECONDS);
        if (result != ERR || *error != 0 || fuwu_input_gone()) return result;
        fuwu_catch_unseen_resize();
    }
}

enum {
    FUWU_MOUSE_PRIMARY = 1,
    FUWU_MOUSE_WHEEL_UP = 2,
    FUWU_MOUSE_WHEEL_DOWN = 4,
};

/** Turns mouse reporting on (click and wheel) or off. */
static inline void fuwu_mouse(int on) {
    if (on) {
        mouseinterval(0);
        mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    } else {
        mousemask(0, NULL);
    }
}

/** Reads the pending mouse event into fuwu's button bits; 0 when there is none. */
static inline int fuwu_read_mouse(int *row, int *column, unsigned int *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    *buttons = 0;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *buttons |= FUWU_MOUSE_PRIMARY;
    if (event.bstate & BUTTON4_PRESSED) *buttons |= FUWU_MOUSE_WHEEL_UP;
    if (event.bstate & BUTTON5_PRESSED) *buttons |= FUWU_MOUSE_WHEEL_DOWN;
    return 1;
}

/* ---- Restoring the terminal on every exit path ------------------------------------------ */
/*
 * The state is a function's static, so each C translation unit (and each Swift file that calls
 * these functions, when files are compiled separately) would get its own copy: only
 * Sources/CursesTerminal/TerminalRestore.swift calls them. The signal handler does only
 * async-signal-safe work: write(2), tcsetattr(3), sigaction(2), raise(3).
 */

#define FUWU_RESET_CAPACITY 512
#define FUWU_HANDLED_SIGNAL_COUNT 10

/* Swift does not emit a header's static variables, so the state lives in a function's static. */
struct fuwu_restore_state {
    char reset_full[FUWU_RESET_CAPACITY];
    size_t reset_full_length;
    char reset_after_endwin[FUWU_RESET_CAPACITY];
    size_t reset_after_endwin_length;
    struct termios saved_termios;
    volatile sig_atomic_t termios_saved;
    volatile sig_atomic_t armed;
    int fd;
    int exit_hook_registered;
    char *alternate_stack;
    struct sigaction previous_actions[FUWU_HANDLED_SIGNAL_COUNT];
    /* While the browser owns the screen, stderr goes to an unlinked file (anything written there
     * would scribble over the frame, and a crash message would vanish with the alternate
     * screen); restoring replays it to the real stderr. -1 when not captured. */
    int stderr_original_fd;
    int stderr_capture_fd;
};

static inline struct fuwu_restore_state *fuwu_state(void) {
    static struct fuwu_restore_state state = {.stderr_original_fd = -1, .stderr_capture_fd = -1};
    return &state;
}

/** The signals whose arrival restores the terminal: the terminating and the fatal ones. */
static inline int fuwu_handled_signal(size_t index) {
    switch (index) {
    case 0: return SIGINT;
    case 1: return SIGTERM;
    case 2: return SIGHUP;
    case 3: return SIGQUIT;
    case 4: return SIGSEGV;
    case 5: return SIGABRT;
    case 6: return SIGBUS;
    case 7: return SIGILL;
    case 8: return SIGFPE;
    default: return SIGTRAP;
    }
}

static inline void fuwu_write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

/** Saves the terminal's modes as the shell left them and the signal actions in force (the
 *  Swift runtime's, say); call before ncurses changes either. */
static inline void fuwu_save_terminal_state(int fd) {
    struct fuwu_restore_state *state = fuwu_state();
    state->fd = fd;
    if (tcgetattr(fd, &state->saved_termios) == 0) state->termios_saved = 1;
    for (size_t i = 0; i < FUWU_HANDLED_SIGNAL_COUNT; i++) {
        sigaction(fuwu_handled_signal(i), NULL, &state->previous_actions[i]);
    }
}

/** Sends stderr to an unlinked temporary file until the restore replays it. */
static inline void fuwu_capture_stderr(void) {
    struct fuwu_restore_state *state = fuwu_state();
    if (state->stderr_capture_fd >= 0) return;
    const char *folder = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/fuwu-stderr-XXXXXX", (folder && *folder) ? folder : "/tmp");
    int capture = mkstemp(path);
    if (capture < 0) return;
    unlink(path);
    int original = dup(2);
    if (original < 0 || dup2(capture, 2) < 0) {
        if (original >= 0) close(original);
        close(capture);
        return;
    }
    state->stderr_original_fd = original;
    state->stderr_capture_fd = capture;
}

/** Puts stderr back and copies what was captured to it (async-signal-safe calls only). */
static inline void fuwu_replay_stderr(void) {
    struct fuwu_restore_state *state = fuwu_state();
    if (state->stderr_capture_fd < 0) return;
    int capture = state->stderr_capture_fd;
    state->stderr_capture_fd = -1;
    dup2(state->stderr_original_fd, 2);
    close(state->stderr_original_fd);
    state->stderr_original_fd = -1;
    if (lseek(capture, 0, SEEK_SET) == 0) {
        char buffer[4096];
        for (;;) {
            ssize_t count = read(capture, buffer, sizeof buffer);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) break;
            fuwu_write_all(2, buffer, (size_t)count);
        }
    }
    close(capture);
}

/** Writes the reset string (full: while ncurses still owns the screen) and the saved modes.
 *  Does nothing unless armed; disarms, so running twice is harmless. */
static inline void fuwu_restore(int full) {
    struct fuwu_restore_state *state = fuwu_state();
    if (!state->armed) return;
    state->armed = 0;
    if (full) {
        fuwu_write_all(state->fd, state->reset_full, state->reset_full_length);
    } else {
        fuwu_write_all(state->fd, state->reset_after_endwin, state->reset_after_endwin_length);
    }
    if (state->termios_saved) tcsetattr(state->fd, TCSADRAIN, &state->saved_termios);
    fuwu_replay_stderr();
}

static inline void fuwu_restore_at_exit(void) { fuwu_restore(1); }

static inline void fuwu_on_signal(int signal_number) {
    int saved_errno = errno;
    fuwu_restore(1);
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    /* Delivered with the default action as soon as the handler returns (the signal is
     * blocked while it runs); a fault re-executes the faulting instruction and ends the same
     * way. Either way the process ends as the signal says (status 128 + n in a shell). */
    raise(signal_number);
    errno = saved_errno;
}

static inline void fuwu_copy_reset(char *target, size_t *target_length, const char *bytes,
                                   size_t length) {
    if (length > FUWU_RESET_CAPACITY) length = FUWU_RESET_CAPACITY;
    memcpy(target, bytes, length);
    *target_length = length;
}

/** Arms the restore: the reset strings to write (full: ncurses still active; after_endwin:
 *  what endwin leaves undone), handlers for the terminating and fatal signals, an alternate
 *  signal stack (so a stack overflow still restores) and an exit hook. */
static inline void fuwu_arm_restore(const char *full, size_t full_length,
                                    const char *after_endwin, size_t after_endwin_length) {
    struct fuwu_restore_state *state = fuwu_state();
    state->armed = 0;
    fuwu_copy_reset(state->reset_full, &state->reset_full_length, full, full_length);
    fuwu_copy_reset(state->reset_after_endwin, &state->reset_after_endwin_length, after_endwin,
                    after_endwin_length);

    if (state->alternate_stack == NULL) {
        size_t size = 64 * 1024;
        state->alternate_stack = malloc(size);
        if (state->alternate_stack != NULL) {
            stack_t stack;
            memset(&stack, 0, sizeof stack);
            stack.ss_sp = state->alternate_stack;
            stack.ss_size = size;
            sigaltstack(&stack, NULL);
        }
    }

    for (size_t i = 0; i < FUWU_HANDLED_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = fuwu_on_signal;
        sigemptyset(&action.sa_mask);
        for (size_t j = 0; j < FUWU_HANDLED_SIGNAL_COUNT; j++) {
            sigaddset(&action.sa_mask, fuwu_handled_signal(j));
        }
        action.sa_flags = SA_ONSTACK;
        sigaction(fuwu_handled_signal(i), &action, NULL);
    }
    /* A parent may have left these blocked (test runners' threads do), and then neither the
     * handler nor the default action would ever run. */
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < FUWU_HANDLED_SIGNAL_COUNT; i++) sigaddset(&handled, fuwu_handled_signal(i));
    sigprocmask(SIG_UNBLOCK, &handled, NULL);
    fuwu_capture_stderr();
    if (!state->exit_hook_registered) {
        state->exit_hook_registered = 1;
        atexit(fuwu_restore_at_exit);
    }
    state->armed = 1;
}

/** Restores after a normal endwin and gives the signals back the actions saved before. */
static inline void fuwu_disarm_restore(void) {
    fuwu_restore(0);
    for (size_t i = 0; i < FUWU_HANDLED_SIGNAL_COUNT; i++) {
        sigaction(fuwu_handled_signal(i), &fuwu_state()->previous_actions[i], NULL);
    }
}

/** Raises a signal (for tests of the restore path). */
static inline int fuwu_raise(int signal_number) { return raise(signal_number); }

#endif
