package io.pgforce.engine.sync;

import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import java.time.Instant;
import java.util.Optional;

/**
 * What the status API and dashboard show of one mapping at a moment: what the operator asked
 * (target) apart from what the mapping is doing (status).
 *
 * @param loadRows rows loaded so far while a load runs; {@code loadExpected} the count it aims at
 */
public record MappingSnapshot(
    String objectName,
    String access,
    TargetState target,
    MappingStatus status,
    Optional<String> detail,
    Optional<Instant> lastPoll,
    long loadRows,
    long loadExpected,
    Optional<Long> salesforceCount,
    Optional<Long> postgresCount,
    boolean accelerated) {}
