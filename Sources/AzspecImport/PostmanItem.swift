/// One entry of a collection's or folder's `item` list.
enum PostmanItem: Sendable {
    case folder(PostmanFolder)
    case request(PostmanRequestItem)
    /// Neither a folder nor a request (no `item`, no usable `request`).
    case unusable(name: String)
}

/// A folder (Postman's ItemGroup): its items, and the auth and scripts they inherit.
struct PostmanFolder: Sendable {
    let name: String
    let items: [PostmanItem]
    let auth: PostmanAuth?
    let events: [PostmanEvent]
}

/// A request item: the request and its own scripts.
struct PostmanRequestItem: Sendable {
    let name: String
    let request: PostmanRequest
    let events: [PostmanEvent]
}
