/* cli.h — the command line: options, --help and --version, and turning `shed PATH` into a
 * workspace and a file to open. Later subcommands (sandboxes, runs) join here. */
#ifndef SHED_CLI_H
#define SHED_CLI_H

/* Parses ARGV and runs what it asks for; returns the process exit status (2 for usage
 * errors, with a message on stderr). */
int cli_main(int argc, char **argv);

#endif
