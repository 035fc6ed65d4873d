package io.pgforce.app.admin;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Lets a request through only with {@code Authorization: Bearer <admin.token>}, when a token is
 * set. Both sides are hashed before the comparison, so it takes the same time whatever the
 * presented token's length or how much of it matches.
 */
final class TokenGate {

  private final Optional<byte[]> expected;

  TokenGate(Optional<String> token) {
    this.expected = token.map(TokenGate::sha256);
  }

  void check(Context ctx) {
    if (expected.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    String presented = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    if (!MessageDigest.isEqual(expected.get(), sha256(presented))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"pgforce\"");
      throw new UnauthorizedException(
          "this admin API needs Authorization: Bearer <admin.token>"
              + (header == null ? "" : "; the token sent is not the configured one"));
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
