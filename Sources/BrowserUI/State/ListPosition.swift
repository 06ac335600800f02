/// A list's selected row and the first row shown.
struct ListPosition: Sendable, Hashable {
    var cursor = 0
    var top = 0

    /// Moves the cursor to `index` (clamped to `count` rows) and scrolls so it stays within
    /// `visible` rows.
    mutating func select(_ index: Int, count: Int, visible: Int) {
        cursor = count == 0 ? 0 : min(max(0, index), count - 1)
        reveal(count: count, visible: visible)
    }

    /// Keeps the cursor inside the visible window and the window inside the list.
    mutating func reveal(count: Int, visible: Int) {
        let rows = max(1, visible)
        cursor = count == 0 ? 0 : min(max(0, cursor), count - 1)
        if cursor < top { top = cursor }
        if cursor >= top + rows { top = cursor - rows + 1 }
        top = max(0, min(top, max(0, count - rows)))
    }

    /// Scrolls the window by `delta` rows without a cursor (text views).
    mutating func scroll(by delta: Int, count: Int, visible: Int) {
        top = max(0, min(top + delta, max(0, count - max(1, visible))))
        cursor = top
    }
}
