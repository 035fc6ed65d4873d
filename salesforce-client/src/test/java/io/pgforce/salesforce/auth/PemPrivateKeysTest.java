package io.pgforce.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

class PemPrivateKeysTest {

  @Test
  void readsAPkcs8Key() {
    PrivateKey key = PemPrivateKeys.parse(TestKeys.pkcs8Pem());

    assertThat(key.getAlgorithm()).isEqualTo("RSA");
    assertThat(key.getEncoded()).isEqualTo(TestKeys.PAIR.getPrivate().getEncoded());
  }

  @Test
  void explainsHowToConvertAPkcs1Key() {
    String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PemPrivateKeys.parse(pkcs1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void neverEchoesTheKeyMaterialInErrors() {
    String broken =
        "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PemPrivateKeys.parse(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("c2VjcmV0");
    assertThatThrownBy(() -> PemPrivateKeys.parse("no pem here"))
        .hasMessageContaining("no '-----BEGIN PRIVATE KEY-----' block");
  }
}
