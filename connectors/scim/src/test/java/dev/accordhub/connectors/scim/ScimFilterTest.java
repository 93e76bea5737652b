package dev.accordhub.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimFilterTest {

    private static final ScimResourceType USERS = ScimCoreSchemas.userType(ScimCoreSchemas.ACCORD_USER_SCHEMA);

    private static final JsonNode BJENSEN = json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "id":"2819c223","externalId":"bjensen-ext","userName":"bjensen@example.com",
             "name":{"givenName":"Barbara","familyName":"Jensen"},
             "title":"Tour Guide","active":true,
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                       {"value":"babs@jensen.org","type":"home"}],
             "meta":{"resourceType":"User","created":"2024-01-10T09:00:00Z","lastModified":"2024-03-01T10:00:00+01:00"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","department":"Tour Operations"},
             "urn:ietf:params:scim:schemas:extension:accord:2.0:User":{"partnerId":"P-42"}}
            """);

    @ParameterizedTest
    @ValueSource(strings = {
            "userName eq \"BJENSEN@example.com\"",
            "USERNAME Eq \"bjensen@example.com\"",
            "userName ne \"other\"",
            "userName co \"jensen@\"",
            "userName sw \"bjen\"",
            "userName ew \".COM\"",
            "title pr",
            "title gt \"Tour\"",
            "title ge \"tour guide\"",
            "title lt \"Zoo\"",
            "title le \"Tour Guide\"",
            "active eq true",
            "name.familyName eq \"jensen\"",
            "emails.value eq \"babs@jensen.org\"",
            "emails co \"jensen.org\"",
            "emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"home\"] and not (emails[type eq \"other\"])",
            "meta.created gt \"2024-01-01T00:00:00Z\"",
            "meta.lastModified eq \"2024-03-01T09:00:00Z\"",
            "meta.created le \"2024-01-10T10:00:00+01:00\" or userName eq \"x\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"b\"",
            "urn:ietf:params:scim:schemas:extension:accord:2.0:User:partnerId eq \"P-42\"",
            "nickName eq null",
            "title ne null",
            "not (userName eq \"x\")",
            "userName eq \"x\" or userName eq \"y\" or active eq true",
            "(userName eq \"x\" or active eq true) and title pr",
            "externalId eq \"bjensen-ext\"",
            "id eq \"2819c223\""
    })
    void matches(String filter) {
        assertThat(matches(filter, BJENSEN)).as(filter).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "userName eq \"bjensen\"",
            "userName ne \"bjensen@example.com\"",
            "userName co \"zzz\"",
            "nickName pr",
            "title gt \"Zoo\"",
            "active eq false",
            "emails[type eq \"work\" and value co \"jensen.org\"]",
            "externalId eq \"BJENSEN-EXT\"",
            "meta.created ge \"2024-01-10T09:00:01Z\"",
            "not (active eq true)",
            "userName eq \"x\" and active eq true or userName eq \"y\"",
            "title eq null"
    })
    void doesNotMatch(String filter) {
        assertThat(matches(filter, BJENSEN)).as(filter).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
        ScimFilter filter = ScimFilter.parse("a eq 1 or b eq 2 and c eq 3");
        assertThat(filter).isInstanceOf(ScimFilter.Or.class);
        assertThat(((ScimFilter.Or) filter).right()).isInstanceOf(ScimFilter.And.class);
    }

    @Test
    void notBindsTighterThanAnd() {
        ScimFilter filter = ScimFilter.parse("not (a pr) and b pr");
        assertThat(filter).isInstanceOf(ScimFilter.And.class);
        assertThat(((ScimFilter.And) filter).left()).isInstanceOf(ScimFilter.Not.class);
    }

    @Test
    void parsesLiteralsWithEscapes() {
        ScimFilter.Compare compare = (ScimFilter.Compare) ScimFilter.parse("title eq \"a \\\"q\\\" \\u00e9\\n\"");
        assertThat(compare.value().textValue()).isEqualTo("a \"q\" é\n");
        assertThat(((ScimFilter.Compare) ScimFilter.parse("x gt -1.5e2")).value().decimalValue())
                .isEqualByComparingTo("-150");
        assertThat(((ScimFilter.Compare) ScimFilter.parse("x eq NULL")).value().isNull()).isTrue();
    }

    @Test
    void valuePathParsesItsInnerFilter() {
        ScimFilter filter = ScimFilter.parse("emails[type eq \"work\" and value co \"@example.com\"]");
        assertThat(filter).isInstanceOf(ScimFilter.ValuePath.class);
        assertThat(((ScimFilter.ValuePath) filter).path().attribute()).isEqualTo("emails");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq                      | character 12",
            "userName                         | character 9",
            "userName xx \"a\"                | character 10",
            "(userName eq \"a\"               | character 17",
            "userName eq \"a\" )              | character 17",
            "userName eq \"unterminated       | character 13",
            "not userName eq \"a\"            | character 5",
            "emails[type eq \"work\"          | character 22",
            "emails[type[value eq \"x\"]]     | character 12",
            "userName eq bjensen              | character 13",
            "\"quoted\" eq \"a\"              | character 1",
            "userName eq \"a\" and            | character 20",
            "1bad eq \"a\"                    | character 1",
            "title eq \"bad \\x escape\"      | character 15"
    })
    void reportsSyntaxErrorsWithPosition(String filter, String position) {
        assertThatThrownBy(() -> ScimFilter.parse(filter.strip()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidFilter");
                    assertThat(e.detail()).contains(position);
                });
    }

    @Test
    void emptyFilterIsInvalid() {
        assertThatThrownBy(() -> ScimFilter.parse("  "))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nosuch eq \"a\"",
            "name.nosuch eq \"a\"",
            "urn:example:unknown:User:x eq \"a\"",
            "active eq \"true\"",
            "active gt true",
            "userName eq 5",
            "name eq \"x\"",
            "meta.created gt \"yesterday\"",
            "emails[nosuch eq \"a\"]",
            "userName[value eq \"a\"]",
            "title co null"
    })
    void rejectsFiltersThatDoNotFitTheSchema(String filter) {
        ScimFilterEvaluator evaluator = new ScimFilterEvaluator(USERS);
        assertThatThrownBy(() -> evaluator.compile(ScimFilter.parse(filter)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidFilter");
                });
    }

    private static boolean matches(String filter, JsonNode resource) {
        return ScimFilter.parse(filter).matcher(USERS).test(resource);
    }

    static JsonNode json(String text) {
        return ScimJson.parse(text);
    }
}
