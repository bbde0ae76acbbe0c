/* term_pty.c — a terminal's program: started on a new PTY in its own session, read without
 * blocking, told its window size, hung up and reaped.
 *
 * The master side is non-blocking and close-on-exec. Bytes for the program (keys, pastes,
 * libvterm's replies to queries) are written as far as the PTY takes them; the rest waits in
 * t->out until the next write or read (capped, so a program that never reads its input cannot
 * make it grow without bound). The program's pid is forgotten once it is reaped, so a pid the
 * kernel reuses is never signalled. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term_internal.h"
#include "xalloc.h"

/* Bytes kept for a program that does not read its input. */
#define OUT_MAX (4u << 20)
/* How long term_free waits for a hung-up program before killing it. */
#define HANGUP_WAIT_MS 50

static int open_pty(const struct term *t, int *master, int *slave, char *err, size_t errlen);
static char **build_env(char *const env_add[]);
static bool env_named(const char *entry, const char *name_eq);
static void child(int slave, const char *dir, char *const argv[], char **envp)
    __attribute__((noreturn));
static void child_fail(const char *what, const char *name) __attribute__((noreturn));
static void flush_out(struct term *t);
static void close_master(struct term *t);
static bool reap(struct term *t, int options);

int term_spawn(struct term *t, const char *dir, char *const argv[], char *const env_add[],
               char *err, size_t errlen)
{
    const char *shell = getenv("SHELL");
    char *shell_argv[] = {(char *)(shell && *shell ? shell : "/bin/sh"), NULL};
    struct stat st;
    int master, slave;
    sigset_t all, old;
    char **envp;
    pid_t pid;
    int fork_errno;

    if (t->pid > 0 && !term_exited(t, NULL)) {
        snprintf(err, errlen, "terminal: a program is still running (close it first)");
        return -1;
    }
    if (dir && stat(dir, &st) < 0) {
        snprintf(err, errlen, "%s: %s (choose an existing folder)", dir, strerror(errno));
        return -1;
    }
    if (dir && !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: not a folder (choose a folder)", dir);
        return -1;
    }
    if (!argv || !argv[0])
        argv = shell_argv;
    if (open_pty(t, &master, &slave, err, errlen) < 0)
        return -1;
    envp = build_env(env_add);

    /* The child must not run the parent's handlers before it resets them. */
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);
    pid = fork();
    fork_errno = errno;
    if (pid == 0)
        child(slave, dir, argv, envp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    close(slave);
    free(envp);
    if (pid < 0) {
        close(master);
        snprintf(err, errlen, "terminal: cannot start %s: %s (too many processes?)", argv[0],
                 strerror(fork_errno));
        return -1;
    }

    term_pty_close(t); /* the previous program's PTY, if any */
    t->fd = master;
    t->pid = pid;
    t->exited = false;
    t->status = 0;
    t->out_len = 0;
    return 0;
}

int term_fd(const struct term *t)
{
    return t->fd;
}

pid_t term_pid(const struct term *t)
{
    return t->pid;
}

bool term_output_pending(const struct term *t)
{
    return t->fd >= 0 && t->out_len > 0;
}

ssize_t term_read(struct term *t, size_t max)
{
    char buf[16384];
    size_t total = 0;

    if (t->fd < 0)
        return -1;
    flush_out(t);
    while (total < max) {
        size_t want = max - total < sizeof buf ? max - total : sizeof buf;
        ssize_t n = read(t->fd, buf, want);

        if (n > 0) {
            term_feed(t, buf, (size_t)n);
            total += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        /* EOF or EIO: every descriptor of the program's side is closed. What was read still
         * counts; the next call reports the end. */
        if (total > 0)
            break;
        close_master(t);
        return -1;
    }
    return (ssize_t)total;
}

bool term_exited(struct term *t, int *status)
{
    if (!t->exited && t->pid > 0)
        reap(t, WNOHANG);
    if (t->exited && status)
        *status = t->status;
    return t->exited;
}

void term_pty_write(struct term *t, const char *bytes, size_t len)
{
    if (t->fd < 0 || len == 0)
        return;
    flush_out(t);
    while (t->out_len == 0 && len > 0) {
        ssize_t n = write(t->fd, bytes, len);
        if (n > 0) {
            bytes += n;
            len -= (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            return; /* the program's side is gone: nobody will read these bytes */
        }
    }
    if (len == 0)
        return;
    if (len > OUT_MAX - t->out_len)
        len = OUT_MAX - t->out_len;
    xgrow((void **)&t->out, &t->out_cap, t->out_len + len, 1);
    memcpy(t->out + t->out_len, bytes, len);
    t->out_len += len;
}

void term_pty_resize(struct term *t)
{
    struct winsize ws = {.ws_row = (unsigned short)t->rows, .ws_col = (unsigned short)t->cols};

    if (t->fd >= 0)
        ioctl(t->fd, TIOCSWINSZ, &ws);
}

void term_pty_close(struct term *t)
{
    bool alive = t->pid > 0 && !t->exited;

    /* SIGCONT so that a stopped job sees the hangup too. */
    if (alive) {
        kill(-t->pid, SIGHUP);
        kill(-t->pid, SIGCONT);
    }
    close_master(t);
    if (!alive)
        return;
    for (int ms = 0; ms < HANGUP_WAIT_MS; ms++) {
        struct timespec tick = {0, 1000000};
        if (reap(t, WNOHANG))
            return;
        nanosleep(&tick, NULL);
    }
    kill(-t->pid, SIGKILL);
    kill(t->pid, SIGKILL);
    reap(t, 0);
}

static int open_pty(const struct term *t, int *master, int *slave, char *err, size_t errlen)
{
    struct winsize ws = {.ws_row = (unsigned short)t->rows, .ws_col = (unsigned short)t->cols};
    struct termios tio;
    char name[128];

    *master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (*master < 0) {
        snprintf(err, errlen, "terminal: cannot open a pty: %s (check /dev/ptmx and /dev/pts)",
                 strerror(errno));
        return -1;
    }
    if (grantpt(*master) < 0 || unlockpt(*master) < 0 || ptsname_r(*master, name, sizeof name) ||
        fcntl(*master, F_SETFL, fcntl(*master, F_GETFL) | O_NONBLOCK) < 0 ||
        (*slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
        snprintf(err, errlen, "terminal: cannot set up a pty: %s (check /dev/pts)",
                 strerror(errno));
        close(*master);
        return -1;
    }
    /* UTF-8 aware erase in the line discipline; the size is known before the program starts. */
    if (tcgetattr(*slave, &tio) == 0) {
        tio.c_iflag |= IUTF8;
        tcsetattr(*slave, TCSANOW, &tio);
    }
    ioctl(*slave, TIOCSWINSZ, &ws);
    return 0;
}

/* The parent's environment with TERM, COLORTERM and ENV_ADD's entries replaced, and LINES and
 * COLUMNS dropped (they would override the window size). The strings stay the caller's and
 * environ's; only the array is new. Caller frees the array. */
static char **build_env(char *const env_add[])
{
    static char term_var[] = "TERM=xterm-256color";
    static char colorterm_var[] = "COLORTERM=truecolor";
    static const char *const dropped[] = {"TERM=", "COLORTERM=", "LINES=", "COLUMNS="};
    size_t n = 0, m = 0, k = 0;
    char **envp;

    while (environ && environ[n])
        n++;
    while (env_add && env_add[m])
        m++;
    envp = xcalloc(n + m + 3, sizeof *envp);
    for (size_t i = 0; i < n; i++) {
        bool keep = strchr(environ[i], '=') != NULL;
        for (size_t d = 0; keep && d < sizeof dropped / sizeof dropped[0]; d++)
            keep = !env_named(environ[i], dropped[d]);
        for (size_t a = 0; keep && a < m; a++)
            keep = !env_named(environ[i], env_add[a]);
        if (keep)
            envp[k++] = environ[i];
    }
    envp[k++] = term_var;
    envp[k++] = colorterm_var;
    for (size_t a = 0; a < m; a++)
        if (strchr(env_add[a], '=') && env_add[a][0] != '=')
            envp[k++] = env_add[a];
    envp[k] = NULL;
    return envp;
}

/* True when ENTRY ("NAME=value") has the name of NAME_EQ ("NAME=..."). */
static bool env_named(const char *entry, const char *name_eq)
{
    const char *eq = strchr(name_eq, '=');
    size_t len = eq ? (size_t)(eq - name_eq) : strlen(name_eq);

    return strncmp(entry, name_eq, len) == 0 && entry[len] == '=';
}

/* In the forked child: a new session whose controlling terminal is SLAVE, everything the
 * parent changed about signals undone, then the program. */
static void child(int slave, const char *dir, char *const argv[], char **envp)
{
    sigset_t none;

    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);

    setsid();
    ioctl(slave, TIOCSCTTY, 0);
    /* dup2 onto itself would keep close-on-exec, so the slave first moves above 2. */
    if (slave <= 2)
        slave = fcntl(slave, F_DUPFD, 3);
    if (slave < 0 || dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0)
        _exit(127);
    if (close_range(3, ~0u, 0) < 0) {
        long max = sysconf(_SC_OPEN_MAX);
        for (long fd = 3; fd < (max > 0 ? max : 1024); fd++)
            close((int)fd);
    }
    if (dir && chdir(dir) < 0)
        child_fail("cannot enter", dir);
    environ = envp;
    execvp(argv[0], argv);
    child_fail("cannot run", argv[0]);
}

/* Tells the user on the terminal itself why the program did not start, and exits 127 as a
 * shell does for a command it cannot run. */
static void child_fail(const char *what, const char *name)
{
    const char *why = strerror(errno);
    const char *parts[] = {"shed: ", what, " ", name, ": ", why, "\n"};

    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (write(2, parts[i], strlen(parts[i])) < 0)
            break;
    _exit(127);
}

static void flush_out(struct term *t)
{
    size_t done = 0;

    while (t->fd >= 0 && done < t->out_len) {
        ssize_t n = write(t->fd, t->out + done, t->out_len - done);
        if (n > 0)
            done += (size_t)n;
        else if (n < 0 && errno == EINTR)
            continue;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        else
            done = t->out_len; /* the program's side is gone */
    }
    if (done == 0)
        return;
    memmove(t->out, t->out + done, t->out_len - done);
    t->out_len -= done;
}

static void close_master(struct term *t)
{
    if (t->fd >= 0)
        close(t->fd);
    t->fd = -1;
    t->out_len = 0;
}

/* Reaps the program with waitpid OPTIONS; true once it is gone. A program someone else
 * reaped (ECHILD) counts as exited with status 0, as nothing more can be learnt about it. */
static bool reap(struct term *t, int options)
{
    int st = 0;
    pid_t r;

    do
        r = waitpid(t->pid, &st, options);
    while (r < 0 && errno == EINTR);
    if (r == 0 || (r < 0 && errno != ECHILD))
        return false;
    t->exited = true;
    t->status = r < 0 ? 0 : st;
    t->pid = -1;
    return true;
}
