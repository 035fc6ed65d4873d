package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelHalvesTest {

  private final ParallelHalves halves = new ParallelHalves("test-second-half");
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private final List<List<Integer>> undone = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    halves.close();
  }

  private static List<Integer> numbers(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  private List<Integer> doubled(List<Integer> half) {
    threads.add(Thread.currentThread().getName());
    return half.stream().map(n -> n * 2).toList();
  }

  @Test
  void aSmallListRunsWholeOnTheCallersThread() throws Exception {
    List<Integer> result = halves.run(numbers(10), this::doubled, undone::add);

    assertThat(result).containsExactlyElementsOf(numbers(10).stream().map(n -> n * 2).toList());
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void aLargeListRunsInTwoHalvesAtOnceAndKeepsItsOrder() throws Exception {
    int size = ParallelHalves.SPLIT_FROM + 1;

    List<Integer> result = halves.run(numbers(size), this::doubled, undone::add);

    assertThat(result).containsExactlyElementsOf(numbers(size).stream().map(n -> n * 2).toList());
    assertThat(threads)
        .containsExactlyInAnyOrder(Thread.currentThread().getName(), "test-second-half");
    assertThat(undone).isEmpty();
  }

  @Test
  void whenTheSecondHalfFailsTheFirstIsUndoneAndTheFailureThrownAsItWas() {
    int size = ParallelHalves.SPLIT_FROM * 2;
    SQLException refused = new SQLException("connection lost", "08006");

    assertThatThrownBy(
            () ->
                halves.run(
                    numbers(size),
                    half -> {
                      if (half.get(0) != 0) {
                        throw refused;
                      }
                      return half;
                    },
                    undone::add))
        .isSameAs(refused);
    assertThat(undone).containsExactly(numbers(size / 2));
  }

  @Test
  void whenTheFirstHalfFailsTheSecondIsUndoneOnceItIsDone() {
    int size = ParallelHalves.SPLIT_FROM * 2;

    assertThatThrownBy(
            () ->
                halves.run(
                    numbers(size),
                    half -> {
                      if (half.get(0) == 0) {
                        throw new IllegalStateException("first half refused");
                      }
                      return half;
                    },
                    undone::add))
        .hasMessage("first half refused");
    assertThat(undone).containsExactly(numbers(size).subList(size / 2, size));
  }
}
