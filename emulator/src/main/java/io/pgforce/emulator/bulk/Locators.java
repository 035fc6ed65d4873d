package io.pgforce.emulator.bulk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Query result locators: the offset of the next page, base64 encoded as Salesforce's look ({@code
 * MTAwMDA} is offset 10000). The last page's locator is the string {@code null}. A locator stays
 * valid as long as its job exists, so a page can be read again.
 */
final class Locators {

  /** What {@code Sforce-Locator} says on the last page. */
  static final String LAST_PAGE = "null";

  private Locators() {}

  static String encode(int offset) {
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
  }

  /** The offset a locator names, or empty when it is not one this emulator made. */
  static Optional<Integer> decode(String locator) {
    try {
      String digits = new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII);
      int offset = Integer.parseInt(digits);
      return offset >= 0 && encode(offset).equals(locator) ? Optional.of(offset) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
