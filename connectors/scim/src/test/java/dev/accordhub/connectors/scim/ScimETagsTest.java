package dev.accordhub.connectors.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScimETagsTest {

    @Test
    void versionsCountUpAndAForeignVersionStartsOver() {
        assertThat(ScimETags.next("W/\"1\"")).isEqualTo("W/\"2\"");
        assertThat(ScimETags.next("W/\"9\"")).isEqualTo("W/\"10\"");
        assertThat(ScimETags.next("W/\"a330bc54f0671c9\"")).isEqualTo(ScimETags.FIRST);
        assertThat(ScimETags.next(null)).isEqualTo(ScimETags.FIRST);
    }

    @Test
    void matchingComparesTheOpaquePartOfEachListedTag() {
        assertThat(ScimETags.matches("W/\"3\"", "W/\"3\"")).isTrue();
        assertThat(ScimETags.matches("\"3\"", "W/\"3\"")).as("a client that drops W/").isTrue();
        assertThat(ScimETags.matches("W/\"1\", W/\"3\"", "W/\"3\"")).isTrue();
        assertThat(ScimETags.matches("*", "W/\"3\"")).isTrue();
        assertThat(ScimETags.matches("W/\"2\"", "W/\"3\"")).isFalse();
        assertThat(ScimETags.matches("W/\"33\"", "W/\"3\"")).isFalse();
    }
}
