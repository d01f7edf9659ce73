import Foundation
import Testing
@testable import LuaBinding

@Suite("Lua values become Decodable values, failing closed")
struct LuaValueDecoderTests {
    struct Money: Codable, Equatable { var minorUnits: Int64; var currency: String }
    enum Status: String, Codable { case received, accepted }
    struct Offer: Codable, Equatable {
        var id: Int64?
        var company: String
        var base: Money
        var benefits: [String: String]
        var tags: [String]
        var status: Status
        var remote: Bool
        var ratio: Double
    }

    @Test("what LuaValueEncoder makes reads back the same; a table from Lua reads as well")
    func roundTrip() throws {
        let offer = Offer(id: 7, company: "Acme", base: Money(minorUnits: 5_500_000, currency: "GBP"),
                          benefits: ["holiday": "25 days"], tags: ["a", "b"], status: .accepted, remote: true, ratio: 0.5)
        #expect(try LuaValueDecoder().decode(Offer.self, from: try LuaValueEncoder().encode(offer)) == offer)
        let lua = try LuaState()
        let made = try lua.run("""
            return { company = "Acme", base = { minorUnits = 5500000, currency = "GBP" }, benefits = {},
                     tags = {}, status = "received", remote = false, ratio = 1 }
            """)
        let read = try LuaValueDecoder().decode(Offer.self, from: made[0])
        #expect(read.id == nil && read.tags.isEmpty && read.benefits.isEmpty && read.ratio == 1 && read.status == .received)
    }

    @Test("a missing field, a value of another type, or text that is not UTF-8 is an error naming the field")
    func failsClosed() throws {
        struct Summary: Decodable { var report: String; var passed: Bool; var count: Int }
        let missing: LuaValue = .table(["report": "2 of 2 passed", "passed": .boolean(true)])
        #expect {
            try LuaValueDecoder().decode(Summary.self, from: missing)
        } throws: { error in
            guard case .keyNotFound(let key, _)? = error as? DecodingError else { return false }
            return key.stringValue == "count"
        }
        let mistyped: LuaValue = .table(["report": "", "passed": "yes", "count": 2])
        #expect(throws: DecodingError.self) { try LuaValueDecoder().decode(Summary.self, from: mistyped) }
        let bytes: LuaValue = .table(["report": .string(LuaString(bytes: [0xff])), "passed": .boolean(true), "count": 1])
        #expect(throws: DecodingError.self) { try LuaValueDecoder().decode(Summary.self, from: bytes) }
        // A float with an integer value is that integer; 1.5 is not.
        #expect(try LuaValueDecoder().decode(Int.self, from: .number(2)) == 2)
        #expect(throws: DecodingError.self) { try LuaValueDecoder().decode(Int.self, from: .number(1.5)) }
    }

    @Test("an argument is read in place into a type, failing closed the same way; the stack is left as it was")
    func inPlace() throws {
        struct Summary: Decodable { var report: String; var passed: Bool; var count: Int; var tags: [String]?; var base: Money? }
        let lua = try LuaState()
        try lua.register("read") { args in
            let top = args.count
            do {
                let s = try args.decode(Summary.self, at: 1)
                return .one(LuaValue("\(s.report) \(s.passed) \(s.count) \(s.tags ?? []) \(s.base?.minorUnits ?? -1)"))
            } catch let error as DecodingError {
                guard case .keyNotFound(let key, _) = error else { return .one("other") }
                return [LuaValue("missing \(key.stringValue)"), .integer(Int64(top))]
            }
        }
        #expect(try lua.run("return read{ report = 'r', passed = true, count = 2.0, tags = { 'a', 'b' }, base = { minorUnits = 5, currency = 'GBP' } }")
                == ["r true 2 [\"a\", \"b\"] 5"])
        #expect(try lua.run("return read{ report = 'r', passed = false }") == ["missing count", 1])
        #expect(try lua.run("return read{ report = 'r', passed = false, count = 1, tags = { x = 1 } }") == ["other"])
        #expect(try lua.run("return read{ report = 'r', passed = 'yes', count = 1 }") == ["other"])
    }
}
