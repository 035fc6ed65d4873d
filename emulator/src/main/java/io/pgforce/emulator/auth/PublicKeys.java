package io.pgforce.emulator.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the key JWT bearer assertions are checked against, from a PEM file holding either an X.509
 * certificate (what a connected app is given in Salesforce) or an RSA public key.
 */
public final class PublicKeys {

  private PublicKeys() {}

  public static PublicKey read(Path pemFile) {
    try {
      return parse(Files.readString(pemFile, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read JWT key file " + pemFile, e);
    }
  }

  /** The key in PEM text: {@code BEGIN CERTIFICATE} or {@code BEGIN PUBLIC KEY}. */
  public static PublicKey parse(String pem) {
    try {
      if (pem.contains("BEGIN CERTIFICATE")) {
        return CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(body(pem)))
            .getPublicKey();
      }
      if (pem.contains("BEGIN PUBLIC KEY")) {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem)));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a valid PEM certificate or RSA public key", e);
    }
    throw new IllegalArgumentException(
        "Expected a PEM certificate (BEGIN CERTIFICATE) or public key (BEGIN PUBLIC KEY)");
  }

  private static byte[] body(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }
}
