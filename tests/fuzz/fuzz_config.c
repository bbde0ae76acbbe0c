/* fuzz_config.c — settings files from arbitrary bytes. Whatever the input, config_load must
 * leave every setting within its documented range. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "fuzz_file.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file_write(data, size);

    struct config c;
    char err[256] = "";
    int rc = config_load(path, &c, err, sizeof err);
    if (rc < 0 && !strchr(err, ':'))
        abort(); /* a refusal names the file */
    if (c.tree_width < 10 || c.tree_width > 80 || c.tab_width < 1 || c.tab_width > 16)
        abort();
    if (!memchr(c.theme, '\0', sizeof c.theme) || !c.theme[0] || strchr(c.theme, '/'))
        abort();
    return 0;
}
