/// Failures of the drawing stage: the fonts, and cairo.
public enum RenderError: Error, CustomStringConvertible {
    case fonts(String)
    /// cairo refused what Briefing drew, or the layout handed it structure tags that do not
    /// nest: a bug in Briefing, never the input's or the disk's fault, so it is an internal
    /// error (exit 70) saying where it happened, not "cannot write the output".
    case drawing(message: String, place: String)
    /// A library opened at run time, not linked (libqpdf), is not installed: the machine
    /// lacks a service the run needs, so nothing is written (exit 69).
    case missingLibrary(name: String, package: String, needed: String)

    public var description: String {
        switch self {
        case .fonts(let message): "fonts: \(message)"
        case .drawing(let message, let place):
            "internal error while drawing \(place): \(message)\nhint: this is a bug in Briefing, not in the template; "
                + "please report it with the template (the run wrote nothing)"
        case .missingLibrary(let name, let package, let needed):
            "\(name) cannot be opened: \(needed)\nhint: install it with: apt-get install \(package)"
        }
    }
}
