package io.pgforce.app.convergence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Draws random operations from a seeded {@link Random}: creates, updates of one or two fields, and
 * deletes, spread over the three objects, a good share of them on recently touched records so the
 * two sides edit the same record close together.
 */
final class OperationGenerator {

  private static final double HOT_SHARE = 0.35;

  private final Random random;
  private final Ledger ledger;

  OperationGenerator(Random random, Ledger ledger) {
    this.random = random;
    this.ledger = ledger;
  }

  Random random() {
    return random;
  }

  /** {@code count} operations of one kind on one object (the shape a batch call needs). */
  List<Operation> batch(int count) {
    MappedObject object = randomObject();
    Write.Kind kind = randomKind();
    List<Operation> ops = new java.util.ArrayList<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < count; i++) {
      next(object, kind).filter(op -> keys.add(op.key())).ifPresent(ops::add);
    }
    return ops;
  }

  Optional<Operation> next(MappedObject object, Write.Kind kind) {
    if (kind == Write.Kind.CREATE) {
      return Optional.of(create(object));
    }
    return ledger
        .pick(object, random, HOT_SHARE)
        .map(r -> kind == Write.Kind.DELETE ? delete(r) : update(r));
  }

  private MappedObject randomObject() {
    int n = random.nextInt(10);
    return n < 4 ? MappedObject.ACCOUNT : n < 7 ? MappedObject.CONTACT : MappedObject.OPPORTUNITY;
  }

  /** Mostly updates: they are what meets the other side's edits. */
  private Write.Kind randomKind() {
    int n = random.nextInt(100);
    return n < 25 ? Write.Kind.CREATE : n < 92 ? Write.Kind.UPDATE : Write.Kind.DELETE;
  }

  private Operation create(MappedObject object) {
    String key = ledger.newKey(object);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(object.keyField(), key);
    object.fields().forEach(f -> fields.put(f.apiName(), value(f)));
    return new Operation(Write.Kind.CREATE, object, new Operation.RecordTarget(key, null), fields);
  }

  private Operation update(RecordHistory target) {
    List<MappedField> all = target.object().fields();
    Map<String, Object> fields = new LinkedHashMap<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      MappedField f = all.get(random.nextInt(all.size()));
      fields.put(f.apiName(), value(f));
    }
    return new Operation(
        Write.Kind.UPDATE,
        target.object(),
        new Operation.RecordTarget(target.key(), target),
        fields);
  }

  private Operation delete(RecordHistory target) {
    return new Operation(
        Write.Kind.DELETE,
        target.object(),
        new Operation.RecordTarget(target.key(), target),
        Map.of());
  }

  private Object value(MappedField f) {
    if (f.kind() == MappedField.Kind.REFERENCE) {
      return ledger.randomAccountId(random).orElse(null);
    }
    return f.randomValue(random, ledger.nextSerial());
  }
}
