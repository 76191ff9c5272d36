import BriefingLayout
import BriefingModel

/// The XMP metadata packet PDF/UA and PDF/A require: the Info dictionary's title, author,
/// subject, keywords, creator tool, producer and dates, and the language, with the file's
/// claims of conformance (`pdfuaid:part`, `pdfaid:part` and `conformance`). PDF/A accepts
/// only the schemas it predefines unless the packet describes the others, so with both
/// claims the PDF/UA identification schema is described in a `pdfaExtension` block.
enum XMP {
    static func packet(
        _ metadata: PagedDocument.Metadata, language: String, producer: String, standard: PDFFinisher.Standard
    ) -> String {
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
        if standard.accessible { fields.append("   <pdfuaid:part>1</pdfuaid:part>") }
        if standard.archival {
            fields.append("   <pdfaid:part>2</pdfaid:part>")
            fields.append("   <pdfaid:conformance>B</pdfaid:conformance>")
        }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
                xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            \(fields.joined(separator: "\n"))
              </rdf:Description>\(standard.accessible && standard.archival ? extensionSchema : "")
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    /// The description of the `pdfuaid` schema PDF/A needs before it accepts the property.
    static let extensionSchema = """

          <rdf:Description rdf:about=""
            xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
           <pdfaExtension:schemas>
            <rdf:Bag>
             <rdf:li rdf:parseType="Resource">
              <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
              <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
              <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
              <pdfaSchema:property>
               <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>part</pdfaProperty:name>
                 <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                 <pdfaProperty:category>internal</pdfaProperty:category>
                 <pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>
                </rdf:li>
               </rdf:Seq>
              </pdfaSchema:property>
             </rdf:li>
            </rdf:Bag>
           </pdfaExtension:schemas>
          </rdf:Description>
        """

    static func escape(_ text: String) -> String {
        text.replacingEvery("&", with: "&amp;").replacingEvery("<", with: "&lt;").replacingEvery(">", with: "&gt;")
    }
}
