package io.pgforce.emulator.bulk;

import java.io.OutputStream;

/** Counts what is written (bytes, line feeds, the largest single write) and keeps nothing. */
final class CountingStream extends OutputStream {

  long bytes;
  long newlines;
  int largestWrite;

  @Override
  public void write(int b) {
    bytes++;
    if (b == '\n') {
      newlines++;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes += len;
    largestWrite = Math.max(largestWrite, len);
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        newlines++;
      }
    }
  }
}
