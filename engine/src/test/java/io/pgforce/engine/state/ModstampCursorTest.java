package io.pgforce.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModstampCursorTest {

  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void ordersBySystemModstampThenId() {
    ModstampCursor a = new ModstampCursor(T, "001000000000002AAA");
    ModstampCursor b = new ModstampCursor(T, "001000000000001AAA");
    ModstampCursor c = new ModstampCursor(T.plusSeconds(1), "001000000000000AAA");

    assertThat(a).isGreaterThan(b).isLessThan(c);
    assertThat(b.max(a)).isEqualTo(a);
    assertThat(ModstampCursor.START).isLessThan(b);
  }
}
