import Catalogue

/// The name search: a field, then hits grouped by kind with the matched characters highlighted.
enum FindView {
    static func render(_ state: BrowserState, layout: Layout, into screen: inout Screen, borders: Borders) {
        let language = state.language
        let catalogue = state.catalogue
        FieldView.render(label: language.pick("搜索：", "Find: "), field: state.findField,
                         row: layout.contentTop, width: layout.width, into: &screen)
        let hits = state.findRows.filter(\.isHit).count
        let info: String
        if state.findField.text.isEmpty {
            info = language.pick("输入事项、服务点或标准的名称", "Type a name of an item, point or standard")
        } else if hits == 0 {
            info = language.pick("没有找到", "Nothing found")
        } else {
            let shown = hits >= BrowserState.findLimit ? "\(hits)+" : "\(hits)"
            info = language.pick("找到 \(shown) 条", "\(shown) found")
        }
        screen.put(info, row: layout.contentTop + 1, column: 1, style: .dim, maxColumns: layout.width - 2)
        let position = state.positions[Page.find.positionKey] ?? ListPosition()
        let visible = layout.visibleRows(for: .find)
        let firstRow = layout.firstRow(for: .find)
        for index in Layout.rows(from: position.top, count: state.findRows.count, visible: visible) {
            let row = firstRow + index - position.top
            switch state.findRows[index] {
            case .heading(let kind, let count):
                screen.putRow("\(kindName(kind, language)) \(count)", row: row, column: 0, columns: layout.width,
                              style: .title, ellipsis: borders.ellipsis)
            case .hit(let record):
                let selected = index == position.cursor
                let style: Style = selected ? .selected : .normal
                screen.fill(row: row, column: 0, height: 1, width: layout.width, style: style)
                var tags: [SheetRow.Piece] = []
                if let detail = record.detail { tags.append(SheetRow.Piece(text: detail, style: .dim)) }
                switch record.kind {
                case .item:
                    if let item = catalogue.item(record.id) {
                        if record.detail == nil { tags.append(SheetRow.Piece(text: catalogue.domain(item.domainID)?.name ?? "", style: .dim)) }
                        if let badge = ProvenanceBadge.piece(item.provenance, language) { tags.insert(badge, at: 0) }
                    }
                case .point:
                    if let point = catalogue.point(record.id) {
                        if record.detail == nil { tags.append(SheetRow.Piece(text: catalogue.pointType(point.typeID)?.name ?? "", style: .dim)) }
                        if let badge = ProvenanceBadge.piece(point.provenance, language) { tags.insert(badge, at: 0) }
                    }
                case .standard:
                    if let standard = catalogue.standard(record.id) {
                        if record.detail == nil { tags.append(SheetRow.Piece(text: standard.code, style: .dim)) }
                    }
                case .domain:
                    break
                }
                screen.putRow(record.title, row: row, column: 2, columns: max(0, layout.width - 3), style: style,
                              highlights: record.highlights, tags: tags, ellipsis: borders.ellipsis)
            }
        }
    }

    static func kindName(_ kind: RecordKind, _ language: InterfaceLanguage) -> String {
        switch kind {
        case .domain: language.pick("领域", "Domains")
        case .item: language.pick("服务事项", "Items")
        case .point: language.pick("服务点", "Service points")
        case .standard: language.pick("标准与指南", "Standards and guides")
        }
    }
}
