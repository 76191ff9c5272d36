// Linux interfaces Glibc's Swift module leaves out: inotify (watching the template folder)
// and signalfd (reading SIGINT/SIGTERM as data between builds, in `briefing watch`), and
// malloc_trim (giving freed heap pages back between the stages of a long briefing),
// O_TMPFILE (a file with no name, for bytes spilled out of memory), memmem (finding cairo's
// content streams in its output as it is written), and a signal handler that only notes the
// signal (a batch stops between rows).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <signal.h>
#include <pthread.h>
#include <malloc.h>
#include <string.h>

/// An unnamed file in `folder`, open for reading and writing (-1 and errno when the folder's
/// file system has no O_TMPFILE): no name ever appears, so nothing is left behind and no
/// one watching the folder sees it come and go.
static inline int briefing_open_unnamed(const char *folder) {
    return open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
}

/// The first SIGINT, SIGTERM or SIGHUP received while `briefing_interrupt_catch(1)` is in
/// force (0 if none). A handler may only do async-signal-safe things, so it notes the signal;
/// a second signal ends the process as the signal would have without the handler.
static volatile sig_atomic_t briefing_interrupt_signal = 0;

static inline void briefing_interrupt_handler(int signal_number) {
    if (briefing_interrupt_signal != 0) {
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        return;
    }
    briefing_interrupt_signal = signal_number;
}

/// Notes SIGINT, SIGTERM and SIGHUP from now on (`catching` 1), or restores their default
/// action (0). System calls in progress are restarted. The calling thread takes them
/// unblocked while catching: a process can start with them blocked (inherited from whoever
/// started it), and a blocked signal would never be noted. Its mask is restored after.
static inline void briefing_interrupt_catch(int catching) {
    static sigset_t saved;
    const int signals[] = { SIGINT, SIGTERM, SIGHUP };
    sigset_t set;
    sigemptyset(&set);
    for (int index = 0; index < 3; index++) sigaddset(&set, signals[index]);
    if (catching) pthread_sigmask(SIG_UNBLOCK, &set, &saved);
    for (int index = 0; index < 3; index++) {
        struct sigaction action = { 0 };
        action.sa_handler = catching ? briefing_interrupt_handler : SIG_DFL;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(signals[index], &action, NULL);
    }
    if (!catching) pthread_sigmask(SIG_SETMASK, &saved, NULL);
}

static inline int briefing_interrupt_received(void) { return briefing_interrupt_signal; }
