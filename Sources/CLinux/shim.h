// Linux interfaces Glibc's Swift module leaves out: inotify (watching the template folder)
// and signalfd (reading SIGINT/SIGTERM as data between builds, in `briefing watch`), and
// malloc_trim (giving freed heap pages back between the stages of a long briefing), and
// O_TMPFILE (a file with no name, for bytes spilled out of memory).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <signal.h>
#include <malloc.h>

/// An unnamed file in `folder`, open for reading and writing (-1 and errno when the folder's
/// file system has no O_TMPFILE): no name ever appears, so nothing is left behind and no
/// one watching the folder sees it come and go.
static inline int briefing_open_unnamed(const char *folder) {
    return open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
}
