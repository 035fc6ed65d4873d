package io.pgforce.engine.inbound;

import io.pgforce.engine.SyncObserver;
import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.state.PositionStore;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.streaming.ChangeEvent;
import io.pgforce.salesforce.streaming.ChangeEventHeader;
import io.pgforce.salesforce.streaming.ChangeEventListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one mapping's Change Data Capture events as they arrive, each in one transaction with its
 * replayId. CREATE and UNDELETE carry every non-null field, UPDATE only what changed, DELETE
 * nothing. Gap events ({@code GAP_*}, {@code GAP_OVERFLOW}) carry no values, and an UPDATE of a
 * record the table does not have yet lacks the unchanged ones: for those, as after a reconnect, the
 * mapping's poller is asked to read the window the stream could not deliver.
 *
 * <p>Nothing here calls Salesforce: events arrive on the HTTP client thread that read them, and a
 * call made there can wait for a response that thread itself would have to read. Polls run on the
 * mapping's own thread.
 *
 * <p>Events that pgforce's own writes caused (their {@code changeOrigin} names pgforce's client)
 * are applied like any other: they carry Salesforce's final values, including anything its
 * automation changed in the same transaction, and applying them marks the pushed rows SYNCED.
 */
public final class ChangeEventApplier implements ChangeEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeEventApplier.class);

  private final TableDefinition def;
  private final Database db;
  private final SyncSchema schema;
  private final SalesforceClient salesforce;
  private final PositionStore positions;
  private final RowApplier applier;
  private final ConflictResolver conflicts;
  private final RowColumns rowColumns;
  private final Runnable requestPoll;
  private final String channel;
  private final SyncObserver observer;
  private final Clock clock;
  private volatile long echoes;

  public ChangeEventApplier(
      TableDefinition def,
      Database db,
      SyncSchema schema,
      SalesforceClient salesforce,
      Clock clock,
      String channel,
      Runnable requestPoll,
      SyncObserver observer) {
    this.def = def;
    this.db = db;
    this.schema = schema;
    this.salesforce = salesforce;
    this.positions = new PositionStore(clock);
    this.applier = new RowApplier(schema);
    this.conflicts = new ConflictResolver(schema);
    this.rowColumns = new RowColumns(schema);
    this.channel = channel;
    this.requestPoll = requestPoll;
    this.observer = observer;
    this.clock = clock;
  }

  /**
   * The channel of one object's change events: {@code /data/AccountChangeEvent}, {@code
   * /data/Invoice__ChangeEvent}.
   */
  public static String channelFor(String objectName) {
    String base =
        objectName.endsWith("__c") ? objectName.substring(0, objectName.length() - 1) : objectName;
    return "/data/" + base + "ChangeEvent";
  }

  /** How many events pgforce's own writes caused. */
  public long echoes() {
    return echoes;
  }

  @Override
  public void onEvent(ChangeEvent event) throws Exception {
    applyAll(List.of(event));
  }

  /**
   * Applies events in order in one transaction, which also saves the last one's replayId: a burst
   * of events costs one commit, not one each. A gap event, or an update of a row the table does not
   * have yet, carries too little to apply: a windowed poll reads those records instead.
   */
  public void applyAll(List<ChangeEvent> events) throws SQLException {
    boolean[] incomplete = {false};
    db.inTransaction(
        c -> {
          for (ChangeEvent event : events) {
            if (event.header().changeType().isGap() || !apply(c, event)) {
              incomplete[0] = true;
            }
          }
          positions.saveReplayId(c, channel, events.get(events.size() - 1).replayId());
          return null;
        });
    if (incomplete[0]) {
      requestPoll.run();
    }
    events.forEach(this::observe);
  }

  private void observe(ChangeEvent event) {
    ChangeEventHeader h = event.header();
    if (h.originatedFrom(salesforce.config().clientName())) {
      echoes++;
    }
    if (h.changeType().isGap()) {
      return; // the poll it asked for reports what it reads
    }
    String object = def.mapping().objectName();
    observer.rowsSynced(object, Direction.INBOUND, h.recordIds().size());
    observer.lag(
        object,
        Direction.INBOUND,
        "cdc",
        java.time.Duration.between(Instant.ofEpochMilli(h.commitTimestamp()), clock.instant()));
  }

  /** Asks for a windowed poll, which reads again whatever events could not be applied. */
  public void requestRepair() {
    requestPoll.run();
  }

  @Override
  public void onConnected() {
    requestPoll.run(); // events during a disconnect may be gone: read the window again
  }

  @Override
  public void onDisconnected(Throwable cause) {
    LOG.warn(
        "event=\"{} change stream lost, reconnecting\" channel={} error=\"{}\"",
        def.mapping().objectName(),
        channel,
        cause == null ? "" : cause.getMessage());
  }

  @Override
  public void onError(Throwable error) {
    LOG.error(
        "event=\"{} change stream stopped\" channel={} error=\"{}\"",
        def.mapping().objectName(),
        channel,
        error.getMessage());
    requestPoll.run();
  }

  /** Applies a CREATE, UPDATE, DELETE or UNDELETE; false when a poll must complete it. */
  private boolean apply(Connection c, ChangeEvent event) throws SQLException {
    ChangeEventHeader h = event.header();
    Instant at = Instant.ofEpochMilli(h.commitTimestamp()).truncatedTo(ChronoUnit.SECONDS);
    switch (h.changeType()) {
      case CREATE -> applier.apply(c, def, fullRows(unlessPushedHere(c, h), event, at));
      case UNDELETE -> applier.apply(c, def, fullRows(h.recordIds(), event, at));
      case UPDATE -> {
        return update(c, h, EventFields.columns(def, event.fields()), at);
      }
      case DELETE ->
          applier.apply(
              c,
              def,
              h.recordIds().stream().map(id -> new InboundRow(id, true, at, List.of())).toList());
      default -> throw new IllegalArgumentException("not a change with values: " + h.changeType());
    }
    return true;
  }

  private List<InboundRow> fullRows(List<String> ids, ChangeEvent event, Instant at) {
    Map<String, String> values = EventFields.columns(def, event.fields());
    List<InboundRow> rows = new ArrayList<>();
    for (String id : ids) {
      List<String> row = new ArrayList<>();
      for (Column col : def.columns()) {
        row.add(
            switch (col.name()) {
              case "sfid" -> id;
              case "isdeleted" -> "false";
              case "systemmodstamp" -> at.toString();
              default -> values.get(col.name());
            });
      }
      rows.add(new InboundRow(id, false, at, row));
    }
    return rows;
  }

  /**
   * Updates only the changed columns. A row whose own change waits to be pushed is settled field by
   * field ({@link ConflictResolver#resolveUpdate}); pgforce's own writes coming back are not
   * Salesforce edits, and leave the fields of such a row that wait as they are ({@link
   * ConflictResolver#ownWriteOnWaitingRow}).
   *
   * @return false when a record is not in the table yet: a poll must read it in full
   */
  private boolean update(Connection c, ChangeEventHeader h, Map<String, String> changed, Instant at)
      throws SQLException {
    boolean own = h.originatedFrom(salesforce.config().clientName());
    boolean complete = true;
    for (String id : h.recordIds()) {
      Optional<Map<String, String>> onWaitingRow =
          own
              ? conflicts.ownWriteOnWaitingRow(c, def, id, changed)
              : conflicts.resolveUpdate(c, def, id, changed, at);
      int updated =
          onWaitingRow.isPresent()
              ? rowColumns.set(c, def, id, onWaitingRow.get(), at, true)
              : rowColumns.set(c, def, id, changed, at, false);
      if (updated == 0 && !exists(c, id)) {
        complete = false;
      }
    }
    return complete;
  }

  /**
   * The records of a CREATE to insert. One pgforce created itself can overtake the writer, which
   * has yet to write the new sfid back to the local row: inserting it would make a second row. The
   * writer gives the local row its sfid; the event adds nothing to that.
   */
  private List<String> unlessPushedHere(Connection c, ChangeEventHeader h) throws SQLException {
    if (!h.originatedFrom(salesforce.config().clientName())) {
      return h.recordIds();
    }
    List<String> known = new ArrayList<>();
    for (String id : h.recordIds()) {
      if (exists(c, id)) {
        known.add(id);
      }
    }
    return known;
  }

  private boolean exists(Connection c, String sfid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + schema.table(def.table()) + " WHERE sfid = ?")) {
      ps.setString(1, sfid);
      return ps.executeQuery().next();
    }
  }
}
