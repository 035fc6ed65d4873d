package io.pgforce.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PublicKeysTest {

  @Test
  void aCertificateAndItsPublicKeyGiveTheSameKey() throws IOException {
    PublicKey fromCertificate = PublicKeys.parse(resource("/jwt/app-certificate.pem"));
    PublicKey fromKey = PublicKeys.parse(resource("/jwt/app-public-key.pem"));
    assertThat(fromCertificate.getEncoded()).isEqualTo(fromKey.getEncoded());
    assertThat(fromKey.getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void aGeneratedKeyRoundTripsThroughPem() throws Exception {
    PublicKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertThat(PublicKeys.parse(pem)).isEqualTo(key);
  }

  @Test
  void anythingElseIsRefused() {
    assertThatThrownBy(() -> PublicKeys.parse("hello"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PublicKeys.parse("-----BEGIN PUBLIC KEY-----\n!!\n-----END"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PublicKeysTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
