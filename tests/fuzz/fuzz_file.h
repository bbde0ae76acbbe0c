/* fuzz_file.h — for fuzzers of parsers that read a file: one temporary file per process,
 * rewritten with each input and removed at exit. */
#ifndef SHED_FUZZ_FILE_H
#define SHED_FUZZ_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static char fuzz_file_path[] = "/tmp/shed-fuzz-XXXXXX";

static void fuzz_file_remove(void)
{
    unlink(fuzz_file_path);
}

/* Writes DATA as the temporary file's whole content and returns its path. */
static inline const char *fuzz_file_write(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0) {
        fd = mkstemp(fuzz_file_path);
        if (fd < 0)
            abort();
        atexit(fuzz_file_remove);
    }
    if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    return fuzz_file_path;
}

#endif
