package io.pgforce.salesforce.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Remembers an I/O failure of the page it wraps, so that a connection lost mid-page is reported as
 * the (retriable) transport failure it is, even when the consumer wrapped it in its own exception.
 */
final class RecordingInputStream extends FilterInputStream {

  private IOException failure;

  RecordingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }
}
