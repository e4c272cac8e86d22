/*
 * help.h - what synack says about itself: the list of subcommands that goes
 * before tcpdump's usage text (-h, --help), each subcommand's usage with
 * examples (synack help COMMAND, synack COMMAND --help), and the hint for a
 * mistyped subcommand ("did you mean diagnose?").
 *
 * main.c calls help_dispatch() first thing and help_commands() from its -h
 * handling; everything else about help lives here.  Texts go to the FILE
 * given (stdout for help asked for, stderr for hints).
 */
#ifndef SYNACK_HELP_H
#define SYNACK_HELP_H

#include <stdio.h>

/* One line per subcommand, then a blank line (printed before tcpdump's usage). */
void help_commands(FILE *f);

/* Usage and examples of one subcommand; -1 when NAME is not a subcommand. */
int help_command(FILE *f, const char *name);

/* The subcommand NAME is closest to (a likely typo), or NULL. */
const char *help_suggest(const char *name);

/*
 * Looks at the command line before anything else runs:
 *   synack help [COMMAND]               usage, exit status 0 (1 for an unknown COMMAND)
 *   synack COMMAND ... -h|--help ...     that command's usage, 0
 *   synack WORD ...                      WORD close to a subcommand name and the
 *                                        words up to the first option not a valid
 *                                        filter expression: a hint on stderr, 1
 * Returns the exit status, or -1 when main() should go on as usual (every valid
 * filter expression, every real subcommand without -h).
 */
int help_dispatch(int argc, char **argv);

#endif
