/// First and last names from many countries, so seeded members read like a real international marketplace.
enum PersonNames {
    static let first = [
        "Amelia", "Noah", "Sofia", "Liam", "Chloé", "Mateo", "Aisha", "Lucas", "Yuki", "Omar", "Emma", "Arjun",
        "Hannah", "Diego", "Fatima", "Jonas", "Mei", "Ethan", "Zara", "Leon", "Isabella", "Kwame", "Olivia", "Hugo",
        "Priya", "Felix", "Camila", "Samuel", "Leila", "Marco", "Ingrid", "Tomás", "Nadia", "Kenji", "Grace", "Ali",
        "Elena", "Oscar", "Amara", "Pierre", "Sara", "Daniel", "Maya", "Luca", "Ana", "Ravi", "Julia", "Mohamed",
    ]
    static let last = [
        "Martin", "Smith", "García", "Müller", "Rossi", "Dubois", "Khan", "Tanaka", "Silva", "Kowalski", "Novak",
        "Johansson", "Okafor", "Nguyen", "Haddad", "Fernández", "Jensen", "Costa", "Ivanova", "Patel", "Kim",
        "Schmidt", "Moreau", "Yilmaz", "O'Brien", "Laurent", "Andersen", "Mensah", "Sato", "Rahman", "Weber",
        "Lopez", "Bianchi", "Dias", "Cohen", "Fischer", "Petrov", "Santos", "Wright", "Chen",
    ]
}
