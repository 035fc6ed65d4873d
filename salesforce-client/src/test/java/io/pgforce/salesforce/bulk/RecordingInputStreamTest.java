package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RecordingInputStreamTest {

  @Test
  void remembersAFailureTheConsumerSwallowed() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Connection reset");
          }
        };
    RecordingInputStream recording = new RecordingInputStream(broken);

    assertThatThrownBy(() -> recording.read(new byte[10], 0, 10)).isInstanceOf(IOException.class);
    assertThat(recording.failure())
        .hasValueSatisfying(e -> assertThat(e).hasMessage("Connection reset"));
  }

  @Test
  void hasNoFailureAfterACleanRead() throws IOException {
    RecordingInputStream recording =
        new RecordingInputStream(new ByteArrayInputStream(new byte[] {1, 2}));
    assertThat(recording.readAllBytes()).hasSize(2);
    assertThat(recording.failure()).isEmpty();
  }
}
