package io.pgforce.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.emulator.errors.SalesforceException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

  @Test
  void parsesFieldsRelationshipsOrderLimitOffsetAndAllRows() {
    SoqlQuery q =
        SoqlParser.parse(
            "select Id, Account.Name from Contact order by LastName desc nulls last, Id"
                + " limit 10 offset 5 all rows");
    assertThat(q.objectName()).isEqualTo("Contact");
    assertThat(q.fields()).extracting(FieldRef::text).containsExactly("Id", "Account.Name");
    assertThat(q.orderBy()).hasSize(2);
    assertThat(q.orderBy().get(0).descending()).isTrue();
    assertThat(q.orderBy().get(0).nullsLast()).isTrue();
    assertThat(q.orderBy().get(1).descending()).isFalse();
    assertThat(q.limit()).hasValue(10);
    assertThat(q.offset()).hasValue(5);
    assertThat(q.allRows()).isTrue();
  }

  @Test
  void parsesCount() {
    assertThat(SoqlParser.parse("SELECT COUNT() FROM Account").count()).isTrue();
  }

  @Test
  void parsesLiteralsOfEveryKind() {
    SoqlQuery q =
        SoqlParser.parse(
            "SELECT Id FROM Account WHERE A = 2024-01-31 AND B > 2024-01-31T10:00:00Z"
                + " AND C = null AND D = true AND E IN ('x','y') AND F = -1.5 AND G = 'it\\'s'");
    Condition.And and = (Condition.And) q.where().orElseThrow();
    assertThat(value(and, 0)).isEqualTo(new Literal.Date(LocalDate.of(2024, 1, 31), pos(and, 0)));
    assertThat(((Literal.DateTime) value(and, 1)).value())
        .isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
    assertThat(value(and, 2)).isInstanceOf(Literal.Null.class);
    assertThat(((Literal.Bool) value(and, 3)).value()).isTrue();
    assertThat(((Literal.ValueList) value(and, 4)).values()).hasSize(2);
    assertThat(((Literal.Number) value(and, 5)).value()).isEqualByComparingTo("-1.5");
    assertThat(((Literal.Text) value(and, 6)).value()).isEqualTo("it's");
  }

  @Test
  void datetimeLiteralsWithOffsetsAreConvertedToUtc() {
    SoqlQuery q =
        SoqlParser.parse("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01T10:00:00+02:00");
    Condition.Comparison c = (Condition.Comparison) q.where().orElseThrow();
    assertThat(((Literal.DateTime) c.value()).value())
        .isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
  }

  @Test
  void rejectsTrailingTokensWhereTheyStart() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account junk here"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("MALFORMED_QUERY");
              assertThat(e.errors().get(0).message())
                  .isEqualTo(
                      "\nSELECT Id FROM Account junk here\n                            ^\n"
                          + "ERROR at Row:1:Column:29\nunexpected token: 'here'");
            });
  }

  @Test
  void rejectsBindVariables() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE Name = :name"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e ->
                assertThat(e.errors().get(0).message())
                    .contains("Column:37")
                    .endsWith("unexpected token: ':'"));
  }

  @Test
  void rejectsAnIncompleteWhere() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> assertThat(e.errors().get(0).message()).endsWith("unexpected token: <EOF>"));
  }

  @Test
  void rejectsFieldAliasesAndMissingFrom() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id Name FROM Account"))
        .hasMessageContaining("unexpected token: 'Name'");
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id")).hasMessageContaining("MALFORMED_QUERY");
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'x"))
        .hasMessageContaining("MALFORMED_QUERY");
  }

  @Test
  void refusesWhatTheEmulatorDoesNotImplementByName() {
    assertThatThrownBy(() -> SoqlParser.parse("SELECT Name FROM Account GROUP BY Name"))
        .hasMessageContaining("GROUP BY is not supported by the pgforce emulator");
    assertThatThrownBy(() -> SoqlParser.parse("SELECT (SELECT Id FROM Contacts) FROM Account"))
        .hasMessageContaining("subquery");
  }

  private static Literal value(Condition.And and, int i) {
    return ((Condition.Comparison) and.parts().get(i)).value();
  }

  private static SourcePosition pos(Condition.And and, int i) {
    return value(and, i).position();
  }
}
