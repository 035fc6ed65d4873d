package io.pgforce.emulator.auth;

import static io.pgforce.emulator.server.SoapEnvelopes.escape;

import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.session.Session;
import io.pgforce.emulator.store.IdGenerator;
import io.pgforce.emulator.store.OrgIdentity;
import io.pgforce.emulator.store.StoredRecord;

/**
 * The {@code loginResponse} of the SOAP partner API. Clients take the instance URL from {@code
 * serverUrl} (scheme, host and port), the token from {@code sessionId} and the ids from {@code
 * userId} and {@code organizationId}.
 */
final class LoginResult {

  private final OrgServices org;
  private final Session session;
  private final String version;

  LoginResult(OrgServices org, Session session, String version) {
    this.org = org;
    this.session = session;
    this.version = version;
  }

  String xml() {
    OrgIdentity id = org.identity();
    String base = org.baseUrl();
    return "<loginResponse><result>"
        + element("metadataServerUrl", base + "/services/Soap/m/" + version + "/" + id.orgId())
        + element("passwordExpired", "false")
        + element("sandbox", "false")
        + element("serverUrl", base + "/services/Soap/u/" + version + "/" + id.orgId())
        + element("sessionId", session.accessToken())
        + element("userId", id.userId())
        + "<userInfo>"
        + userInfo(id)
        + "</userInfo>"
        + "</result></loginResponse>";
  }

  private String userInfo(OrgIdentity id) {
    StoredRecord user = org.store().find(id.userId()).orElseThrow();
    return element("accessibilityMode", "false")
        + element("chatterExternal", "false")
        + element("currencySymbol", "$")
        + element("orgAttachmentFileSizeLimit", "5242880")
        + element("orgDefaultCurrencyIsoCode", "USD")
        + element("orgDefaultCurrencyLocale", "en_US")
        + element("orgDisallowHtmlAttachments", "false")
        + element("orgHasPersonAccounts", "false")
        + element("organizationId", id.orgId())
        + element("organizationMultiCurrency", "false")
        + element("organizationName", id.orgName())
        + element("profileId", IdGenerator.fixed("00e", 1))
        + "<roleId xsi:nil=\"true\"/>"
        + element("sessionSecondsValid", Long.toString(org.sessions().lifetime().toSeconds()))
        + "<userDefaultCurrencyIsoCode xsi:nil=\"true\"/>"
        + element("userEmail", String.valueOf(user.getOrNull("Email")))
        + element("userFullName", String.valueOf(user.getOrNull("Name")))
        + element("userId", id.userId())
        + element("userLanguage", "en_US")
        + element("userLocale", "en_US")
        + element("userName", id.username())
        + element("userTimeZone", String.valueOf(user.getOrNull("TimeZoneSidKey")))
        + element("userType", "Standard")
        + element("userUiSkin", "Theme3");
  }

  private static String element(String name, String text) {
    return "<" + name + ">" + escape(text) + "</" + name + ">";
  }
}
