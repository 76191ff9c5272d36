// Linux interfaces Glibc's Swift module leaves out: inotify (watching the template folder)
// and signalfd (reading SIGINT/SIGTERM as data between builds, in `briefing watch`).
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <signal.h>
