package io.pgforce.emulator.store;

/**
 * Who the org is and who uses it: the org's id and name and the one user every session acts as.
 *
 * @param orgId the 18-character Organization id (prefix 00D)
 * @param orgName the organization's name
 * @param userId the 18-character id of the admin user (prefix 005)
 * @param username the admin user's login name
 */
public record OrgIdentity(String orgId, String orgName, String userId, String username) {}
