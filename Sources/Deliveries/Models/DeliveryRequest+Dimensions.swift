extension DeliveryRequest.Dimensions {
    /// Centimetres; for code that builds requests outside the HTTP input (demo data, benchmarks). The
    /// memberwise initializer stays internal to the module.
    public static func measured(length: Double, width: Double, height: Double) -> Self {
        Self(length: length, width: width, height: height)
    }
}
