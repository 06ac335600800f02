import Catalogue
import Geodesy

extension BrowserState {
    /// How many choices a picker lists at most.
    static let pickerLimit = 300

    /// Rebuilds the picker's choices for its field's text.
    mutating func refreshPicker() {
        guard case .picker(let purpose) = page else { return }
        let needle = SubstringNameSearch.fold(pickerField.text.filter { !$0.isWhitespace })
        func matches(_ text: String) -> Bool {
            needle.isEmpty || SubstringNameSearch.firstIndex(of: needle, in: SubstringNameSearch.fold(text)) != nil
        }
        var choices: [PickerChoice] = []
        switch purpose {
        case .origin:
            if let (coordinate, datum) = OriginText.coordinate(pickerField.text) {
                let datums = datum.map { [$0] } ?? Datum.allCases
                for datum in datums {
                    choices.append(PickerChoice(
                        title: "\(DecimalText.fixed(coordinate.latitude, digits: 6)), \(DecimalText.fixed(coordinate.longitude, digits: 6)) \(datum.rawValue)",
                        kind: language.pick("坐标", "coordinate"), action: .origin(.coordinate(coordinate, datum))))
                }
            }
            for landmark in catalogue.landmarks where matches(landmark.name) {
                let lines = landmark.lines.joined(separator: "/")
                choices.append(PickerChoice(title: landmark.name,
                                            kind: landmark.kind == "metro" ? language.pick("地铁站 ", "metro ") + lines : landmark.kind,
                                            action: .origin(.landmark(id: landmark.id))))
            }
            for subdistrict in catalogue.subdistricts where subdistrict.centre != nil
                && (matches(subdistrict.name) || matches(subdistrict.pinyin)) {
                choices.append(PickerChoice(title: subdistrict.name, kind: language.pick("街道", "subdistrict"),
                                            action: .origin(.subdistrict(code: subdistrict.code))))
            }
            if !needle.isEmpty {
                for point in catalogue.points where point.location != nil && matches(point.name) {
                    choices.append(PickerChoice(title: point.name, kind: catalogue.pointType(point.typeID)?.name ?? "",
                                                action: .origin(.point(id: point.id))))
                    if choices.count >= Self.pickerLimit { break }
                }
            }
        case .filter:
            if needle.isEmpty {
                choices.append(PickerChoice(title: language.pick("全部（不筛选）", "Everything (no filter)"), kind: "",
                                            action: .filter(.none)))
            }
            for domain in catalogue.domains where matches(domain.name) || matches(domain.nameEnglish) {
                choices.append(PickerChoice(title: domain.name, kind: language.pick("领域", "domain"),
                                            action: .filter(.domain(id: domain.id))))
            }
            for type in catalogue.pointTypes where matches(type.name) || matches(type.nameEnglish) {
                choices.append(PickerChoice(title: type.name, kind: language.pick("类型", "type"),
                                            action: .filter(.pointType(id: type.id))))
            }
            for item in catalogue.items where matches(item.name) {
                choices.append(PickerChoice(title: item.name, kind: language.pick("事项", "item"),
                                            action: .filter(.item(id: item.id))))
                if choices.count >= Self.pickerLimit { break }
            }
        }
        pickerChoices = choices
        var position = ListPosition()
        position.select(0, count: choices.count, visible: layout.visibleRows(for: page))
        positions[page.positionKey] = position
    }

    mutating func choosePicker(_ purpose: PickerPurpose, index: Int) {
        guard pickerChoices.indices.contains(index) else {
            message = language.pick("没有可选的项", "Nothing to choose")
            return
        }
        let action = pickerChoices[index].action
        pickerField = TextField()
        back()
        switch action {
        case .origin(let origin): setOrigin(origin)
        case .filter(let filter): setFilter(filter)
        }
    }
}
