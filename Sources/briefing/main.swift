import BriefingPipeline

#if canImport(Glibc)
    import Glibc
#endif

ProcessTimeline.markMain()

// A full disk or a file-size limit must fail a write with an error the program reports (73),
// not kill it with SIGXFSZ halfway through: ignore the signal and let write(2) return EFBIG.
signal(SIGXFSZ, SIG_IGN)
// Likewise a reader of `--output -` that goes away: EPIPE, reported, instead of a silent death.
signal(SIGPIPE, SIG_IGN)
BriefingCommand.main()
