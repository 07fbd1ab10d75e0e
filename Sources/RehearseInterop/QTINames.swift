/// The fixed names of a QTI 3.0 package: namespaces, schema locations, resource types, and the
/// one way numbers are written in it.
enum QTINames {
    static let itemNamespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
    static let itemSchema =
        "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
    static let manifestNamespace = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
    static let manifestSchema =
        "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
    static let lomNamespace = "http://ltsc.ieee.org/xsd/LOM"
    static let itemType = "imsqti_item_xmlv3p0"
    static let testType = "imsqti_test_xmlv3p0"

    /// A number as an `xs:double` literal: whole numbers without a fraction (`2`), others as
    /// Swift writes them (`0.5`, `1e-05`), to 9 decimals below a million; a non-finite value (never in a loaded bank) as 0.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = abs(value) < 1e6 ? (value * 1e9).rounded() / 1e9 : value
        return YAMLScalar.number(rounded == 0 ? 0 : rounded)
    }
}
