/// Recognises the failures of reading a `multipart/form-data` body, which are the client's malformed body.
///
/// MultipartKit reports syntax errors with a type private to its parser, so no `case let … as` can name it;
/// the module the error's type comes from is what tells it apart (its public `MultipartError`, a missing
/// boundary or a part that does not convert, comes from the same module and is the same kind of failure).
enum UnreadableMultipart {
    static func matches(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("MultipartKit.")
    }
}
