package io.pgforce.emulator.metadata;

import static io.pgforce.emulator.metadata.FieldType.BOOLEAN;
import static io.pgforce.emulator.metadata.FieldType.CURRENCY;
import static io.pgforce.emulator.metadata.FieldType.DATE;
import static io.pgforce.emulator.metadata.FieldType.EMAIL;
import static io.pgforce.emulator.metadata.FieldType.INT;
import static io.pgforce.emulator.metadata.FieldType.PERCENT;
import static io.pgforce.emulator.metadata.FieldType.PHONE;
import static io.pgforce.emulator.metadata.FieldType.STRING;
import static io.pgforce.emulator.metadata.FieldType.URL;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The standard objects every org has, with their common fields, as a real org describes them
 * (names, types, lengths, picklist values, key prefixes). Not every standard field is here: the
 * emulator keeps the ones integrations use; docs/emulator.md lists the difference.
 */
public final class StandardObjects {

  private static final String[] LEAD_SOURCES = {
    "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"
  };
  private static final String[] INDUSTRIES = {
    "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
    "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
    "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare",
    "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit",
    "Recreation", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation",
    "Utilities", "Other"
  };
  private static final String[] RATINGS = {"Hot", "Warm", "Cold"};
  private static final String[] SALUTATIONS = {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof."};
  private static final String[] STAGES = {
    "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
    "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"
  };

  private StandardObjects() {}

  /** All standard objects, in the order describeGlobal lists them. */
  public static List<SObjectDefinition> all() {
    return List.of(account(), contact(), opportunity(), lead(), caseObject(), user());
  }

  static SObjectDefinition account() {
    return SObjectBuilder.object("Account", "Account", "Accounts", "001")
        .name("Name", "Account Name", 255)
        .picklist(
            "Type",
            "Account Type",
            "Prospect",
            "Customer - Direct",
            "Customer - Channel",
            "Channel Partner / Reseller",
            "Installation Partner",
            "Technology Partner",
            "Other")
        .lookup("ParentId", "Parent Account ID", "Account", "Parent", "ChildAccounts")
        .address("Billing", "Billing")
        .address("Shipping", "Shipping")
        .typed("Phone", "Account Phone", PHONE, 40)
        .typed("Fax", "Account Fax", PHONE, 40)
        .text("AccountNumber", "Account Number", 40, false)
        .typed("Website", "Website", URL, 255)
        .text("Sic", "SIC Code", 20, false)
        .picklist("Industry", "Industry", INDUSTRIES)
        .number("AnnualRevenue", "Annual Revenue", CURRENCY, 18, 0)
        .number("NumberOfEmployees", "Employees", INT, 8, 0)
        .picklist("Ownership", "Ownership", "Public", "Private", "Subsidiary", "Other")
        .text("TickerSymbol", "Ticker Symbol", 20, false)
        .textArea("Description", "Account Description", 32000)
        .picklist("Rating", "Account Rating", RATINGS)
        .text("Site", "Account Site", 80, false)
        .build();
  }

  static SObjectDefinition contact() {
    return SObjectBuilder.object("Contact", "Contact", "Contacts", "003")
        .lookup("AccountId", "Account ID", "Account", "Account", "Contacts")
        .text("LastName", "Last Name", 80, true)
        .text("FirstName", "First Name", 40, false)
        .picklist("Salutation", "Salutation", SALUTATIONS)
        .field(fullName("Contact Name"))
        .address("Mailing", "Mailing")
        .typed("Phone", "Business Phone", PHONE, 40)
        .typed("Fax", "Business Fax", PHONE, 40)
        .typed("MobilePhone", "Mobile Phone", PHONE, 40)
        .typed("HomePhone", "Home Phone", PHONE, 40)
        .lookup("ReportsToId", "Reports To ID", "Contact", "ReportsTo", null)
        .field(FieldDefinition.builder("Email", EMAIL).label("Email").length(80).idLookup())
        .text("Title", "Title", 128, false)
        .text("Department", "Department", 80, false)
        .picklist("LeadSource", "Lead Source", LEAD_SOURCES)
        .date("Birthdate", "Birthdate", DATE)
        .textArea("Description", "Contact Description", 32000)
        .checkbox("HasOptedOutOfEmail", "Email Opt Out")
        .checkbox("DoNotCall", "Do Not Call")
        .build();
  }

  static SObjectDefinition opportunity() {
    return SObjectBuilder.object("Opportunity", "Opportunity", "Opportunities", "006")
        .lookup("AccountId", "Account ID", "Account", "Account", "Opportunities")
        .name("Name", "Name", 120)
        .textArea("Description", "Description", 32000)
        .field(
            FieldDefinition.builder("StageName", FieldType.PICKLIST)
                .label("Stage")
                .length(255)
                .picklist(List.of(pickValues(STAGES)), false)
                .required())
        .number("Amount", "Amount", CURRENCY, 18, 2)
        .number("Probability", "Probability (%)", PERCENT, 3, 0)
        .field(
            FieldDefinition.builder("ExpectedRevenue", CURRENCY)
                .label("Expected Amount")
                .precision(18, 2)
                .derivedBy(StandardObjects::expectedRevenue))
        .field(FieldDefinition.builder("CloseDate", DATE).label("Close Date").required())
        .picklist(
            "Type",
            "Opportunity Type",
            "Existing Customer - Upgrade",
            "Existing Customer - Replacement",
            "Existing Customer - Downgrade",
            "New Customer")
        .text("NextStep", "Next Step", 255, false)
        .picklist("LeadSource", "Lead Source", LEAD_SOURCES)
        .derived("IsClosed", "Closed", BOOLEAN, 0, v -> stageStartsWith(v, "Closed"))
        .derived("IsWon", "Won", BOOLEAN, 0, v -> stageStartsWith(v, "Closed Won"))
        .build();
  }

  static SObjectDefinition lead() {
    return SObjectBuilder.object("Lead", "Lead", "Leads", "00Q")
        .text("LastName", "Last Name", 80, true)
        .text("FirstName", "First Name", 40, false)
        .picklist("Salutation", "Salutation", SALUTATIONS)
        .field(fullName("Full Name"))
        .text("Title", "Title", 128, false)
        .text("Company", "Company", 255, true)
        .address("", "")
        .typed("Phone", "Phone", PHONE, 40)
        .typed("MobilePhone", "Mobile Phone", PHONE, 40)
        .field(FieldDefinition.builder("Email", EMAIL).label("Email").length(80).idLookup())
        .typed("Website", "Website", URL, 255)
        .textArea("Description", "Description", 32000)
        .picklist("LeadSource", "Lead Source", LEAD_SOURCES)
        .picklistWithDefault(
            "Status",
            "Status",
            true,
            "Open - Not Contacted",
            "Open - Not Contacted",
            "Working - Contacted",
            "Closed - Converted",
            "Closed - Not Converted")
        .picklist("Industry", "Industry", INDUSTRIES)
        .picklist("Rating", "Rating", RATINGS)
        .number("AnnualRevenue", "Annual Revenue", CURRENCY, 18, 0)
        .number("NumberOfEmployees", "Employees", INT, 8, 0)
        .field(FieldDefinition.builder("IsConverted", BOOLEAN).label("Converted").readOnly())
        .build();
  }

  static SObjectDefinition caseObject() {
    return SObjectBuilder.object("Case", "Case", "Cases", "500")
        .field(
            FieldDefinition.builder("CaseNumber", STRING)
                .label("Case Number")
                .length(30)
                .autoNumber()
                .nameField()
                .idLookup())
        .lookup("ContactId", "Contact ID", "Contact", "Contact", "Cases")
        .lookup("AccountId", "Account ID", "Account", "Account", "Cases")
        .text("SuppliedName", "Name", 80, false)
        .typed("SuppliedEmail", "Email Address", EMAIL, 80)
        .text("SuppliedPhone", "Phone", 40, false)
        .picklist(
            "Type", "Case Type", "Mechanical", "Electrical", "Electronic", "Structural", "Other")
        .picklistWithDefault(
            "Status", "Status", false, "New", "New", "Working", "Escalated", "Closed")
        .picklist(
            "Reason",
            "Case Reason",
            "Installation",
            "Equipment Complexity",
            "Performance",
            "Breakdown",
            "Equipment Design",
            "Feedback",
            "Other")
        .picklist("Origin", "Case Origin", "Phone", "Email", "Web")
        .text("Subject", "Subject", 255, false)
        .picklistWithDefault("Priority", "Priority", false, "Medium", "High", "Medium", "Low")
        .textArea("Description", "Description", 32000)
        .derived("IsClosed", "Closed", BOOLEAN, 0, v -> "Closed".equals(v.apply("Status")))
        .checkbox("IsEscalated", "Escalated")
        .build();
  }

  static SObjectDefinition user() {
    return SObjectBuilder.object("User", "User", "Users", "005")
        .notDeletable()
        .unowned()
        .field(
            FieldDefinition.builder("Username", STRING)
                .label("Username")
                .length(80)
                .required()
                .unique()
                .idLookup())
        .text("LastName", "Last Name", 80, true)
        .text("FirstName", "First Name", 40, false)
        .field(fullName("Full Name"))
        .text("CompanyName", "Company Name", 80, false)
        .text("Title", "Title", 80, false)
        .text("Department", "Department", 80, false)
        .field(FieldDefinition.builder("Email", EMAIL).label("Email").length(128).required())
        .typed("Phone", "Phone", PHONE, 40)
        .typed("MobilePhone", "Mobile", PHONE, 40)
        .text("Alias", "Alias", 8, true)
        .field(FieldDefinition.builder("IsActive", BOOLEAN).label("Active").defaultValue(true))
        .picklistWithDefault(
            "TimeZoneSidKey",
            "Time Zone",
            true,
            "America/Los_Angeles",
            "America/Los_Angeles",
            "America/New_York",
            "Europe/London",
            "Europe/Paris",
            "GMT")
        .picklistWithDefault(
            "LocaleSidKey", "Locale", true, "en_US", "en_US", "en_GB", "fr_FR", "de_DE")
        .picklistWithDefault(
            "EmailEncodingKey", "Email Encoding", true, "UTF-8", "UTF-8", "ISO-8859-1")
        .picklistWithDefault("LanguageLocaleKey", "Language", true, "en_US", "en_US", "fr", "de")
        .build();
  }

  /** Name on Contact, Lead and User: first and last name joined, read-only. */
  private static FieldDefinition.Builder fullName(String label) {
    return FieldDefinition.builder("Name", STRING)
        .label(label)
        .length(121)
        .nameField()
        .derivedBy(StandardObjects::joinNames);
  }

  private static Object joinNames(Function<String, Object> values) {
    Object first = values.apply("FirstName");
    Object last = values.apply("LastName");
    if (first == null) {
      return last;
    }
    return last == null ? first : first + " " + last;
  }

  private static Object expectedRevenue(Function<String, Object> values) {
    if (!(values.apply("Amount") instanceof Double amount)
        || !(values.apply("Probability") instanceof Double probability)) {
      return null;
    }
    return BigDecimal.valueOf(amount)
        .multiply(BigDecimal.valueOf(probability))
        .movePointLeft(2)
        .doubleValue();
  }

  private static Boolean stageStartsWith(Function<String, Object> values, String prefix) {
    return values.apply("StageName") instanceof String stage && stage.startsWith(prefix);
  }

  private static PicklistValue[] pickValues(String... values) {
    return Arrays.stream(values).map(PicklistValue::of).toArray(PicklistValue[]::new);
  }
}
