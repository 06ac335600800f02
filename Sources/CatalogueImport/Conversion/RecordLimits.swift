import Catalogue

/// Holds a converted record to the limits `fuwu validate` holds the catalogue to (lengths, dates,
/// the size of a text), so that a value the catalogue cannot store is refused with the file and
/// row it came from, not found later in the new catalogue.
enum RecordLimits {
    /// Why `record` cannot be stored; nil when it can.
    static func problem(_ record: ImportedRecord, draftingBody: String? = nil) -> String? {
        var fields: [(String, String?)] = []
        switch record {
        case .point(let p):
            // A million points: checked without building a list of fields per row. No value
            // within the name limit in bytes is over any limit.
            let limit = FieldLimits.shortestLimitBytes
            guard p.name.utf8.count > limit || (p.address?.utf8.count ?? 0) > limit || (p.phone?.utf8.count ?? 0) > limit
                    || (p.hours?.utf8.count ?? 0) > limit || (p.community?.utf8.count ?? 0) > limit || (p.note?.utf8.count ?? 0) > limit
            else { return nil }
            fields = [("name", p.name), ("address", p.address), ("phone", p.phone), ("hours", p.hours),
                      ("community", p.community), ("note", p.note)]
        case .item(let i):
            fields = [("name", i.name), ("category", i.category), ("recipients", i.recipients), ("content", i.content),
                      ("standard", i.standard), ("funding", i.funding), ("lead", i.lead), ("note", i.note)]
        case .standard(let s, let body):
            fields = [("code", s.code), ("title", s.title), ("drafting_body", draftingBody)]
            for (field, date) in [("issued", s.issued), ("effective", s.effective)] {
                if let date, let problem = FieldLimits.dateProblem(field: field, value: date) { return problem }
            }
            if let problem = FieldLimits.bodyProblem(body) { return problem }
        }
        for (field, value) in fields {
            if let value, let problem = FieldLimits.problem(field: field, value: value) { return problem }
        }
        return nil
    }
}
