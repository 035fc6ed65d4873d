package io.pgforce.emulator.seed;

import java.util.Random;

/**
 * The words sample records are made of. Values are picked from these arrays, so a million records
 * share a few hundred String instances for their cities, titles and the like.
 */
final class SamplePools {

  static final String[] COMPANY_WORDS = {
    "Acme",
    "Blue",
    "Harbor",
    "Summit",
    "Granite",
    "Northwind",
    "Silver",
    "Pioneer",
    "Cedar",
    "Falcon",
    "Crescent",
    "Atlas",
    "Vertex",
    "Maple",
    "Orion",
    "Redwood",
    "Beacon",
    "Cobalt",
    "Evergreen",
    "Horizon",
    "Ironwood",
    "Juniper",
    "Keystone",
    "Lighthouse",
    "Meridian",
    "Nimbus",
    "Oakridge",
    "Pinnacle",
    "Quarry",
    "Riverside",
    "Sterling",
    "Trident",
    "Union",
    "Vanguard",
    "Westfield",
    "Yellowstone",
    "Zenith",
    "Alpine",
    "Bayview",
    "Copper"
  };
  static final String[] COMPANY_KINDS = {
    "Logistics",
    "Systems",
    "Foods",
    "Health",
    "Energy",
    "Capital",
    "Media",
    "Labs",
    "Motors",
    "Textiles",
    "Robotics",
    "Analytics",
    "Pharma",
    "Outfitters",
    "Builders",
    "Networks"
  };
  static final String[] COMPANY_SUFFIXES = {"Inc.", "LLC", "Ltd.", "Corp.", "Group", "Co.", "GmbH"};
  static final String[] FIRST_NAMES = {
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
    "Mia", "Mason", "Amelia", "Ethan", "Harper", "Logan", "Evelyn", "Aiden", "Abigail", "Jackson",
    "Emily", "Sebastian", "Ella", "Mateo", "Chloe", "Henry", "Grace", "Owen", "Zoe", "Samuel"
  };
  static final String[] LAST_NAMES = {
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright"
  };
  static final String[] TITLES = {
    "CEO",
    "CFO",
    "CTO",
    "VP Sales",
    "VP Marketing",
    "Head of Operations",
    "Buyer",
    "Procurement Manager",
    "IT Director",
    "Engineer",
    "Account Manager",
    "Office Manager"
  };
  static final String[] STREETS = {
    "Main St",
    "Oak Ave",
    "Pine Rd",
    "Maple Dr",
    "Cedar Ln",
    "Elm St",
    "Market St",
    "Broadway",
    "Harbor Blvd",
    "Lake Shore Dr",
    "Mission St",
    "Sunset Blvd",
    "Park Ave",
    "2nd St",
    "Hill Rd"
  };

  /** City, state, postal code, country. */
  static final String[][] CITIES = {
    {"San Francisco", "CA", "94105", "United States"},
    {"New York", "NY", "10001", "United States"},
    {"Chicago", "IL", "60601", "United States"},
    {"Austin", "TX", "73301", "United States"},
    {"Seattle", "WA", "98101", "United States"},
    {"Boston", "MA", "02108", "United States"},
    {"Denver", "CO", "80202", "United States"},
    {"Atlanta", "GA", "30303", "United States"},
    {"Toronto", "ON", "M5H 2N2", "Canada"},
    {"London", "England", "EC1A 1BB", "United Kingdom"},
    {"Paris", "Ile-de-France", "75001", "France"},
    {"Berlin", "Berlin", "10115", "Germany"},
    {"Sydney", "NSW", "2000", "Australia"},
    {"Tokyo", "Tokyo", "100-0001", "Japan"}
  };

  static final String[] PRODUCTS = {
    "Renewal", "Expansion", "New Business", "Pilot", "Services", "Upgrade", "Support Plan"
  };

  private SamplePools() {}

  static <T> T pick(Random random, T[] pool) {
    return pool[random.nextInt(pool.length)];
  }
}
