import Foundation

/// Other names people write for countries; the gazetteer itself carries one English name per country.
/// Keys are in `SearchText.normalize` form.
enum CountryAliases {
    static let byName: [String: String] = [
        "usa": "US", "u s a": "US", "u s": "US", "united states of america": "US", "america": "US",
        "the united states": "US", "estados unidos": "US", "etats unis": "US",
        "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
        "wales": "GB", "northern ireland": "GB", "the united kingdom": "GB",
        "uae": "AE", "u a e": "AE", "emirates": "AE",
        "korea": "KR", "republic of korea": "KR", "north korea": "KP", "dprk": "KP",
        "russian federation": "RU", "rossiya": "RU", "czech republic": "CZ", "cesko": "CZ", "czech": "CZ",
        "holland": "NL", "the netherlands": "NL", "nederland": "NL", "deutschland": "DE",
        "espana": "ES", "italia": "IT", "brasil": "BR", "turkiye": "TR", "ivory coast": "CI", "cote divoire": "CI",
        "drc": "CD", "democratic republic of the congo": "CD", "congo kinshasa": "CD",
        "republic of the congo": "CG", "congo brazzaville": "CG", "burma": "MM", "viet nam": "VN", "lao": "LA",
        "swaziland": "SZ", "cabo verde": "CV", "east timor": "TL", "macedonia": "MK", "schweiz": "CH",
        "suisse": "CH", "svizzera": "CH", "osterreich": "AT", "sverige": "SE", "norge": "NO", "danmark": "DK",
        "suomi": "FI", "polska": "PL", "magyarorszag": "HU", "hellas": "GR", "ellada": "GR", "nippon": "JP",
        "nihon": "JP", "prc": "CN", "mainland china": "CN", "peoples republic of china": "CN", "bharat": "IN",
        "the bahamas": "BS", "the gambia": "GM", "holy see": "VA", "vatican": "VA", "saudi": "SA", "ksa": "SA",
        "federated states of micronesia": "FM", "bosnia": "BA", "kosova": "XK", "byelorussia": "BY",
        "kyrgyz republic": "KG", "slovak republic": "SK", "eire": "IE", "republic of ireland": "IE",
        "aotearoa": "NZ", "persia": "IR", "ceylon": "LK", "siam": "TH", "taiwan roc": "TW",
        "republic of china": "TW", "hong kong sar": "HK", "macao": "MO", "palestinian territories": "PS",
        "state of palestine": "PS", "trinidad": "TT", "sao tome": "ST", "timor leste": "TL", "belgie": "BE",
        "belgique": "BE", "mexique": "MX", "allemagne": "DE", "espagne": "ES", "angleterre": "GB",
    ]
}

/// Postal abbreviations of states and provinces, mapped to the region names used in the gazetteer.
/// Some abbreviations are ambiguous across countries ("WA"), so each maps to every region it may mean.
enum RegionAbbreviations {
    static let byCode: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (code, region) in unitedStates.merging(canada, uniquingKeysWith: { first, _ in first }) {
            table[code.lowercased(), default: []].append(region)
        }
        for (code, region) in australia {
            table[code.lowercased(), default: []].append(region)
        }
        return table
    }()

    private static let unitedStates: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
        "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
        "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
        "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
        "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
        "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
        "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
        "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
        "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    ]

    private static let canada: [String: String] = [
        "ON": "Ontario", "QC": "Quebec", "BC": "British Columbia", "AB": "Alberta", "MB": "Manitoba",
        "SK": "Saskatchewan", "NS": "Nova Scotia", "NB": "New Brunswick", "NL": "Newfoundland and Labrador",
        "PE": "Prince Edward Island", "YT": "Yukon", "NT": "Northwest Territories", "NU": "Nunavut",
    ]

    private static let australia: [String: String] = [
        "NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "WA": "Western Australia",
        "SA": "South Australia", "TAS": "Tasmania", "NT": "Northern Territory", "ACT": "Australian Capital Territory",
    ]
}
