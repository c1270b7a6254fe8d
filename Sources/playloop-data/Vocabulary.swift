/// The words the generator builds names, subjects and transcripts from, as UTF-8 bytes
/// so rows are assembled without Strings. Some are accented and some carry commas,
/// quotes and line breaks, to exercise CSV and JSON quoting.
enum Vocabulary {
  static func utf8(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

  /// First names and the ASCII form used in e-mail addresses.
  static let firstNames = utf8([
    "Zoë", "José", "Chloé", "Björn", "François", "Søren", "Łukasz", "Renée", "Anaïs", "Jürgen",
    "Mårten", "Siobhán", "Amélie", "Nuño", "Ingrid", "Aoife", "Kwame", "Mateo", "Priya", "Wei",
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mason",
    "Isabella", "Leo", "Hannah", "Oscar", "Grace", "Hugo", "Lena", "Felix", "Nora", "Omar",
    "Fatima", "Yuki", "Aarav", "Chiara", "Dmitri", "Elif", "Tomás", "Agnieszka", "Kofi", "Ana",
  ])
  static let firstSlugs = utf8([
    "zoe", "jose", "chloe", "bjorn", "francois", "soren", "lukasz", "renee", "anais", "jurgen",
    "marten", "siobhan", "amelie", "nuno", "ingrid", "aoife", "kwame", "mateo", "priya", "wei",
    "olivia", "liam", "emma", "noah", "ava", "lucas", "mia", "ethan", "sofia", "mason",
    "isabella", "leo", "hannah", "oscar", "grace", "hugo", "lena", "felix", "nora", "omar",
    "fatima", "yuki", "aarav", "chiara", "dmitri", "elif", "tomas", "agnieszka", "kofi", "ana",
  ])
  static let lastNames = utf8([
    "Núñez", "Müller", "O'Brien", "Dubois", "García", "Bergström", "Kowalski", "Rossi",
    "Smith", "Johnson", "Brown", "Nguyen", "Martin", "Schmidt", "Ek", "Walsh", "Mensah",
    "Petit", "Laurent", "Jones", "Chen", "Patel", "Silva", "Santos", "Novák", "Andersen",
    "van der Berg", "Fernández", "Lefèvre", "Yılmaz", "Okafor", "Tanaka", "Kim", "Cohen",
    "Moreau", "Larsen", "Costa", "Horvát", "Murphy", "Ivanova",
  ])
  static let lastSlugs = utf8([
    "nunez", "muller", "obrien", "dubois", "garcia", "bergstrom", "kowalski", "rossi",
    "smith", "johnson", "brown", "nguyen", "martin", "schmidt", "ek", "walsh", "mensah",
    "petit", "laurent", "jones", "chen", "patel", "silva", "santos", "novak", "andersen",
    "vanderberg", "fernandez", "lefevre", "yilmaz", "okafor", "tanaka", "kim", "cohen",
    "moreau", "larsen", "costa", "horvat", "murphy", "ivanova",
  ])
  static let nicknames = utf8(["Bo", "Kiki", "Sunny", "Red", "Ace", "Jazz", "Duke", "Pip"])
  static let suffixes = utf8([", Jr.", ", Sr.", ", PhD"])
  static let emailDomains = utf8(["example.com", "example.org", "example.net", "mail.example"])

  /// Countries with the E.164 prefix and the count of random digits after it.
  static let countries: [(code: [UInt8], phonePrefix: [UInt8], digits: Int, weight: Int)] = [
    ("US", "+1555", 7, 30), ("GB", "+447700", 6, 12), ("DE", "+49151", 8, 10),
    ("FR", "+336", 8, 9), ("ES", "+346", 8, 7), ("MX", "+5255", 8, 6), ("CA", "+1555", 7, 6),
    ("BR", "+55119", 8, 6), ("NL", "+316", 8, 5), ("SE", "+4670", 7, 4), ("IE", "+35385", 7, 3),
    ("PL", "+4850", 7, 2),
  ].map { (Array($0.0.utf8), Array($0.1.utf8), $0.2, $0.3) }
  static let countryWeights = countries.map(\.weight)

  static let tiers = utf8(["bronze", "silver", "gold"])
  static let ticketKinds = utf8(["complaint", "question", "request", "feedback"])
  static let channels = utf8(["email", "chat", "phone", "social"])
  static let orderStatuses = utf8(["completed", "refunded", "cancelled", "pending"])
  static let agents = utf8([
    "Priya S.", "Marcus T.", "Élodie R.", "Tom B.", "Aisha K.", "Jonas W.", "Mei L.",
    "Carlos D.", "Hana N.", "Sam O.",
  ])

  /// Ticket subjects by kind (indexes as in `ticketKinds`); `#` is replaced by an order
  /// number.
  static let subjects: [[[UInt8]]] = [
    utf8([
      "Order # arrived damaged", "Still waiting for my refund", "Charged twice, please fix",
      "Rude agent on the phone", "The \"express\" delivery took 9 days",
      "App keeps crashing, can't log in", "Wrong size sent, again\nSecond time this month",
      "Package lost — tracking says delivered", "Nobody answers my emails", "Broken on arrival",
      "Order # is missing an item", "Refund promised, never came",
    ]),
    utf8([
      "How do I change my address?", "Do you ship to Canada?", "Where is order #?",
      "Can I pay by invoice?", "Which size should I pick, M or L?", "Warranty question",
      "Is the \"Pro\" plan worth it?", "Opening hours over the holidays",
    ]),
    utf8([
      "Please update my email", "Invoice for order #, please", "Change delivery date",
      "Add a gift note to order #", "Reset my password", "Split payment, if possible",
      "Send the receipt again", "Upgrade my plan",
    ]),
    utf8([
      "Great service from Priya!", "Love the new app", "Suggestion: add \"dark mode\"",
      "Delivery was quick, thanks", "The checkout is confusing", "Merci beaucoup, très rapide",
    ]),
  ]

  static let callOpeners = utf8([
    "Customer called about order #.", "Customer asked about a late delivery.",
    "Caller wanted to check the status of order #.", "Customer reported a billing problem.",
    "Customer had questions about the warranty.", "Caller asked to update the address.",
  ])
  static let callMiddles = utf8([
    "Agent: I'm sorry about that.\nCustomer: \"It's the third time this year.\"",
    "Agent checked the order history and found the delay at the warehouse.",
    "Customer was friendly and patient.", "Customer sounded frustrated about the wait.",
    "Agent explained the refund policy.", "Customer said the product works fine now.",
    "Agent offered a replacement.", "Customer mentioned the app is hard to use.",
  ])
  /// Sentences that mention leaving; the only ones containing cancel/switch/competitor.
  static let churnSentences = utf8([
    "Customer said they will cancel unless the refund arrives this week.",
    "Customer mentioned switching to another provider.",
    "Said a competitor offers the same plan for less.",
    "Asked how to close the account and cancel the subscription.",
    "Customer: \"Honestly, I'm thinking of switching.\"",
    "Wants to cancel the contract; the competitor called them last week.",
  ])
  static let callClosers = utf8([
    "Agent apologised and issued a credit.", "Resolved on the call.",
    "Escalated to the billing team.", "Agent promised a call back tomorrow.",
    "Customer thanked Élodie for the help.", "No further action needed.",
  ])
}
