package io.pgforce.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Signs JWT bearer assertions as a connected app's client would, for tests. */
final class Jwts {

  private Jwts() {}

  static String signed(PrivateKey key, String issuer, String subject, String audience, long exp)
      throws GeneralSecurityException {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        url.encodeToString(
            ("{\"iss\":\""
                    + issuer
                    + "\",\"sub\":\""
                    + subject
                    + "\",\"aud\":\""
                    + audience
                    + "\",\"exp\":"
                    + exp
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + url.encodeToString(rsa.sign());
  }
}
