package dev.accordhub.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

    @Test
    void parsesTheIncrementalPollQuery() {
        SoqlQuery query = SoqlParser.parse("SELECT Id, Name, SystemModstamp FROM Account"
                + " WHERE SystemModstamp > 2026-11-25T10:00:00.000+0000 AND IsPartner = true"
                + " ORDER BY SystemModstamp ASC, Id LIMIT 500");

        assertThat(query.fields()).containsExactly("Id", "Name", "SystemModstamp");
        assertThat(query.object()).isEqualTo("Account");
        assertThat(query.limit()).isEqualTo(500);
        assertThat(query.orderBy()).containsExactly(new SoqlQuery.Order("SystemModstamp", false, true),
                new SoqlQuery.Order("Id", false, true));
        SoqlCondition.And where = (SoqlCondition.And) query.where();
        SoqlCondition.Comparison since = (SoqlCondition.Comparison) where.terms().get(0);
        assertThat(since.operator()).isEqualTo(">");
        assertThat(since.literal().value()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void readsEveryKindOfLiteral() {
        SoqlQuery query = SoqlParser.parse("select id from opportunity where Name = 'O\\'Brien' and Amount >= 5000.50"
                + " and CloseDate <= 2026-12-31 and LastModifiedDate < 2026-11-25T10:00:00Z and PartnerAccountId != null");

        SoqlCondition.And where = (SoqlCondition.And) query.where();
        assertThat(((SoqlCondition.Comparison) where.terms().get(0)).literal().value()).isEqualTo("O'Brien");
        assertThat(((SoqlCondition.Comparison) where.terms().get(1)).literal().value()).isEqualTo(new BigDecimal("5000.50"));
        assertThat(((SoqlCondition.Comparison) where.terms().get(2)).literal().value()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(((SoqlCondition.Comparison) where.terms().get(3)).literal().value())
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(((SoqlCondition.Comparison) where.terms().get(4)).literal().isKeyword("null")).isTrue();
    }

    @Test
    void readsAnOffsetWhoseUnencodedPlusBecameASpace() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE SystemModstamp > 2026-11-25T10:00:00.000 0100");

        Object value = ((SoqlCondition.Comparison) query.where()).literal().value();
        assertThat(value).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void parsesOrNotInAndParentheses() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Account WHERE (Name LIKE 'Acme%' OR Name IN ('A', 'B'))"
                + " AND NOT BillingCountry = 'US' ORDER BY Name DESC NULLS FIRST");

        SoqlCondition.And where = (SoqlCondition.And) query.where();
        assertThat(where.terms().get(0)).isInstanceOf(SoqlCondition.Or.class);
        assertThat(where.terms().get(1)).isInstanceOf(SoqlCondition.Not.class);
        assertThat(query.orderBy()).containsExactly(new SoqlQuery.Order("Name", true, true));
    }

    @Test
    void refusesMalformedQueries() {
        for (String soql : new String[] {"SELECT FROM Account", "SELECT Id Account", "SELECT Id FROM Account WHERE",
                "SELECT Id FROM Account LIMIT x", "SELECT Id FROM Account WHERE Name = 'open", "DELETE FROM Account",
                "SELECT Id FROM Account WHERE Name = Name", "SELECT Id FROM Account trailing"}) {
            assertThatThrownBy(() -> SoqlParser.parse(soql)).as(soql)
                    .isInstanceOfSatisfying(SalesforceApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
        }
    }
}
