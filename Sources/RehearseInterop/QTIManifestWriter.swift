/// Writes `imsmanifest.xml`: the package's metadata, no organizations, one resource for the
/// test (depending on every item) and one per item, with the item's tags as LOM keywords.
enum QTIManifestWriter {
    static func write(
        identifier: String, test: (identifier: String, href: String), items: [QTIItem],
        text: inout QTIText
    ) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<manifest xmlns=\"\(QTINames.manifestNamespace)\""
        out += " xmlns:imsmd=\"\(QTINames.lomNamespace)\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(QTINames.manifestNamespace) \(QTINames.manifestSchema)\""
        out += "\n    identifier=\"\(identifier)\">\n"
        out += "  <metadata>\n    <schema>QTI Package</schema>\n"
        out += "    <schemaversion>3.0.0</schemaversion>\n  </metadata>\n"
        out += "  <organizations/>\n  <resources>\n"
        out +=
            "    <resource identifier=\"\(test.identifier)\" type=\"\(QTINames.testType)\""
            + " href=\"\(test.href)\">\n      <file href=\"\(test.href)\"/>\n"
        for item in items {
            out += "      <dependency identifierref=\"\(item.identifier)\"/>\n"
        }
        out += "    </resource>\n"
        for item in items {
            out +=
                "    <resource identifier=\"\(item.identifier)\" type=\"\(QTINames.itemType)\""
                + " href=\"\(item.href)\">\n"
            if !item.tags.isEmpty {
                out += "      <metadata><imsmd:lom><imsmd:general>"
                for tag in item.tags {
                    out +=
                        "<imsmd:keyword><imsmd:string>\(text.escape(tag))</imsmd:string>"
                        + "</imsmd:keyword>"
                }
                out += "</imsmd:general></imsmd:lom></metadata>\n"
            }
            out += "      <file href=\"\(item.href)\"/>\n    </resource>\n"
        }
        return out + "  </resources>\n</manifest>\n"
    }
}
