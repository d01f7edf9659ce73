import CadenceCore
import Foundation

/// What a tracker's status cell means: the stage it puts an application at
/// and, where it names one, the happening behind it (an "Onsite" is an
/// interview round, a "Recruiter Screen" a screen), so that an imported
/// application gets the events a logged one has and its follow-ups are
/// planned from them. "Archived" sets the application aside.
///
///     SheetStatus.meaning(of: "On-site")        // interviewing, an interview round
///     SheetStatus.meaning(of: "Not Selected")   // rejected, a rejection
///     SheetStatus.meaning(of: "Take-home")      // interviewing, no event: a correction sets the stage
public struct SheetStatus: Hashable, Sendable {
    /// The stage it puts the application at; nil when it sets it aside (archived).
    public var stage: Stage?
    /// The event it means, if any; otherwise the stage is set by a correction.
    public var event: EventKind?
    /// For an interview: its round ("final" makes the stage final).
    public var round: String?

    /// Set aside: archived, kept, out of the lists.
    public static let setAside = SheetStatus(stage: nil, event: nil, round: nil)

    /// A stage with the event that usually brings it about.
    public init(_ stage: Stage) {
        self.stage = stage
        switch stage {
        case .saved: event = .saved
        case .applied: event = .applied
        case .screening: event = .screen
        case .interviewing: event = .interview
        case .final: event = .interview; round = "final"
        case .offer: event = .offerReceived
        case .negotiating: event = .negotiationRound
        case .accepted: event = .acceptance
        case .declined: event = .decline
        case .rejected: event = .rejection
        case .withdrawn: event = .withdrawal
        case .ghosted: event = .ghosted
        }
    }

    init(stage: Stage?, event: EventKind?, round: String?) {
        self.stage = stage
        self.event = event
        self.round = round
    }

    /// Case, spaces and punctuation do not matter: "On-site", "onsite" and
    /// "ON SITE" are one status. Letters and digits only, lowercased.
    public static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    /// The meaning of `text`, from `overrides` (the user's `--map-status`,
    /// keyed by `key`) first, then the vocabulary; nil when unknown.
    public static func meaning(of text: String, overrides: [String: SheetStatus] = [:]) -> SheetStatus? {
        let k = key(text)
        return overrides[k] ?? vocabulary[k]
    }

    /// What `--map-status TEXT=STAGE` can name: a stage, or "archived".
    public init(naming target: String) throws {
        // Setting aside is named as the vocabulary names it ("archived", "set aside").
        if SheetStatus.vocabulary[SheetStatus.key(target)] == .setAside {
            self = .setAside
            return
        }
        self.init(try Stage(parsing: target, field: "--map-status"))
    }

    /// A guess at the stage an unknown status means, for the command that maps it.
    public static func guess(_ text: String) -> String {
        let k = key(text)
        let hints: [(String, String)] = [("reject", "rejected"), ("offer", "offer"), ("withdr", "withdrawn"),
                                         ("final", "final"), ("screen", "screening"), ("call", "screening"),
                                         ("interview", "interviewing"), ("ghost", "ghosted"), ("archiv", "archived"),
                                         ("apply", "saved"), ("appli", "applied")]
        // Nothing to go on: "applied", the stage that claims least beyond having a status at all.
        return hints.first { k.contains($0.0) }?.1 ?? "applied"
    }

    /// The statuses trackers and people write, by `key`.
    static let vocabulary: [String: SheetStatus] = {
        var words: [String: SheetStatus] = [:]
        func add(_ meaning: SheetStatus, _ texts: [String]) {
            for text in texts { words[key(text)] = meaning }
        }
        for stage in Stage.allCases { words[key(stage.rawValue)] = SheetStatus(stage) }
        add(SheetStatus(.saved), ["wishlist", "wish list", "bookmarked", "interested", "to apply", "not applied",
                                  "not yet applied", "planning to apply", "researching", "prospect", "lead"])
        add(SheetStatus(.applied), ["submitted", "application submitted", "applied online", "in progress", "in review",
                                    "under review", "pending", "awaiting response", "waiting", "sent", "application sent"])
        add(SheetStatus(.screening), ["screen", "phone screen", "recruiter screen", "recruiter call", "hiring manager screen",
                                      "hm screen", "manager screen", "phone interview", "phone call", "intro call",
                                      "introductory call", "initial call", "initial screen", "screening call", "first call"])
        add(SheetStatus(.interviewing), ["interview", "interviews", "onsite", "on site", "onsite interview", "technical interview",
                                         "technical", "tech interview", "video interview", "virtual onsite", "panel",
                                         "panel interview", "second interview", "2nd interview", "third interview",
                                         "3rd interview", "interview scheduled", "interviewed", "coding interview",
                                         "system design", "behavioral interview", "behavioural interview"])
        // An assignment is no interview round: the stage is set, no event invented.
        add(SheetStatus(stage: .interviewing, event: nil, round: nil),
            ["take home", "takehome", "take home assignment", "assignment", "assessment", "coding challenge",
             "case study", "homework"])
        add(SheetStatus(.final), ["final round", "final interview", "finals", "final stage"])
        add(SheetStatus(.offer), ["offered", "offer received", "offer extended", "got offer", "verbal offer"])
        add(SheetStatus(.negotiating), ["negotiation", "negotiating offer"])
        add(SheetStatus(.accepted), ["hired", "accepted offer", "offer accepted", "signed"])
        add(SheetStatus(.declined), ["rejected offer", "declined offer", "offer declined", "i declined", "turned down offer"])
        add(SheetStatus(.rejected), ["rejection", "not selected", "not moving forward", "declined by them",
                                     "declined by company", "declined by employer", "no offer", "position filled",
                                     "role filled", "unsuccessful", "turned down", "they declined", "rejected me"])
        add(SheetStatus(.withdrawn), ["withdrew", "i withdrew", "withdrawn by me", "withdrew application",
                                      "no longer interested", "not interested", "pulled out"])
        add(SheetStatus(.ghosted), ["no response", "no reply", "cold", "no answer", "never heard back"])
        add(.setAside, ["archived", "archive", "closed", "set aside", "inactive"])
        // Sheets kept in German, French or Dutch (the regions' own languages).
        add(SheetStatus(.saved), ["gemerkt", "merkliste", "à postuler", "a postuler", "bewaard"])
        add(SheetStatus(.applied), ["beworben", "bewerbung gesendet", "bewerbung verschickt", "in bearbeitung",
                                    "candidature envoyée", "postulé", "en attente", "gesolliciteerd", "sollicitatie verstuurd"])
        add(SheetStatus(.screening), ["telefoninterview", "telefonat", "erstgespräch", "entretien téléphonique",
                                      "telefonisch gesprek", "kennismakingsgesprek"])
        add(SheetStatus(.interviewing), ["vorstellungsgespräch", "bewerbungsgespräch", "zweitgespräch", "entretien",
                                         "sollicitatiegesprek", "gesprek"])
        add(SheetStatus(.final), ["finale runde", "entretien final", "laatste ronde"])
        add(SheetStatus(.offer), ["angebot", "vertragsangebot", "offre", "offre reçue", "aanbod"])
        add(SheetStatus(.accepted), ["zusage angenommen", "angebot angenommen", "offre acceptée", "aangenomen"])
        add(SheetStatus(.rejected), ["absage", "abgelehnt", "refus", "refusé", "candidature refusée", "afgewezen"])
        add(SheetStatus(.withdrawn), ["zurückgezogen", "désisté", "teruggetrokken"])
        add(SheetStatus(.ghosted), ["keine antwort", "sans réponse", "geen reactie"])
        return words
    }()
}
