import Platform

// Fluent also exports `Page` and `PageRequest`; the module means the platform's.
typealias Page = Platform.Page
typealias PageRequest = Platform.PageRequest
