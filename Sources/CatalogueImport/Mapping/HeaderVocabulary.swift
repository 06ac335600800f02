/// The header words Chinese offices use for each field, for `fuwu import --guess`.
public enum HeaderVocabulary {
    /// Exact headers (compared after `CellText.headerKey`), most specific first, per kind of table.
    public static func words(for field: RecordField, kind: RecordKind) -> [String] {
        switch (field, kind) {
        case (.id, _): return ["id", "编号", "记录编号", "fuwu编号"]
        case (.name, .items): return ["事项名称", "服务事项名称", "服务项目", "名称", "name"]
        case (.name, _): return ["名称", "服务点名称", "机构名称", "单位名称", "设施名称", "场所名称", "点位名称", "站点名称", "name"]
        case (.type, _): return ["类型", "设施类型", "服务点类型", "机构类型", "场所类型", "type"]
        case (.address, _): return ["地址", "详细地址", "服务地址", "机构地址", "办公地址", "address"]
        case (.longitude, _): return ["经度", "lng", "lon", "longitude", "x", "经度坐标"]
        case (.latitude, _): return ["纬度", "lat", "latitude", "y", "纬度坐标"]
        case (.coordinates, _): return ["经纬度", "坐标", "位置坐标", "地理坐标", "经纬度坐标", "coordinates"]
        case (.phone, _): return ["联系电话", "电话", "咨询电话", "服务电话", "联系方式", "phone"]
        case (.hours, _): return ["开放时间", "服务时间", "办公时间", "营业时间", "hours"]
        case (.subdistrict, _): return ["所属街道", "街道", "街道办", "subdistrict"]
        case (.community, _): return ["社区", "所属社区", "community"]
        case (.items, .standards): return ["适用事项", "相关事项", "items"]
        case (.items, _): return ["服务事项", "提供事项", "事项", "items"]
        case (.note, _): return ["备注", "说明", "note"]
        case (.domain, _): return ["领域", "服务领域", "domain"]
        case (.category, _): return ["类别", "服务类别", "category"]
        case (.recipients, _): return ["服务对象", "recipients"]
        case (.content, _): return ["服务内容", "content"]
        case (.standard, _): return ["服务标准", "standard"]
        case (.funding, _): return ["支出责任", "funding"]
        case (.lead, _): return ["牵头负责单位", "牵头单位", "责任单位", "lead"]
        case (.futian, _): return ["福田特色", "特色事项", "是否福田特色", "futian"]
        case (.pointTypes, _): return ["服务点类型", "point_types"]
        case (.standards, _): return ["相关标准", "标准", "standards"]
        case (.code, _): return ["标准编号", "标准号", "编号", "std_no", "code"]
        case (.title, _): return ["标准名称", "名称", "标题", "title_zh", "title"]
        case (.kind, _): return ["文本类型", "kind"]
        case (.level, _): return ["层级", "级别", "标准层级", "level"]
        case (.issued, _): return ["发布日期", "发布时间", "publish_date", "issued"]
        case (.effective, _): return ["实施日期", "实施时间", "implement_date", "effective"]
        case (.body, _): return ["正文", "body"]
        case (.draftingBody, _): return ["起草单位", "发布单位", "drafting_body"]
        case (.provenance, _): return ["provenance"]
        case (.source, _): return ["source"]
        case (.sourceDatum, _): return ["source_datum"]
        case (.sourceLongitude, _): return ["source_longitude"]
        case (.sourceLatitude, _): return ["source_latitude"]
        case (.importedFile, _): return ["imported_file"]
        case (.importedSheet, _): return ["imported_sheet"]
        case (.importedRow, _): return ["imported_row"]
        case (.importedDate, _): return ["imported_date"]
        }
    }

    /// Headers that say the table lists items or standards rather than points.
    static let itemSigns: Set<String> = ["服务对象", "服务内容", "支出责任", "牵头负责单位", "recipients", "funding"]
    static let standardSigns: Set<String> = ["标准编号", "标准号", "std_no", "发布日期", "实施日期", "publish_date", "implement_date", "标准名称"]

    /// The kind of table a header row suggests.
    public static func kind(ofHeader cells: [String]) -> RecordKind {
        let keys = Set(cells.map(CellText.headerKey))
        if !keys.isDisjoint(with: itemSigns) { return .items }
        if !keys.isDisjoint(with: standardSigns) { return .standards }
        return .points
    }

    /// The fields a header row names, with the column each stands in (first column wins).
    public static func fields(ofHeader cells: [String], kind: RecordKind) -> [RecordField: Int] {
        var result: [RecordField: Int] = [:]
        var used: Set<Int> = []
        for field in RecordField.fields(of: kind) {
            let words = words(for: field, kind: kind).map(CellText.headerKey)
            // The most specific word first, then the left-most column holding it.
            outer: for word in words {
                for (index, cell) in cells.enumerated() where !used.contains(index) && CellText.headerKey(cell) == word {
                    result[field] = index
                    used.insert(index)
                    break outer
                }
            }
        }
        // A header that says its datum (经度(高德), lng_bd09) is matched by its start.
        for (field, words) in [(RecordField.longitude, ["经度", "lng", "lon"]), (.latitude, ["纬度", "lat"]), (.coordinates, ["经纬度", "坐标"])]
        where result[field] == nil {
            for (index, cell) in cells.enumerated() where !used.contains(index) {
                let key = CellText.headerKey(cell)
                if words.contains(where: { key.hasPrefix($0) || key.hasSuffix("_" + $0) }) {
                    result[field] = index
                    used.insert(index)
                    break
                }
            }
        }
        return result
    }
}
