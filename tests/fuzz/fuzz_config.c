/* fuzz_config.c — settings files from arbitrary bytes. Whatever the input, config_load must
 * leave every setting within its documented range. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static char path[] = "/tmp/shed-fuzz-config-XXXXXX";

static void remove_temp(void)
{
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0) {
        fd = mkstemp(path);
        if (fd < 0)
            abort();
        atexit(remove_temp);
    }
    if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();

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
