/* fuzz_recovery.c — recovery files are read back after a crash, so their header parser must
 * take any bytes: the input is written as the recovery file of a fixed path and read back.
 * A file that parses must give back a body that is a suffix of the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recovery.h"

static const char *path = "/work/demo/main.py";
static char dir[64], file[128];

static void cleanup(void)
{
    unlink(file);
    rmdir(dir);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/shed-fuzz-recovery-%d", (int)getpid());
    char err[256];
    if (recovery_write(dir, path, "x", 1, err, sizeof err) != 0)
        abort();
    /* The file's name: FNV-1a of the path, as recovery.h documents. */
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char *s = path; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    snprintf(file, sizeof file, "%s/%016llx.rec", dir, (unsigned long long)h);
    if (access(file, F_OK) != 0)
        abort();
    atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0])
        setup();
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);

    char *bytes = NULL;
    size_t len = 0;
    time_t when;
    char err[256];
    if (recovery_find(dir, path, &bytes, &len, &when, err, sizeof err) == 1) {
        if (len > size || (len && memcmp(bytes, data + size - len, len) != 0))
            abort();
        free(bytes);
    }
    return 0;
}
