/*
 * The csd hook, compiled: the job of csd-hook.pl (which runs wherever this was not built) in ~1 ms of CPU
 * instead of ~4. Claude Code runs it on every lifecycle event of a worker, the event name as argument.
 * It appends the hook payload, plus "event" and "ts", as one line to $CSD_EVENTS_FILE, in one write.
 * It must never break the worker: anything unexpected is skipped and it always exits 0.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int valid_event(const char *name) {
    if (*name == '\0') return 0;
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || *c == '_')) return 0;
    return 1;
}

static int is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* All of stdin; NULL when it cannot be read. */
static char *read_all(size_t *length) {
    size_t capacity = 64 * 1024, used = 0;
    char *buffer = malloc(capacity);
    if (!buffer) return NULL;
    for (;;) {
        if (used == capacity) {
            char *bigger = realloc(buffer, capacity * 2);
            if (!bigger) { free(buffer); return NULL; }
            buffer = bigger;
            capacity *= 2;
        }
        ssize_t got = read(STDIN_FILENO, buffer + used, capacity - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) { free(buffer); return NULL; }
        if (got == 0) break;
        used += (size_t)got;
    }
    *length = used;
    return buffer;
}

int main(int argc, char **argv) {
    const char *file = getenv("CSD_EVENTS_FILE");
    const char *event = argc > 1 ? argv[1] : "";
    if (!file || !*file || !valid_event(event)) return 0;

    struct timespec now;
    struct tm utc;
    char ts[96];
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &utc);
    snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
             utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, (int)(now.tv_nsec / 1000000L));

    size_t length = 0;
    char *payload = read_all(&length);
    if (!payload) return 0;
    size_t start = 0, end = length;
    while (start < end && is_space(payload[start])) start++;
    while (end > start && is_space(payload[end - 1])) end--;
    /* Only a JSON object is taken; its bytes pass through untouched. csd's two fields go last, so a
       payload field of the same name can never override them. */
    if (end - start < 2 || payload[start] != '{' || payload[end - 1] != '}') {
        fputs("csd hook: ignored input that is not a JSON object\n", stderr);
        return 0;
    }
    /* The body between the braces, every run of CR/LF made one space (whitespace between JSON tokens:
       inside strings they are escaped). */
    size_t body = 0;
    int has_content = 0, in_line_break = 0;
    for (size_t i = start + 1; i < end - 1; i++) {
        char c = payload[i];
        if (c == '\r' || c == '\n') {
            if (in_line_break) continue;
            in_line_break = 1;
            c = ' ';
        } else {
            in_line_break = 0;
        }
        if (!is_space(c)) has_content = 1;
        payload[body++] = c; /* body < i: compacting in place */
    }

    size_t room = body + strlen(event) + strlen(ts) + 32;
    char *line = malloc(room);
    if (!line) return 0;
    size_t n = 0;
    line[n++] = '{';
    memcpy(line + n, payload, body);
    n += body;
    n += (size_t)snprintf(line + n, room - n, "%s\"event\":\"%s\",\"ts\":\"%s\"}\n", has_content ? "," : "",
                          event, ts);

    int fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "csd hook: cannot append to %s: %s\n", file, strerror(errno));
        return 0;
    }
    /* One write per line: O_APPEND writes to a local file do not interleave with other appenders. */
    size_t written = 0;
    while (written < n) {
        ssize_t put = write(fd, line + written, n - written);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) break;
        written += (size_t)put;
    }
    close(fd);
    return 0;
}
