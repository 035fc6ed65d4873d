package io.pgforce.salesforce.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * A successful response whose body is still on the socket: {@link #body()} streams it, so a reader
 * decides whether to parse, copy or skip it. Closing it reads what is left of a short body (so the
 * connection returns to the pool) and abandons a long one.
 */
public final class ApiResponse implements AutoCloseable {

  private static final int MAX_DRAIN = 256 * 1024;

  private final int status;
  private final HttpFields headers;
  private final InputStream socket;
  private final GuardedStream body;

  ApiResponse(int status, HttpFields headers, InputStream socket) {
    this.status = status;
    this.headers = headers;
    this.socket = socket;
    this.body = new GuardedStream(socket);
  }

  /** A response from elsewhere than the network, for tests of code that reads responses. */
  public static ApiResponse of(int status, Map<String, String> headers, InputStream body) {
    HttpFields.Mutable fields = HttpFields.build();
    headers.forEach(fields::put);
    return new ApiResponse(status, fields, body);
  }

  public int status() {
    return status;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The body as it arrives. Closing this stream does nothing; close the response instead. */
  public InputStream body() {
    return body;
  }

  /**
   * Drains and closes quietly: by now the reader has what it needed, and a failure to recycle the
   * connection must not turn a successful call into a failed one.
   */
  @Override
  public void close() {
    try (socket) {
      drain();
    } catch (IOException | RuntimeException abandoned) {
      // the connection is closed instead of reused
    }
  }

  private void drain() throws IOException {
    long skipped = 0;
    byte[] buffer = new byte[8192];
    int read;
    while (skipped < MAX_DRAIN && (read = body.read(buffer)) >= 0) {
      skipped += read;
    }
  }

  /**
   * What readers see of the socket. Consumers (a JSON parser, PostgreSQL's COPY) may close what
   * they read, but only the response decides about the connection; and Jetty reports some failures
   * as unchecked exceptions, which become the IOExceptions readers expect.
   */
  private static final class GuardedStream extends FilterInputStream {
    GuardedStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (RuntimeException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (RuntimeException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public void close() {}
  }
}
