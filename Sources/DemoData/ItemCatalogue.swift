import Trips

/// Things people really send with travelers, with plausible weights (kg), sizes (cm) and values (euros).
public struct DemoItem: Sendable {
    public var name: String
    public var title: String
    public var category: ItemCategory
    public var weight: ClosedRange<Double>
    public var dimensions: (length: Double, width: Double, height: Double)
    public var euros: ClosedRange<Double>
    public var fragile: Bool
    public var perishable: Bool
}

enum ItemCatalogue {
    static let items: [DemoItem] = [
        item("Signed contract", "Signed contract for our lawyer", .documents, 0.1...0.4, (32, 24, 1), 0...50),
        item("Visa application papers", "Visa papers for my mother", .documents, 0.1...0.5, (32, 24, 2), 0...50),
        item("University diploma", "Original diploma for my new employer", .documents, 0.2...0.6, (40, 30, 2), 0...100),
        item("Laptop", "Laptop for my sister", .electronics, 1.2...2.5, (36, 26, 4), 500...1_800),
        item("Smartphone", "New phone for my dad", .electronics, 0.2...0.5, (18, 10, 6), 300...1_200),
        item(
            "Camera lens", "Camera lens back from repair", .electronics, 0.4...1.5, (15, 10, 10), 300...2_000,
            fragile: true),
        item("Headphones", "Noise-cancelling headphones", .electronics, 0.3...0.6, (22, 20, 9), 100...400),
        item("Winter coat", "Winter coat I forgot at home", .clothing, 1...2.5, (50, 40, 12), 80...400),
        item("Tailored suit", "Suit for a wedding", .clothing, 1.5...3, (60, 45, 10), 200...900),
        item("Designer handbag", "Handbag for a birthday", .accessories, 0.5...1.5, (35, 25, 15), 300...2_500),
        item("Sunglasses", "Prescription sunglasses", .accessories, 0.1...0.3, (18, 8, 6), 80...400, fragile: true),
        item("Box of books", "Books for my course", .books, 3...8, (40, 30, 25), 40...200),
        item(
            "Rare first edition", "First edition for a collector", .books, 0.5...1.5, (26, 20, 5), 300...3_000,
            fragile: true),
        item("Specialty coffee beans", "Coffee beans from home", .food, 0.5...2, (25, 15, 10), 20...80),
        item("Homemade jam", "Homemade jam for grandma", .food, 1...3, (30, 20, 15), 10...40, fragile: true),
        item(
            "Birthday cake", "Birthday cake from our bakery", .food, 1...2.5, (30, 30, 15), 30...90, fragile: true,
            perishable: true),
        item(
            "Prescription medicine", "Medicine my aunt cannot buy locally", .medicine, 0.1...0.8, (20, 15, 10), 20...300
        ),
        item("Skincare set", "Skincare set for a friend", .cosmetics, 0.5...1.5, (25, 20, 10), 50...250),
        item("Perfume", "Perfume as a gift", .cosmetics, 0.3...0.8, (15, 10, 8), 60...250, fragile: true),
        item("Wedding gift", "Wedding gift for my cousin", .gifts, 1...4, (40, 30, 20), 50...400),
        item("Birthday present", "Birthday present for my nephew", .gifts, 0.5...3, (35, 25, 15), 30...200),
        item("LEGO set", "LEGO set for my son", .toys, 1...3, (48, 38, 12), 60...300),
        item("Board game", "Board game for our club", .toys, 1...2.5, (30, 30, 8), 30...90),
        item("Tennis racket", "Tennis racket back from stringing", .sports, 0.3...0.6, (70, 30, 5), 100...300),
        item("Running shoes", "Running shoes for the marathon", .sports, 0.6...1.2, (33, 22, 12), 80...200),
        item("Framed painting", "Painting for a gallery", .art, 2...6, (70, 50, 6), 300...4_000, fragile: true),
        item("Ceramic vase", "Hand-made ceramic vase", .art, 1...3, (30, 30, 40), 80...600, fragile: true),
        item("Watch", "Watch back from service", .jewelry, 0.2...0.5, (12, 10, 8), 500...5_000),
        item("Necklace", "Family necklace for my sister", .jewelry, 0.1...0.3, (15, 10, 4), 300...3_000),
        item("Vinyl records", "Vinyl records from a fair", .other, 2...6, (33, 33, 20), 60...400, fragile: true),
        item("Car keys", "Spare car keys", .other, 0.1...0.3, (15, 10, 4), 20...200),
    ]

    private static func item(
        _ name: String, _ title: String, _ category: ItemCategory, _ weight: ClosedRange<Double>,
        _ dimensions: (Double, Double, Double), _ euros: ClosedRange<Double>, fragile: Bool = false,
        perishable: Bool = false
    ) -> DemoItem {
        DemoItem(
            name: name, title: title, category: category, weight: weight,
            dimensions: (dimensions.0, dimensions.1, dimensions.2), euros: euros, fragile: fragile,
            perishable: perishable)
    }
}
