/* main.c — shed's entry point: hands the command line to cli.c, which runs a subcommand or the
 * full-screen program. */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
