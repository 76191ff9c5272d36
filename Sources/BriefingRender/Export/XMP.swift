import BriefingLayout

/// The XMP metadata packet PDF/UA requires: the Info dictionary's title, author, subject,
/// keywords, creator tool, producer and dates, and the language. The PDF/UA identification
/// (`pdfuaid:part`) is the file's claim of conformance: it is written only once the
/// structure is complete, which needs lists as L/LI and the contents page as TOC/TOCI
/// (`claimsUA`, off until then).
enum XMP {
    static let claimsUA = false

    static func packet(_ metadata: PagedDocument.Metadata, language: String, producer: String) -> String {
        var fields = ["   <dc:format>application/pdf</dc:format>"]
        if !metadata.title.isEmpty {
            fields.append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.title))</rdf:li></rdf:Alt></dc:title>")
        }
        if !metadata.author.isEmpty {
            fields.append("   <dc:creator><rdf:Seq><rdf:li>\(escape(metadata.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if !metadata.subject.isEmpty {
            fields.append(
                "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>"
            )
        }
        fields.append("   <dc:language><rdf:Bag><rdf:li>\(escape(language))</rdf:li></rdf:Bag></dc:language>")
        if !metadata.keywords.isEmpty { fields.append("   <pdf:Keywords>\(escape(metadata.keywords))</pdf:Keywords>") }
        if !producer.isEmpty { fields.append("   <pdf:Producer>\(escape(producer))</pdf:Producer>") }
        if !metadata.creator.isEmpty { fields.append("   <xmp:CreatorTool>\(escape(metadata.creator))</xmp:CreatorTool>") }
        if !metadata.creationDate.isEmpty {
            // The briefing's date, as in the Info dictionary: no clock of its own, so the bytes repeat.
            for key in ["CreateDate", "ModifyDate", "MetadataDate"] {
                fields.append("   <xmp:\(key)>\(metadata.creationDate)</xmp:\(key)>")
            }
        }
        if claimsUA { fields.append("   <pdfuaid:part>1</pdfuaid:part>") }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            \(fields.joined(separator: "\n"))
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
