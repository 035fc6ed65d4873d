package io.pgforce.app.admin;

import io.pgforce.engine.ConfigurationException;
import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.mapping.MappingDocument;
import io.pgforce.engine.outbound.WriteErrors.WriteError;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.engine.sync.MappingSnapshot;
import io.pgforce.engine.sync.TableCounts;
import io.pgforce.salesforce.ApiUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An admin backend a test feeds: mappings held in memory that react to commands the way the engine
 * does (pause sets the target, reload starts a load), objects the "org" knows, and failed writes
 * from a {@link FailedWrites} (a real trigger log in the HTTP tests).
 */
public final class FeedBackend implements AdminBackend {

  /** Where the failed writes come from. */
  public interface FailedWrites {
    FailedWrites NONE =
        new FailedWrites() {
          @Override
          public List<WriteError> recent(Optional<String> table, int limit) {
            return List.of();
          }

          @Override
          public boolean retry(long id) {
            return false;
          }
        };

    List<WriteError> recent(Optional<String> table, int limit);

    boolean retry(long id);
  }

  private final Clock clock;
  private final FailedWrites writes;
  private final Set<String> orgObjects;
  private final Map<String, MappingView> views = new LinkedHashMap<>();
  private final List<Mapping> mappings = new ArrayList<>();
  private volatile boolean databaseReachable = true;
  private volatile Optional<ApiUsage> apiUsage = Optional.empty();

  public FeedBackend(Clock clock, FailedWrites writes, Set<String> orgObjects) {
    this.clock = clock;
    this.writes = writes;
    this.orgObjects = orgObjects;
  }

  /** A snapshot as the engine makes one, for the fields tests vary. */
  public static MappingSnapshot snapshot(
      String object, String access, MappingStatus status, TargetState target) {
    return new MappingSnapshot(
        object,
        access,
        target,
        status,
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        false);
  }

  public synchronized FeedBackend feed(MappingSnapshot s, TableCounts counts) {
    views.put(s.objectName(), new MappingView(s, Optional.of(counts), Map.of()));
    return this;
  }

  public synchronized FeedBackend feed(MappingView view) {
    views.put(view.snapshot().objectName(), view);
    return this;
  }

  public FeedBackend apiUsage(long used, long max) {
    apiUsage = Optional.of(new ApiUsage(used, max, clock.instant()));
    return this;
  }

  public FeedBackend databaseReachable(boolean reachable) {
    databaseReachable = reachable;
    return this;
  }

  @Override
  public synchronized List<MappingView> mappings() {
    return List.copyOf(views.values());
  }

  @Override
  public synchronized boolean command(String objectName, MappingAction action) {
    Optional<MappingView> view = mapping(objectName);
    view.ifPresent(v -> views.put(v.snapshot().objectName(), apply(v, action)));
    return view.isPresent();
  }

  private MappingView apply(MappingView v, MappingAction action) {
    MappingSnapshot s = v.snapshot();
    MappingSnapshot next =
        switch (action) {
          case PAUSE -> with(s, TargetState.PAUSED, s.status(), s.lastPoll());
          case RESUME -> with(s, TargetState.RUNNING, s.status(), s.lastPoll());
          case RELOAD -> with(s, s.target(), MappingStatus.RELOAD_TABLE, s.lastPoll());
          case POLL -> with(s, s.target(), s.status(), Optional.of(clock.instant()));
          case DRIFT_CHECK -> s;
        };
    return new MappingView(next, v.counts(), v.lastLag());
  }

  private static MappingSnapshot with(
      MappingSnapshot s,
      TargetState target,
      MappingStatus status,
      Optional<java.time.Instant> poll) {
    return new MappingSnapshot(
        s.objectName(),
        s.access(),
        target,
        status,
        s.detail(),
        poll,
        s.loadRows(),
        s.loadExpected(),
        s.salesforceCount(),
        s.postgresCount(),
        s.accelerated());
  }

  @Override
  public ConnectionFacts connection() {
    return new ConnectionFacts(
        "00D000000000001AAA",
        "http://127.0.0.1:1",
        databaseReachable,
        apiUsage,
        7,
        2,
        Optional.empty());
  }

  @Override
  public List<WriteError> errors(Optional<String> table, int limit) {
    return writes.recent(table, limit);
  }

  @Override
  public boolean retry(long triggerLogId) {
    return writes.retry(triggerLogId);
  }

  /** Like the engine: conflicts first, then every object the org lacks, then start them. */
  @Override
  public synchronized List<MappingView> add(MappingDocument doc) {
    List<String> mapped =
        doc.mappings().stream()
            .map(Mapping::objectName)
            .filter(o -> mapping(o).isPresent())
            .toList();
    if (!mapped.isEmpty()) {
      throw new ConflictException("already mapped: " + String.join(", ", mapped));
    }
    List<String> problems =
        doc.mappings().stream()
            .map(Mapping::objectName)
            .filter(o -> !orgObjects.contains(o))
            .map(o -> "mapping " + o + ": sObject type '" + o + "' is not available in the org")
            .toList();
    if (!problems.isEmpty()) {
      throw new ConfigurationException("The new mappings", problems);
    }
    mappings.addAll(doc.mappings());
    for (Mapping m : doc.mappings()) {
      feed(
          snapshot(m.objectName(), m.access().json(), MappingStatus.INITIAL, TargetState.RUNNING),
          new TableCounts(0, 0, 0));
    }
    return doc.mappings().stream().flatMap(m -> mapping(m.objectName()).stream()).toList();
  }

  @Override
  public synchronized MappingDocument export() {
    return new MappingDocument(
        Optional.of("pgforce"),
        Optional.of("00D000000000001AAA"),
        Optional.of(clock.instant()),
        mappings);
  }

  /** Lag as the metrics would remember it. */
  public static Map<Direction, Duration> lag(double inboundSeconds) {
    return Map.of(Direction.INBOUND, Duration.ofMillis((long) (inboundSeconds * 1000)));
  }
}
