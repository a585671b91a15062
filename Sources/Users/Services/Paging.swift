import Platform

// FluentKit has its own `Page` and `PageRequest`; inside Users these names mean the platform's envelope paging.
typealias Page = Platform.Page
typealias PageRequest = Platform.PageRequest
