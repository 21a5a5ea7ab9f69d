import AzspecCore
import Testing

@testable import AzspecEmulator

@Suite("Emulator building blocks")
struct SupportTests {
    @Test func timeFormats() {
        let time = UTCTime(epochSeconds: 1_674_062_442)  // 2023-01-18 17:20:42Z
        #expect(time.entraTimestamp == "2023-01-18 17:20:42Z")
        #expect(time.compactStamp == "20230118T172042Z")
        #expect(time.usDateTime == "1/18/2023 5:20:42 PM")
        #expect(UTCTime(epochSeconds: 0).usDateTime == "1/1/1970 12:00:00 AM")
        #expect(UTCTime.parseISO8601("2030-01-01T00:00:00Z") == 1_893_456_000)
        #expect(UTCTime.parseISO8601("2030-01-01") == 1_893_456_000)
        #expect(UTCTime.parseISO8601("2030-01-01T02:00:00+02:00") == 1_893_456_000)
        #expect(UTCTime.parseISO8601("tomorrow") == nil)
        #expect(UTCTime.parseISO8601("2030-01-01T10:00Z") == 1_893_492_000)
        #expect(UTCTime.parseISO8601("2030-01-01T10:00:00") == 1_893_492_000)
        #expect(UTCTime.parseISO8601("2030-01-01T10:00:00Z junk") == nil)
    }

    @Test func jsonBodiesKeepOrderEscapesAndWholeNumbers() throws {
        let text = #"{"b":1,"a":[true,null,"x\"y\\z\r\n\u0001"],"c":{"d":-2.5,"e":"/é"}}"#
        let value = try JSONValue(parsing: Array(text.utf8))
        #expect(value.serialized == text)
        #expect(value["b"]?.intValue == 1)
        #expect(value["c"]?["d"]?.intValue == nil)
        #expect(JSONValue.object(["expires_in": .int(3599), "s": "3599"]).serialized == #"{"expires_in":3599,"s":"3599"}"#)
        #expect(JSONValue.parsed(Array("[1] x".utf8)) == nil)
    }

    @Test func base64URLRoundTrip() {
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "\u{FF}\u{FE}>?"] {
            let encoded = Base64URL.encode(text)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(Base64URL.decode(encoded).map { String(decoding: $0, as: UTF8.self) } == text)
        }
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("ab$c") == nil)
    }

    @Test func resourceGroupNames() {
        #expect(ResourceGroupName.problem(with: "rg-smoke_1.(x)") == nil)
        #expect(ResourceGroupName.problem(with: "ümlaut") == nil)
        #expect(ResourceGroupName.problem(with: "a b")?.contains("invalid characters: ' '") == true)
        #expect(ResourceGroupName.problem(with: "trailing.") != nil)
        #expect(ResourceGroupName.problem(with: String(repeating: "a", count: 91)) != nil)
        #expect(ResourceGroupName.problem(with: String(repeating: "a", count: 90)) == nil)
    }
}

@Suite("GUIDs")
struct GUIDTests {
    @Test func randomGUIDsAreVersion4() {
        let guids = (0..<100).map { _ in GUID.random() }
        #expect(Set(guids).count == 100)
        for guid in guids {
            #expect(GUID.isValid(guid))
            #expect(guid == guid.lowercased())
            let characters = Array(guid)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
        }
        #expect(!GUID.isValid("72f988bf-86f1-41af-91ab-2d7cd011db4"))
        #expect(GUID.isValid("72F988BF-86F1-41AF-91AB-2D7CD011DB47"))
    }
}
