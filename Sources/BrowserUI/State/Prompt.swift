/// A one-line field at the bottom of the screen, over the page it belongs to.
struct Prompt: Sendable, Hashable {
    enum Purpose: Sendable, Hashable {
        /// Search inside the text being read.
        case textSearch
        /// The nearby radius in metres.
        case radius
        /// The name to save "where I am" under.
        case placeName
    }

    var purpose: Purpose
    var field: TextField
}
