import Foundation

extension PDFFinisher {
    /// Which conformance the file claims: PDF/UA-1 (the default), PDF/A-2b, both at once, or
    /// none (cairo's file untouched). Written `ua-1`, `a-2b`, `ua-1,a-2b` or `none`.
    public struct Standard: RawRepresentable, Hashable, Sendable {
        /// PDF/UA-1 (ISO 14289-1): tagged, with alt text, language and a title shown.
        public var accessible: Bool
        /// PDF/A-2b (ISO 19005-2, level B): an sRGB output intent, a PDF/A identification
        /// and what the archival rules add to cairo's objects.
        public var archival: Bool

        public static let ua1 = Standard(accessible: true, archival: false)
        public static let a2b = Standard(accessible: false, archival: true)
        public static let none = Standard(accessible: false, archival: false)

        public init(accessible: Bool, archival: Bool) {
            self.accessible = accessible
            self.archival = archival
        }

        public init?(rawValue: String) {
            let parts = rawValue.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts.isEmpty else { return nil }
            if parts == ["none"] {
                self = .none
                return
            }
            var standard = Standard.none
            for part in parts {
                switch part {
                case "ua-1": standard.accessible = true
                case "a-2b": standard.archival = true
                default: return nil
                }
            }
            self = standard
        }

        /// The canonical spelling (used in the run manifest's digest flags).
        public var rawValue: String {
            switch (accessible, archival) {
            case (true, true): "ua-1,a-2b"
            case (true, false): "ua-1"
            case (false, true): "a-2b"
            case (false, false): "none"
            }
        }

        public static let spellings = ["ua-1", "a-2b", "ua-1,a-2b", "none"]
    }
}
