// Tiny C helpers over GNU readline for Swift 6: readline keeps its settings in global variables,
// which Swift 6 will not assign (shared mutable state); these inline functions do it instead.
#ifndef REHEARSE_CREADLINE_SHIM_H
#define REHEARSE_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Sets the application name (for ~/.inputrc conditionals), turns off readline's own signal
/// handlers (the program handles SIGINT, SIGWINCH and SIGHUP itself) and sets the characters
/// that separate words for completion (answers such as `a,c` or `a=5,b=2` complete per id).
static inline void rehearse_rl_configure(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;
    rl_basic_word_break_characters = " \t\n,;=";
    rl_completer_word_break_characters = " \t\n,;=";
}

/// Installs the completion generator readline calls with (text, state) for each candidate.
static inline void rehearse_rl_set_completion(rl_compentry_func_t *generator) {
    rl_completion_entry_function = generator;
}

/// The line typed so far (empty when there is none).
static inline const char *rehearse_rl_line_buffer(void) {
    return rl_line_buffer ? rl_line_buffer : "";
}

/// Where the cursor is in the line.
static inline int rehearse_rl_point(void) { return rl_point; }

/// The number of characters in the line.
static inline int rehearse_rl_end(void) { return rl_end; }

/// Gives up the current line after Ctrl-C: clears it and starts a fresh prompt.
static inline void rehearse_rl_cancel_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}

/// Leaves the line on screen and moves below it before the program prints something.
static inline void rehearse_rl_before_output(void) {
    rl_crlf();
}

/// Keeps at most `lines` entries of history in memory.
static inline void rehearse_rl_stifle_history(int lines) { stifle_history(lines); }

#endif
