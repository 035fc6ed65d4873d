package io.pgforce.emulator.soql;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.soql.Condition.Operator;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.RecordIds;
import io.pgforce.emulator.store.StoredRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a WHERE clause into a predicate over records, checking each comparison the way Salesforce
 * does: the field must exist and be filterable, and the value must be of the field's type (quoted
 * text for strings and ids, bare literals for numbers, booleans, dates and datetimes).
 *
 * <p>Null is a value in SOQL: {@code = null} finds empty fields, and {@code !=} and {@code NOT IN}
 * match empty fields too; ordering comparisons never match an empty field.
 */
final class FilterBuilder {

  /** Whether one field value passes a comparison. */
  @FunctionalInterface
  private interface ValueTest {
    boolean matches(Object value);
  }

  private final String text;
  private final FieldPath.Resolver resolver;
  private final OrgStore store;
  private final LocalDate today;

  FilterBuilder(String text, FieldPath.Resolver resolver, OrgStore store, LocalDate today) {
    this.text = text;
    this.resolver = resolver;
    this.store = store;
    this.today = today;
  }

  Predicate<StoredRecord> build(Condition condition) {
    if (condition instanceof Condition.And and) {
      return and.parts().stream().map(this::build).reduce(r -> true, Predicate::and);
    }
    if (condition instanceof Condition.Or or) {
      return or.parts().stream().map(this::build).reduce(r -> false, Predicate::or);
    }
    if (condition instanceof Condition.Not not) {
      return build(not.part()).negate();
    }
    return comparison((Condition.Comparison) condition);
  }

  private Predicate<StoredRecord> comparison(Condition.Comparison c) {
    FieldPath path = resolver.resolve(c.field());
    FieldDefinition field = path.field();
    if (!field.filterable()) {
      throw SoqlErrors.invalidField(
          text,
          c.field().position(),
          "field '" + field.name() + "' can not be filtered in a query call");
    }
    ValueTest test = test(field, c.operator(), c.value());
    return record -> test.matches(path.valueOf(record, store));
  }

  private ValueTest test(FieldDefinition field, Operator op, Literal literal) {
    return switch (op) {
      case IN, NOT_IN -> membership(field, op == Operator.IN, elements(literal));
      case INCLUDES, EXCLUDES -> includes(field, op == Operator.INCLUDES, literal);
      default -> single(field, op, literal);
    };
  }

  private ValueTest single(FieldDefinition field, Operator op, Literal literal) {
    if (literal instanceof Literal.Null) {
      return op == Operator.EQ ? v -> v == null : op == Operator.NE ? v -> v != null : v -> false;
    }
    if (literal instanceof Literal.ValueList list) {
      throw SoqlErrors.malformed(text, list.position(), "unexpected token: '('");
    }
    if (literal instanceof Literal.DateFormula formula) {
      return withinRange(field, op, formula);
    }
    if (op == Operator.LIKE) {
      return like(field, literal);
    }
    Object comparand = comparand(field, literal);
    FieldType type = field.type();
    return switch (op) {
      case EQ -> v -> v != null && Values.same(type, v, comparand);
      case NE -> v -> v == null || !Values.same(type, v, comparand);
      case LT -> v -> v != null && Values.compare(type, v, comparand) < 0;
      case LE -> v -> v != null && Values.compare(type, v, comparand) <= 0;
      case GT -> v -> v != null && Values.compare(type, v, comparand) > 0;
      default -> v -> v != null && Values.compare(type, v, comparand) >= 0;
    };
  }

  private ValueTest like(FieldDefinition field, Literal literal) {
    if (!field.type().isText() || !(literal instanceof Literal.Text pattern)) {
      throw SoqlErrors.invalidField(
          text,
          literal.position(),
          "invalid operator on field '" + field.name() + "': LIKE applies to text fields only");
    }
    LikePattern like = new LikePattern(pattern.value());
    return v -> v != null && like.matches(v.toString());
  }

  private ValueTest membership(FieldDefinition field, boolean in, List<Literal> values) {
    List<ValueTest> equals = values.stream().map(l -> single(field, Operator.EQ, l)).toList();
    ValueTest any = v -> equals.stream().anyMatch(t -> t.matches(v));
    return in ? any : v -> !any.matches(v);
  }

  private ValueTest includes(FieldDefinition field, boolean include, Literal literal) {
    if (field.type() != FieldType.MULTIPICKLIST) {
      throw SoqlErrors.invalidField(
          text,
          literal.position(),
          "INCLUDES and EXCLUDES apply only to multi-select picklist fields");
    }
    List<String> wanted =
        elements(literal).stream().map(l -> (String) comparand(field, l)).toList();
    ValueTest any = v -> v != null && wanted.stream().anyMatch(w -> Values.includesAll(v, w));
    return include ? any : v -> !any.matches(v);
  }

  private List<Literal> elements(Literal literal) {
    return literal instanceof Literal.ValueList list ? list.values() : List.of(literal);
  }

  private ValueTest withinRange(FieldDefinition field, Operator op, Literal.DateFormula formula) {
    if (field.type() != FieldType.DATE && field.type() != FieldType.DATETIME) {
      throw typeMismatch(field, formula);
    }
    DateRange range =
        DateRange.of(formula.name(), formula.n(), today)
            .orElseThrow(
                () ->
                    SoqlErrors.unsupported(
                        text, formula.position(), "The date literal " + formula.name()));
    boolean dates = field.type() == FieldType.DATE;
    Object start = dates ? range.start() : range.startInstant();
    Object end = dates ? range.end() : range.endInstant();
    FieldType type = field.type();
    ValueTest before = v -> Values.compare(type, v, start) < 0;
    ValueTest afterEnd = v -> Values.compare(type, v, end) >= 0;
    return switch (op) {
      case EQ -> v -> v != null && !before.matches(v) && !afterEnd.matches(v);
      case NE -> v -> v == null || before.matches(v) || afterEnd.matches(v);
      case LT -> v -> v != null && before.matches(v);
      case LE -> v -> v != null && !afterEnd.matches(v);
      case GT -> v -> v != null && afterEnd.matches(v);
      case GE -> v -> v != null && !before.matches(v);
      default -> throw typeMismatch(field, formula);
    };
  }

  /** The literal as a value of the field's type, or Salesforce's error when it is not one. */
  private Object comparand(FieldDefinition field, Literal literal) {
    FieldType type = field.type();
    if (type.isId() && literal instanceof Literal.Text id) {
      return RecordIds.normalize(id.value())
          .orElseThrow(
              () ->
                  SoqlErrors.error(
                      "INVALID_QUERY_FILTER_OPERATOR",
                      text,
                      literal.position(),
                      "invalid ID field: " + id.value()));
    }
    Object value = typedValue(type, literal);
    if (value == null) {
      throw typeMismatch(field, literal);
    }
    return value;
  }

  private static Object typedValue(FieldType type, Literal literal) {
    if (literal instanceof Literal.Text t && type.isText()) {
      return t.value();
    }
    if (literal instanceof Literal.Bool b && type == FieldType.BOOLEAN) {
      return b.value();
    }
    if (literal instanceof Literal.Number n && type.isNumeric()) {
      return n.value().doubleValue();
    }
    if (literal instanceof Literal.Date d && type == FieldType.DATE) {
      return d.value();
    }
    if (literal instanceof Literal.DateTime d && type == FieldType.DATETIME) {
      return d.value();
    }
    return null;
  }

  private RuntimeException typeMismatch(FieldDefinition field, Literal literal) {
    FieldType type = field.type();
    String expected =
        type.isText()
            ? "string"
            : switch (type) {
              case ID, REFERENCE -> "id";
              case INT -> "integer";
              case DATETIME -> "dateTime";
              default -> type.isDecimal() ? "double" : type.apiName();
            };
    boolean quoted = type.isText() || type.isId();
    return SoqlErrors.invalidField(
        text,
        literal.position(),
        "value of filter criterion for field '"
            + field.name()
            + "' must be of type "
            + expected
            + " and should "
            + (quoted ? "" : "not ")
            + "be enclosed in quotes");
  }
}
