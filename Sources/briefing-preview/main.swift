import BriefingPreviewLink
import BriefingServe
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// `briefing-preview HOST PORT PDF-NAME`: the preview server of `briefing watch --serve`, in a
// process of its own so that `briefing` does not carry the web server's libraries (Hummingbird
// and SwiftNIO were a quarter of its protocol conformances, which every run's first casts
// scan). Started by the watch with pipes; not a command for people (`PreviewFrame`).

// The watch decides when the preview ends, by closing this input (it starts the server in a
// process group of its own, and an interrupt sent to it anyway is ignored). Signals a parent
// blocked are unblocked here, so a TERM or KILL sent to it still ends it.
signal(SIGINT, SIG_IGN)
signal(SIGPIPE, SIG_IGN)
var unblocked = sigset_t()
sigemptyset(&unblocked)
pthread_sigmask(SIG_SETMASK, &unblocked, nil)

/// Writes `text` whole to descriptor `descriptor` (1 or 2).
func say(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return }
        bytes = bytes.dropFirst(count)
    }
}

func answer(_ handshake: PreviewHandshake) {
    say(handshake.line, to: 1)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3, let port = Int(arguments[arguments.startIndex + 1]), (0...65535).contains(port),
    !arguments[arguments.startIndex + 2].isEmpty, !arguments[arguments.startIndex + 2].contains("/")
else {
    say("usage: briefing-preview HOST PORT PDF-NAME (started by 'briefing watch --serve')\n", to: 2)
    exit(64)
}
let server = PreviewServer(host: arguments[arguments.startIndex], port: port, pdfName: arguments[arguments.startIndex + 2])
do {
    answer(.listening(port: try server.start()))
} catch {
    answer(.failed("\(error)"))
    exit(69)
}
let input = ByteReader(descriptor: 0)
do {
    while let frame = try PreviewFrame.read(from: input) {
        switch frame {
        case .built(let html, let pdf): server.publish(html: html, pdf: pdf)
        case .failed(let message): server.fail(message)
        }
    }
} catch {
    say("briefing-preview: error: \(error)\n", to: 2)
    exit(70)
}
exit(0)
