import Foundation

extension Event {
    /// The event as one JSON object, the form `lore log --format json` prints and bundle
    /// lines carry: `id`, `body` (the exact body text), `payload` (raw JSON or null once
    /// erased), `salt` and `sig` (base64), plus informational copies of body fields.
    public func jsonRecord() -> String {
        let h = header
        var out = "{\"id\":\"\(id.hex)\""
        out += ",\"kind\":" + JSONText.quote(h.kindName)
        out += ",\"stream\":" + JSONText.quote(h.stream)
        out += ",\"replica\":" + JSONText.quote(h.replica.rawValue)
        out += ",\"seq\":\(h.seq)"
        out += ",\"hlc\":{\"ms\":\(h.hlc.wallMillis),\"c\":\(h.hlc.counter)}"
        out += ",\"recorded\":" + JSONText.quote(h.hlc.iso8601)
        out += ",\"author\":" + JSONText.quote(h.author)
        out += ",\"body\":" + JSONText.quote(String(decoding: body, as: UTF8.self))
        out += ",\"payload\":" + (payload.map { String(decoding: $0, as: UTF8.self) } ?? "null")
        out += ",\"salt\":" + (salt.map { "\"\($0.base64EncodedString())\"" } ?? "null")
        out += ",\"sig\":\"\(signature.base64EncodedString())\"}"
        return out
    }
}
