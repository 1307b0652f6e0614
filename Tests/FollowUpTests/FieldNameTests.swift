import Testing
import FollowUp

@Suite("Field name normalisation")
struct FieldNameTests {
    @Test(arguments: [
        ("First Name", "first_name"), (" E-Mail ", "e_mail"), ("first_name", "first_name"),
        ("Company (legal)", "company_legal"), ("Country/Region", "country_region"), ("Prénom", "prénom"),
        ("  Last   Name  ", "last_name"), ("", ""), ("---", ""),
        // Shapes near the already-normalised fast path.
        ("a__b", "a_b"), ("_a", "a"), ("a_", "a"), ("_", ""), ("Ab_c", "ab_c"), ("x1_2y", "x1_2y"), ("a-b", "a_b"),
    ])
    func normalize(header: String, expected: String) {
        #expect(FieldName.normalize(header) == expected)
    }

    @Test(arguments: ["Email", "E-mail", "e_mail", "email_address", "Email Address", "EMAIL"])
    func emailColumnSpellings(header: String) {
        #expect(FieldName.isEmail(header))
    }

    @Test func otherColumnsAreNotEmail() {
        #expect(!FieldName.isEmail("Email Opt Out"))
        #expect(!FieldName.isEmail("name"))
    }

    @Test func timeZoneColumnSpellings() {
        #expect(FieldName.isTimeZone("timezone") && FieldName.isTimeZone("Time Zone") && FieldName.isTimeZone("TZ"))
    }
}
