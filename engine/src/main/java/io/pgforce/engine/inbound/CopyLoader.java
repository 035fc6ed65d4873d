package io.pgforce.engine.inbound;

import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.Sql;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams Bulk API 2.0 result pages straight into {@code COPY}: the CSV Salesforce sends is already
 * what COPY reads, so no row is parsed or held in the JVM, and memory stays flat whatever the size
 * of the object.
 *
 * <p>Salesforce quotes every value and sends null as an empty quoted value; {@code FORCE_NULL}
 * turns those back into NULL (Salesforce stores no empty strings, so nothing real is lost). Columns
 * come in SELECT order, which is the table definition's column order.
 */
public final class CopyLoader {

  private final SyncSchema schema;

  public CopyLoader(SyncSchema schema) {
    this.schema = schema;
  }

  /**
   * Copies one CSV page, header row included, into the table on the caller's connection.
   *
   * @return the number of rows copied
   */
  public long copyPage(Connection c, TableDefinition def, InputStream csvPage)
      throws SQLException, IOException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    return copy.copyIn(copySql(def), csvPage, 1 << 16);
  }

  String copySql(TableDefinition def) {
    String columns =
        def.columns().stream().map(Column::name).map(Sql::id).collect(Collectors.joining(", "));
    return "COPY "
        + schema.table(def.table())
        + " ("
        + columns
        + ") FROM STDIN"
        + " (FORMAT csv, HEADER true, FORCE_NULL ("
        + columns
        + "))";
  }
}
