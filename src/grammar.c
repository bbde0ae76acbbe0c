/* grammar.c — loading grammars and their queries, once per language.
 *
 * The cache is an array of loaded grammars searched by name (a handful of languages). A
 * grammar that fails to load is not cached, so building it and opening the file again works
 * without a restart. The shared capture numbering is an array of names; each grammar maps its
 * highlights query's capture ids onto it when it loads. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "grammar.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

static struct {
    char *dir;
    struct grammar **list;
    size_t n, cap;
    char **names; /* the shared capture numbering */
    size_t nnames, names_cap;
} reg;

static struct grammar *load(const struct lang *lang, char *err, size_t errlen);
static int load_query(struct grammar *g, const char *file, struct query **out, char *err,
                      size_t errlen);
static char *read_whole(const char *path, size_t *len, int *errnum);
static uint32_t intern_capture(const char *name, uint32_t len);
static void map_captures(struct grammar *g);
static void grammar_free(struct grammar *g);

void grammar_set_dir(const char *dir)
{
    free(reg.dir);
    reg.dir = dir ? xstrdup(dir) : NULL;
}

struct grammar *grammar_get(const struct lang *lang, char *err, size_t errlen)
{
    for (size_t i = 0; i < reg.n; i++)
        if (strcmp(reg.list[i]->name, lang->name) == 0)
            return reg.list[i];
    struct grammar *g = load(lang, err, errlen);
    if (!g)
        return NULL;
    xgrow((void **)&reg.list, &reg.cap, reg.n + 1, sizeof *reg.list);
    reg.list[reg.n++] = g;
    return g;
}

static struct grammar *load(const struct lang *lang, char *err, size_t errlen)
{
    if (!reg.dir) {
        snprintf(err, errlen, "%s: no grammar directory set (reinstall shed)", lang->name);
        return NULL;
    }
    char *so = xasprintf("%s/%s/parser.so", reg.dir, lang->name);
    if (access(so, R_OK) != 0) {
        snprintf(err, errlen, "%s: grammar not built: %s is missing (run make grammars)",
                 lang->name, so);
        free(so);
        return NULL;
    }
    void *dl = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!dl) {
        snprintf(err, errlen, "%s: cannot load its grammar: %s (rebuild it: make grammars)",
                 lang->name, dlerror());
        free(so);
        return NULL;
    }
    const char *symbol = lang->symbol ? lang->symbol : lang->name;
    char *fname = xasprintf("tree_sitter_%s", symbol);
    const TSLanguage *(*entry)(void) = (const TSLanguage *(*)(void))dlsym(dl, fname);
    if (!entry) {
        snprintf(err, errlen, "%s: %s has no %s (check symbol in its grammar.ini)", lang->name, so,
                 fname);
        free(fname);
        free(so);
        dlclose(dl);
        return NULL;
    }
    free(fname);
    free(so);

    const TSLanguage *ts = entry();
    uint32_t abi = ts_language_version(ts);
    if (abi < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || abi > TREE_SITTER_LANGUAGE_VERSION) {
        snprintf(err, errlen,
                 "%s: grammar ABI %u is not one this libtree-sitter reads (%d to %d); pin a "
                 "grammar version with a matching ABI in syntaxes/%s/grammar.ini",
                 lang->name, abi, TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION,
                 TREE_SITTER_LANGUAGE_VERSION, lang->name);
        dlclose(dl);
        return NULL;
    }

    struct grammar *g = xcalloc(1, sizeof *g);
    g->name = xstrdup(lang->name);
    g->dl = dl;
    g->ts = ts;
    g->inj_content = g->inj_language = UINT32_MAX;
    if (load_query(g, "highlights.scm", &g->highlights, err, errlen) != 0 ||
        load_query(g, "injections.scm", &g->injections, err, errlen) != 0) {
        grammar_free(g);
        return NULL;
    }
    map_captures(g);
    if (g->injections) {
        g->inj_content = query_capture_id(g->injections, "injection.content");
        g->inj_language = query_capture_id(g->injections, "injection.language");
    }
    return g;
}

/* Compiles the grammar's FILE when it exists; *OUT stays NULL when it does not. */
static int load_query(struct grammar *g, const char *file, struct query **out, char *err,
                      size_t errlen)
{
    char *path = xasprintf("%s/%s/%s", reg.dir, g->name, file);
    size_t len;
    int errnum = 0;
    char *src = read_whole(path, &len, &errnum);
    if (!src) {
        free(path);
        if (errnum == ENOENT)
            return 0;
        snprintf(err, errlen, "%s: cannot read %s: %s (rebuild it: make grammars)", g->name, file,
                 strerror(errnum));
        return -1;
    }
    char *name = xasprintf("%s/%s", g->name, file);
    *out = query_new(g->ts, name, src, len, err, errlen);
    free(name);
    free(src);
    free(path);
    return *out ? 0 : -1;
}

/* PATH's bytes, NUL-terminated; NULL with *ERRNUM set when it cannot be read. */
static char *read_whole(const char *path, size_t *len, int *errnum)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *errnum = errno;
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        cap *= 2;
        buf = xrealloc(buf, cap);
    }
    if (ferror(f)) {
        *errnum = EIO;
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static uint32_t intern_capture(const char *name, uint32_t len)
{
    for (size_t i = 0; i < reg.nnames; i++)
        if (strlen(reg.names[i]) == len && memcmp(reg.names[i], name, len) == 0)
            return (uint32_t)i;
    xgrow((void **)&reg.names, &reg.names_cap, reg.nnames + 1, sizeof *reg.names);
    reg.names[reg.nnames] = xstrndup(name, len);
    return (uint32_t)reg.nnames++;
}

static void map_captures(struct grammar *g)
{
    if (!g->highlights)
        return;
    const TSQuery *q = query_ts(g->highlights);
    uint32_t n = ts_query_capture_count(q);
    g->capture_index = xcalloc(n ? n : 1, sizeof *g->capture_index);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        const char *s = ts_query_capture_name_for_id(q, i, &len);
        g->capture_index[i] = len && s[0] != '_' ? intern_capture(s, len) : GRAMMAR_NO_CAPTURE;
    }
}

const char *grammar_capture_name(uint32_t index)
{
    return index < reg.nnames ? reg.names[index] : "";
}

uint32_t grammar_capture_count(void)
{
    return (uint32_t)reg.nnames;
}

static void grammar_free(struct grammar *g)
{
    query_free(g->highlights);
    query_free(g->injections);
    free(g->capture_index);
    if (g->dl)
        dlclose(g->dl);
    free(g->name);
    free(g);
}

void grammar_free_all(void)
{
    for (size_t i = 0; i < reg.n; i++)
        grammar_free(reg.list[i]);
    free(reg.list);
    for (size_t i = 0; i < reg.nnames; i++)
        free(reg.names[i]);
    free(reg.names);
    free(reg.dir);
    memset(&reg, 0, sizeof reg);
}
