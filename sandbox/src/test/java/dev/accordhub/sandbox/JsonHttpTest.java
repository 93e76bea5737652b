package dev.accordhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonHttpTest {

    @Test
    void pathSegmentKeepsPlusAndDecodesEncodedSlash() {
        assertThat(JsonHttp.decodePathSegment("helios%2F001+x%C3%BC")).isEqualTo("helios/001+xü");
    }

    @Test
    void queryComponentTreatsPlusAsSpace() {
        assertThat(JsonHttp.parseQuery("q=SELECT+Id%2C+Name&a=1&a=2"))
                .containsEntry("q", List.of("SELECT Id, Name"))
                .containsEntry("a", List.of("1", "2"));
    }

    @Test
    void requestSplitsRawPathBeforeDecoding() {
        SandboxRequest request = SandboxRequest.of("patch", "/services/data/v56.0/sobjects/Account/Key__c/a%2Fb",
                null, Map.of("Authorization", List.of("Bearer abc")), new byte[0]);

        assertThat(request.path()).containsExactly("services", "data", "v56.0", "sobjects", "Account", "Key__c", "a/b");
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.bearerToken()).contains("abc");
    }

    @Test
    void clockNeverRepeatsAStamp() {
        SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"),
                ZoneOffset.UTC));

        assertThat(clock.next()).isBefore(clock.next());
    }
}
