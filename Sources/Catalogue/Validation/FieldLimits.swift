/// The limits validation holds every record's values to, for writers that must not produce a
/// catalogue that fails them (`fuwu import` checks each converted row against them, so that a
/// value too long or a date off the calendar is refused with its file and row).
public enum FieldLimits {
    /// The shortest length limit of any field, in characters: a value of no more UTF-8 bytes is within every limit.
    public static let shortestLimitBytes = SemanticChecks.nameLengthLimit
    /// Why `value` of `field` (a source-format field name such as `name`, `title`, `address`,
    /// `issued`) cannot be stored, as validation words it; nil when it can.
    public static func problem(field: String, value: String) -> String? {
        let limit = SemanticChecks.lengthLimit(of: field)
        if SemanticChecks.exceeds(value, limit) {
            return "\"\(field)\" is longer than \(limit) characters, the limit for this field; shorten it"
        }
        return nil
    }

    /// Why a date field cannot be stored; nil for a real calendar date written `YYYY-MM-DD`.
    public static func dateProblem(field: String, value: String) -> String? {
        SemanticChecks.isCalendarDate(value) ? nil : "\(field) date \"\(value.prefix(40))\" is not a date of the calendar; write it YYYY-MM-DD"
    }

    /// Why a standard's body cannot be stored; nil when it is within the limit.
    public static func bodyProblem(_ body: String) -> String? {
        body.utf8.count > SemanticChecks.bodyByteLimit
            ? "the text is larger than 2 MB (\(SemanticChecks.bodyByteLimit) bytes), the limit for a text; split it or shorten it"
            : nil
    }
}
