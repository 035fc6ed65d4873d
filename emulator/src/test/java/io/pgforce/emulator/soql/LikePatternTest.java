package io.pgforce.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void wildcardsMatchRunsAndSingleCharactersCaseInsensitively() {
    assertThat(new LikePattern("acme%").matches("ACME Corp")).isTrue();
    assertThat(new LikePattern("%corp").matches("Acme Corp")).isTrue();
    assertThat(new LikePattern("%me co%").matches("Acme Corp")).isTrue();
    assertThat(new LikePattern("a_me").matches("Acme")).isTrue();
    assertThat(new LikePattern("a_me").matches("Ame")).isFalse();
    assertThat(new LikePattern("acme").matches("Acme Corp")).isFalse();
    assertThat(new LikePattern("%").matches("")).isTrue();
    assertThat(new LikePattern("").matches("x")).isFalse();
  }

  @Test
  void escapedWildcardsAreLiteral() {
    assertThat(new LikePattern("50\\%").matches("50%")).isTrue();
    assertThat(new LikePattern("50\\%").matches("500")).isFalse();
    assertThat(new LikePattern("a\\_b").matches("a_b")).isTrue();
    assertThat(new LikePattern("a\\_b").matches("axb")).isFalse();
  }

  @Test
  void pathologicalPatternsStayFast() {
    String text = "a".repeat(10_000);
    LikePattern pattern = new LikePattern("%a".repeat(50) + "b");
    long started = System.nanoTime();
    assertThat(pattern.matches(text)).isFalse();
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
  }
}
