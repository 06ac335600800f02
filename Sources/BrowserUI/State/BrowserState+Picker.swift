import Catalogue
import Geodesy

extension BrowserState {
    /// How many choices a picker lists at most.
    static let pickerLimit = 300

    /// Rebuilds the picker's choices for its field's text.
    mutating func refreshPicker() {
        guard case .picker(let purpose) = page else { return }
        let needle = SubstringNameSearch.fold(pickerField.text.filter { !$0.isWhitespace })
        let names = context.pickerNames.value
        func matches(_ folded: [Character]) -> Bool {
            needle.isEmpty || SubstringNameSearch.firstIndex(of: needle, in: folded) != nil
        }
        var choices: [PickerChoice] = []
        switch purpose {
        case .origin:
            if let (coordinate, datum) = OriginText.coordinate(pickerField.text) {
                for datum in datum.map({ [$0] }) ?? Datum.allCases {
                    choices.append(PickerChoice(
                        title: "\(DecimalText.fixed(coordinate.latitude, digits: 6)), \(DecimalText.fixed(coordinate.longitude, digits: 6)) \(datum.rawValue)",
                        kind: language.pick("坐标", "coordinates"), action: .origin(.coordinate(coordinate, datum))))
                }
            }
            var seen = Set<NearbyOrigin>()
            func add(_ origin: NearbyOrigin, _ title: String, _ kind: String) {
                guard choices.count < Self.pickerLimit, seen.insert(origin).inserted else { return }
                choices.append(PickerChoice(title: title, kind: kind, action: .origin(origin)))
            }
            // The user's own places come first; a saved name equal to a catalogue name wins.
            if OriginText.coordinate(pickerField.text) == nil {
                for saved in context.userState.savedPlaces() where matches(SubstringNameSearch.fold(saved.name)) {
                    add(.saved(saved), saved.name, language.pick("我的地点", "my place"))
                }
            }
            func add(_ candidate: LocationCandidate) {
                switch candidate.kind {
                case .landmark: add(.landmark(id: candidate.id), candidate.name, stationKind(candidate.id))
                case .subdistrict: add(.subdistrict(code: candidate.id), candidate.name, language.pick("街道", "subdistrict"))
                case .servicePoint:
                    guard candidate.location != nil else { return }
                    add(.point(id: candidate.id), candidate.name, language.pick("服务点", "service point"))
                case .savedPlace:
                    break
                case .community:
                    guard catalogue.subdistrict(candidate.id)?.centre != nil else { return }
                    add(.subdistrict(code: candidate.id), "\(candidate.name) → \(candidate.subdistrictName ?? "")",
                        language.pick("社区（用街道中心）", "community (subdistrict centre)"))
                }
            }
            if !needle.isEmpty, OriginText.coordinate(pickerField.text) == nil {
                let (best, also) = context.locations.value.matches(for: pickerField.text)
                for candidate in best + also { add(candidate) }
            }
            for (index, landmark) in catalogue.landmarks.enumerated() where matches(names.landmarks[index]) {
                add(.landmark(id: landmark.id), landmark.name, stationKind(landmark.id))
            }
            for (index, subdistrict) in catalogue.subdistricts.enumerated() where subdistrict.centre != nil
                && (matches(names.subdistricts[index].name) || matches(names.subdistricts[index].pinyin)) {
                add(.subdistrict(code: subdistrict.code), subdistrict.name, language.pick("街道", "subdistrict"))
            }
            if !needle.isEmpty {
                for index in catalogue.points.indices where matches(names.points[index]) {
                    let point = catalogue.point(at: index)
                    guard point.location != nil else { continue }
                    add(.point(id: point.id), point.name, catalogue.pointType(point.typeID)?.name ?? "")
                    if choices.count >= Self.pickerLimit { break }
                }
            }
        case .filter:
            if needle.isEmpty {
                choices.append(PickerChoice(title: language.pick("全部（不筛选）", "Everything (no filter)"), kind: "",
                                            action: .filter(.none)))
            }
            for (index, domain) in catalogue.domains.enumerated()
            where matches(names.domains[index].name) || matches(names.domains[index].english) {
                choices.append(PickerChoice(title: domain.name, kind: language.pick("领域", "domain"),
                                            action: .filter(.domain(id: domain.id))))
            }
            for (index, type) in catalogue.pointTypes.enumerated()
            where matches(names.pointTypes[index].name) || matches(names.pointTypes[index].english) {
                choices.append(PickerChoice(title: type.name, kind: language.pick("类型", "type"),
                                            action: .filter(.pointType(id: type.id))))
            }
            for (index, item) in catalogue.items.enumerated() where matches(names.items[index]) {
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

    /// "地铁站 2/4号线"-style kind label of a landmark.
    func stationKind(_ id: String) -> String {
        guard let landmark = catalogue.landmarks.first(where: { $0.id == id }) else { return "" }
        guard landmark.kind == "metro" else { return landmark.kind }
        let lines = landmark.lines.joined(separator: "/")
        return language.pick("地铁站 \(lines)", "metro \(lines)")
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
