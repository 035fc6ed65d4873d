package io.pgforce.emulator.metadata;

/**
 * A lookup seen from the parent's side, as describe lists it under {@code childRelationships}.
 *
 * @param childSObject the object holding the lookup (Contact)
 * @param field the lookup field (AccountId)
 * @param relationshipName the name the parent uses for its children (Contacts), or null
 * @param cascadeDelete whether deleting the parent deletes the children
 */
public record ChildRelationship(
    String childSObject, String field, String relationshipName, boolean cascadeDelete) {}
