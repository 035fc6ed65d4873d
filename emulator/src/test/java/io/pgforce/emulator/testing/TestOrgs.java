package io.pgforce.emulator.testing;

import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.store.IdGenerator;
import io.pgforce.emulator.store.OrgIdentity;
import io.pgforce.emulator.store.OrgStore;
import java.time.Clock;

/** Stores for pure-logic tests: the standard objects, or a given schema, with a given clock. */
public final class TestOrgs {

  public static final OrgIdentity IDENTITY =
      new OrgIdentity(
          IdGenerator.fixed("00D", 1), "Test Org", IdGenerator.fixed("005", 1), "admin@test.local");

  private TestOrgs() {}

  public static OrgStore store(Clock clock) {
    return new OrgStore(OrgSchema.standard(), clock, IDENTITY);
  }

  public static OrgStore store(OrgSchema schema, Clock clock) {
    return new OrgStore(schema, clock, IDENTITY);
  }
}
