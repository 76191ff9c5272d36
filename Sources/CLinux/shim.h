// Linux interfaces Glibc's Swift module leaves out: inotify (watching the template folder)
// and signalfd (reading SIGINT/SIGTERM as data between builds, in `briefing watch`), and
// malloc_trim (giving freed heap pages back between the stages of a long briefing).
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <signal.h>
#include <malloc.h>
