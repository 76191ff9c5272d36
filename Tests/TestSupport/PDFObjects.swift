import Foundation

/// Every object of a PDF as qpdf reads it (`qpdf --json=2 --json-stream-data=inline`), for
/// tests that check the file's structure itself: catalog, structure elements, annotations,
/// the XMP stream.
public struct PDFObjects {
    public let version: String
    /// `obj:N 0 R` -> the object's value (a dictionary, array, ...); streams as
    /// `["stream": ["dict": ..., "data": base64]]`.
    public let objects: [String: Any]

    public init(_ pdf: URL) throws {
        let result = try Command.tool("qpdf", ["--json=2", "--json-stream-data=inline", "--decode-level=generalized", pdf.path])
        guard result.status == 0 || result.status == 3,
            let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let parts = root["qpdf"] as? [Any], let header = parts.first as? [String: Any], let objects = parts.last as? [String: Any]
        else { throw PDFObjectsError(message: "qpdf could not read \(pdf.path): \(result.stderr)") }
        version = header["pdfversion"] as? String ?? ""
        self.objects = objects
    }

    /// The dictionaries (of plain objects and of streams) whose `key` is `value`.
    public func dictionaries(where key: String, is value: String) -> [[String: Any]] {
        objects.values.compactMap { entry -> [String: Any]? in
            let object = entry as? [String: Any]
            let dictionary = (object?["value"] as? [String: Any]) ?? ((object?["stream"] as? [String: Any])?["dict"] as? [String: Any])
            return dictionary?[key] as? String == value ? dictionary : nil
        }
    }

    /// The object a reference (`3 0 R`) points to: its value, or a stream's dictionary and data.
    public func resolve(_ reference: Any?) -> [String: Any]? {
        guard let reference = reference as? String, let entry = objects["obj:\(reference)"] as? [String: Any] else { return nil }
        return (entry["value"] as? [String: Any]) ?? (entry["stream"] as? [String: Any])
    }

    public var catalog: [String: Any] { dictionaries(where: "/Type", is: "/Catalog").first ?? [:] }

    /// A PDF string as qpdf writes it in JSON (`u:` text, `b:` bytes).
    public static func text(_ value: Any?) -> String? {
        guard let value = value as? String else { return nil }
        return value.hasPrefix("u:") ? String(value.dropFirst(2)) : value
    }
}

public struct PDFObjectsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
