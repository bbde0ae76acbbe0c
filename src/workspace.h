/* workspace.h — the boundary of a workspace: resolving user paths inside it and the file
 * operations the tree offers (create, rename, delete), none of which can touch anything
 * outside. A path escapes when it climbs out with "..", is absolute elsewhere, or passes
 * through a symlink whose target lies outside; all of these are refused with a message. */
#ifndef SHED_WORKSPACE_H
#define SHED_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>

/* Resolves PATH (relative to ROOT, or absolute) to an absolute path inside ROOT, with
 * symlinks resolved. ROOT must itself be absolute and resolved (realpath). When MUST_EXIST is
 * false the last component may be missing, but its parent must exist inside ROOT.
 * Returns a new string (caller frees) or NULL with err filled. */
char *workspace_resolve(const char *root, const char *path, bool must_exist, char *err,
                        size_t errlen);

/* True when ABS (already absolute and resolved) is ROOT or below it. */
bool workspace_contains(const char *root, const char *abs);

/* Checks a single new file or folder name: not empty, no '/', not "." or "..", no NUL,
 * at most 255 bytes. */
int workspace_check_name(const char *name, char *err, size_t errlen);

/* File operations relative to ROOT; each refuses paths outside and existing targets.
 * Return 0 or -1 with err. */
int workspace_create_file(const char *root, const char *path, char *err, size_t errlen);
int workspace_create_dir(const char *root, const char *path, char *err, size_t errlen);
int workspace_rename(const char *root, const char *from, const char *to, char *err, size_t errlen);
/* Deletes a file, or a folder with everything in it. A symlink is removed, never followed.
 * The workspace root itself cannot be deleted. */
int workspace_delete(const char *root, const char *path, char *err, size_t errlen);

#endif
