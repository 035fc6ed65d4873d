package io.pgforce.salesforce.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.Test;

class ReplayExtensionTest {

  private final ReplayPosition position = new ReplayPosition(6421);
  private final ReplayExtension extension = new ReplayExtension("/data/ChangeEvents", position);

  private static HashMapMessage message(String channel) {
    HashMapMessage message = new HashMapMessage();
    message.setChannel(channel);
    return message;
  }

  private static HashMapMessage subscribe(String subscription) {
    HashMapMessage message = message(Channel.META_SUBSCRIBE);
    message.put(Message.SUBSCRIPTION_FIELD, subscription);
    return message;
  }

  private void serverConfirmsReplay(boolean confirmed) {
    HashMapMessage reply = message(Channel.META_HANDSHAKE);
    reply.setSuccessful(true);
    if (confirmed) {
      reply.getExt(true).put("replay", true);
    }
    extension.rcvMeta(null, reply);
  }

  @Test
  void announcesReplayInTheHandshake() {
    HashMapMessage handshake = message(Channel.META_HANDSHAKE);
    extension.sendMeta(null, handshake);
    assertThat(handshake.getExt()).containsEntry("replay", true);
  }

  @Test
  void subscribesFromTheLastDeliveredReplayId() {
    serverConfirmsReplay(true);
    position.delivered(6425);
    HashMapMessage subscribe = subscribe("/data/ChangeEvents");

    extension.sendMeta(null, subscribe);

    assertThat(subscribe.getExt()).containsEntry("replay", Map.of("/data/ChangeEvents", 6425L));
  }

  @Test
  void leavesOtherSubscriptionsAndUnconfirmedServersAlone() {
    serverConfirmsReplay(true);
    HashMapMessage other = subscribe("/data/LeadChangeEvent");
    extension.sendMeta(null, other);
    assertThat(other.getExt()).isNull();

    serverConfirmsReplay(false);
    HashMapMessage ours = subscribe("/data/ChangeEvents");
    extension.sendMeta(null, ours);
    assertThat(extension.supported()).isFalse();
    assertThat(ours.getExt()).isNull();
  }

  @Test
  void startsFromTheCallersReplayFrom() {
    assertThat(new ReplayPosition(-1).current()).isEqualTo(-1);
    assertThat(new ReplayPosition(-2).current()).isEqualTo(-2);
    assertThatThrownBy(() -> new ReplayPosition(-3)).isInstanceOf(IllegalArgumentException.class);
  }
}
