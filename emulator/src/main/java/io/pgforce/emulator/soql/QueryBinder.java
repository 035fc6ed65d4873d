package io.pgforce.emulator.soql;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.RecordIds;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed query against the schema (object, field paths, sortability, OFFSET limit) with
 * Salesforce's error codes and messages, and produces the {@link QueryPlan} the executor runs.
 */
final class QueryBinder {

  private static final int MAX_OFFSET = 2000;
  private static final int FIELDS_FUNCTION_LIMIT = 200;

  private final OrgStore store;

  QueryBinder(OrgStore store) {
    this.store = store;
  }

  QueryPlan bind(SoqlQuery query) {
    OrgSchema schema = store.schema();
    SObjectDefinition object =
        schema
            .find(query.objectName())
            .orElseThrow(
                () ->
                    SoqlErrors.invalidType(
                        query.text(), query.objectPosition(), query.objectName()));
    FieldPath.Resolver resolver =
        new FieldPath.Resolver(query.text(), object, query.alias().orElse(null), schema::require);
    List<FieldPath> columns = columns(query, object, resolver);
    checkOffset(query);
    LocalDate today = LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC);
    FilterBuilder filters = new FilterBuilder(query.text(), resolver, store, today);
    return new QueryPlan(
        query,
        object,
        columns,
        query.where().map(filters::build).orElse(r -> true),
        sortKeys(query, resolver),
        query.where().map(w -> access(w, resolver)).orElse(AccessPath.SCAN));
  }

  private static List<FieldPath> columns(
      SoqlQuery query, SObjectDefinition object, FieldPath.Resolver resolver) {
    List<FieldPath> columns = new ArrayList<>();
    query.fieldsFunction().ifPresent(kind -> columns.addAll(fieldsFunction(query, object, kind)));
    for (FieldRef ref : query.fields()) {
      columns.add(resolver.resolve(ref));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!seen.add(columns.get(i).canonicalName().toLowerCase())) {
        SourcePosition at = i < query.fields().size() ? positionOf(query, columns.get(i)) : null;
        throw SoqlErrors.malformed(
            query.text(),
            at == null ? query.objectPosition() : at,
            "duplicate field selected: " + columns.get(i).canonicalName());
      }
    }
    return columns;
  }

  private static SourcePosition positionOf(SoqlQuery query, FieldPath path) {
    return query.fields().stream()
        .filter(ref -> ref.text().equalsIgnoreCase(path.canonicalName()))
        .reduce((first, second) -> second)
        .map(FieldRef::position)
        .orElse(null);
  }

  /** FIELDS(ALL), FIELDS(STANDARD) and FIELDS(CUSTOM), with the LIMIT Salesforce requires. */
  private static List<FieldPath> fieldsFunction(
      SoqlQuery query, SObjectDefinition object, String kind) {
    boolean unbounded = !kind.equals("STANDARD");
    if (unbounded
        && (query.limit().isEmpty() || query.limit().getAsInt() > FIELDS_FUNCTION_LIMIT)) {
      throw SoqlErrors.malformed(
          query.text(),
          query.objectPosition(),
          "The SOQL FIELDS function must have a LIMIT of at most 200");
    }
    return object.fields().stream()
        .filter(f -> kind.equals("ALL") || f.custom() == kind.equals("CUSTOM"))
        .map(f -> new FieldPath(List.of(), List.of(object), f))
        .toList();
  }

  private static void checkOffset(SoqlQuery query) {
    if (query.offset().isPresent() && query.offset().getAsInt() > MAX_OFFSET) {
      throw new SalesforceException(
          400,
          ApiError.withoutFields(
              "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET));
    }
  }

  private static List<SortKey> sortKeys(SoqlQuery query, FieldPath.Resolver resolver) {
    List<SortKey> keys = new ArrayList<>();
    for (SoqlQuery.OrderItem item : query.orderBy()) {
      FieldPath path = resolver.resolve(item.field());
      if (!path.field().sortable()) {
        throw SoqlErrors.invalidField(
            query.text(),
            item.field().position(),
            "field '" + path.field().name() + "' can not be sorted in a query call");
      }
      keys.add(new SortKey(path, item.descending(), item.nullsLast()));
    }
    return keys;
  }

  /** Narrows the records to read from the top-level AND of the WHERE clause. */
  private static AccessPath access(Condition where, FieldPath.Resolver resolver) {
    List<Condition> conjuncts = where instanceof Condition.And and ? and.parts() : List.of(where);
    AccessPath access = AccessPath.SCAN;
    for (Condition part : conjuncts) {
      if (part instanceof Condition.Comparison c) {
        access = narrow(access, c, resolver.resolve(c.field()));
      }
    }
    return access;
  }

  private static AccessPath narrow(AccessPath access, Condition.Comparison c, FieldPath path) {
    if (!path.lookups().isEmpty()) {
      return access;
    }
    FieldDefinition field = path.field();
    if (field.name().equals(SystemFields.SYSTEM_MODSTAMP)
        && c.value() instanceof Literal.DateTime stamp) {
      return switch (c.operator()) {
        case GT -> access.withLowerBound(stamp.value(), false);
        case GE -> access.withLowerBound(stamp.value(), true);
        case LT -> access.withUpperBound(stamp.value(), false);
        case LE -> access.withUpperBound(stamp.value(), true);
        default -> access;
      };
    }
    if (field.name().equals(SystemFields.ID)) {
      return ids(c).map(access::withIds).orElse(access);
    }
    return access;
  }

  private static Optional<Set<String>> ids(Condition.Comparison c) {
    List<Literal> values =
        c.value() instanceof Literal.ValueList list ? list.values() : List.of(c.value());
    boolean membership =
        c.operator() == Condition.Operator.EQ || c.operator() == Condition.Operator.IN;
    if (!membership || !values.stream().allMatch(v -> v instanceof Literal.Text)) {
      return Optional.empty();
    }
    Set<String> ids = new HashSet<>();
    values.forEach(v -> RecordIds.normalize(((Literal.Text) v).value()).ifPresent(ids::add));
    return Optional.of(ids);
  }
}
