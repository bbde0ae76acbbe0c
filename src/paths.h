/* paths.h — where shed keeps things: the data dir (SHED_HOME, else XDG_DATA_HOME/shed, else
 * ~/.local/share/shed), the config dir (XDG_CONFIG_HOME/shed, else ~/.config/shed), and the
 * resource dir holding themes/ and syntaxes/ (the source tree when run from it, else the
 * install prefix's share/shed), and the built grammars beside them. Each result is a static
 * string computed once. */
#ifndef SHED_PATHS_H
#define SHED_PATHS_H

const char *paths_data_home(void);
const char *paths_config_home(void);
const char *paths_resources(void);
/* The built grammars (NAME/parser.so and its queries): the resources' build/grammars when it
 * exists (running from the source tree), else their grammars/ (installed: share/shed/grammars). */
const char *paths_grammars(void);

/* Creates DIR and its parents with MODE (0700 for the data dir). Returns 0 or -1 (errno). */
int paths_mkdirs(const char *dir, unsigned mode);

#endif
