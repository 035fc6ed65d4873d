package io.pgforce.app.demo;

import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.seed.SeedSummary;
import java.io.PrintWriter;

/** What the demo prints: where everything is, and what to try once the data has arrived. */
final class DemoBanner {

  private DemoBanner() {}

  static void running(PrintWriter out, Demo demo) {
    EmulatorConfig org = demo.emulator().config();
    SeedSummary s = demo.seeded();
    out.println();
    out.println("pgforce demo");
    out.println("  Dashboard:   " + demo.dashboardUrl());
    out.println(
        "  PostgreSQL:  psql \"" + demo.databaseUrl() + "\"   (tables in schema salesforce)");
    out.println("  Salesforce:  an emulated org; login URL " + demo.emulator().baseUrl());
    out.println("               username " + org.username() + "   password " + org.password());
    out.println(
        "               client id " + org.clientId() + "   client secret " + org.clientSecret());
    out.printf(
        "  Sample org:  %,d Accounts, %,d Contacts, %,d Opportunities%n",
        s.accounts(), s.contacts(), s.opportunities());
    out.println("  Mappings:    Account and Contact read-write, Opportunity read-only");
    out.println("Loading the org into PostgreSQL...");
    out.flush();
  }

  static void synced(PrintWriter out, Demo demo, String accountId) {
    EmulatorConfig org = demo.emulator().config();
    String base = demo.emulator().baseUrl();
    out.println();
    out.println("Synced. Try it:");
    out.println("  1. Change a row in PostgreSQL:");
    out.println(
        "     psql \""
            + demo.databaseUrl()
            + "\" -c \"UPDATE salesforce.account SET phone = '+1 555 0100' WHERE sfid = '"
            + accountId
            + "'\"");
    out.println("  2. Watch it arrive in Salesforce (log in, then read the record):");
    out.println(
        "     TOKEN=$(curl -s "
            + base
            + "/services/oauth2/token -d grant_type=password -d username="
            + org.username()
            + " -d password="
            + org.password()
            + " -d client_id="
            + org.clientId()
            + " -d client_secret="
            + org.clientSecret()
            + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
    out.println(
        "     curl -s -H \"Authorization: Bearer $TOKEN\" "
            + base
            + "/services/data/v"
            + org.apiVersion()
            + "/sobjects/Account/"
            + accountId
            + "?fields=Name,Phone");
    out.println("  3. Watch the dashboard at " + demo.dashboardUrl() + " and the log lines below.");
    out.println(
        "Press Ctrl+C to stop"
            + (demo.embeddedDatabase() ? " (the embedded database is removed)." : "."));
    out.flush();
  }
}
